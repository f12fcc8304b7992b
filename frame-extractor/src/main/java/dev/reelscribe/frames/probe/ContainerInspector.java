package dev.reelscribe.frames.probe;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Names a file's container from its magic bytes and checks that its top-level structure fits in the
 * file.
 *
 * <p>Containers state wrong frame counts (tree.avi claims 444 frames and 68 decode), so "fewer frames
 * than claimed" alone cannot tell a damaged file from a sloppy one. The structure can: an MP4 whose
 * {@code mdat} box runs past the end of the file, or an AVI whose RIFF chunk is larger than the file,
 * lost its tail.
 */
public final class ContainerInspector {
  private static final int MAX_TOP_LEVEL_BOXES = 100_000;

  private ContainerInspector() {}

  public static ContainerCheck inspect(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long size = raf.length();
      byte[] head = new byte[16];
      int n = raf.read(head);
      if (n < 12) {
        return new ContainerCheck("unknown", Optional.empty());
      }
      if (isAscii(head, 4, "ftyp") || isAscii(head, 4, "moov") || isAscii(head, 4, "mdat")
          || isAscii(head, 4, "free") || isAscii(head, 4, "wide")) {
        return new ContainerCheck("mp4", checkIsoBoxes(raf, size));
      }
      if (isAscii(head, 0, "RIFF") && isAscii(head, 8, "AVI ")) {
        long declared = ByteBuffer.wrap(head, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        Optional<String> cut =
            declared + 8 > size
                ? Optional.of("RIFF chunk declares " + (declared + 8) + " bytes, file has " + size)
                : Optional.empty();
        return new ContainerCheck("avi", cut);
      }
      if ((head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF
          && (head[3] & 0xFF) == 0xA3) {
        return new ContainerCheck("matroska", Optional.empty());
      }
      if ((head[0] & 0xFF) == 0x47 && size > 188 && readByteAt(raf, 188) == 0x47) {
        return new ContainerCheck("mpeg-ts", Optional.empty());
      }
      if (isAscii(head, 0, "FLV")) {
        return new ContainerCheck("flv", Optional.empty());
      }
      if (isAscii(head, 0, "OggS")) {
        return new ContainerCheck("ogg", Optional.empty());
      }
      if ((head[0] & 0xFF) == 0x00 && (head[1] & 0xFF) == 0x00 && (head[2] & 0xFF) == 0x01
          && (head[3] & 0xFF) == 0xBA) {
        return new ContainerCheck("mpeg-ps", Optional.empty());
      }
      return new ContainerCheck("unknown", Optional.empty());
    }
  }

  /** Walks ISO-BMFF top-level boxes; a box whose size runs past the end means the file was cut. */
  private static Optional<String> checkIsoBoxes(RandomAccessFile raf, long size) throws IOException {
    long offset = 0;
    byte[] header = new byte[16];
    for (int i = 0; i < MAX_TOP_LEVEL_BOXES && offset < size; i++) {
      raf.seek(offset);
      int n = raf.read(header);
      if (n < 8) {
        return Optional.of("incomplete box header at byte " + offset + " of " + size);
      }
      ByteBuffer buf = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
      long boxSize = buf.getInt(0) & 0xFFFFFFFFL;
      String type = new String(header, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (boxSize == 1) {
        if (n < 16) {
          return Optional.of("incomplete 64-bit box header at byte " + offset);
        }
        boxSize = buf.getLong(8);
      } else if (boxSize == 0) {
        boxSize = size - offset;
      }
      if (boxSize < 8) {
        return Optional.of("invalid box size " + boxSize + " for '" + type + "' at byte " + offset);
      }
      if (offset + boxSize > size) {
        return Optional.of(
            "box '" + type + "' at byte " + offset + " declares " + boxSize + " bytes; only "
                + (size - offset) + " remain");
      }
      offset += boxSize;
    }
    return Optional.empty();
  }

  private static int readByteAt(RandomAccessFile raf, long pos) throws IOException {
    raf.seek(pos);
    return raf.read();
  }

  private static boolean isAscii(byte[] b, int off, String s) {
    if (b.length < off + s.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (b[off + i] != (byte) s.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
