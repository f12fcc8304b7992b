package dev.reelscribe.frames;

/** Why a video or clip could not be processed. Stable names: they end up in {@code FailedRecord.errorClass}. */
public enum FailureKind {
  /** The file does not exist or cannot be read. */
  IO_ERROR,
  /** The file is zero bytes long. */
  EMPTY_FILE,
  /** No decoder accepts the file: not a video, or no usable header. */
  UNREADABLE,
  /** The container says it holds more data than the file has; the tail is missing. */
  TRUNCATED,
  /** The file opens but not a single frame decodes. */
  NO_FRAMES,
  /** Decoding took longer than the per-file time bound. */
  TIMEOUT,
  /** A frame that decoded earlier could not be decoded again (e.g. while sampling a clip). */
  DECODE_ERROR,
  /** Writing an encoded clip or a frame failed. */
  ENCODE_ERROR
}
