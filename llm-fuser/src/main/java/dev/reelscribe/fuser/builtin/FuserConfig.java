package dev.reelscribe.fuser.builtin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.reelscribe.models.ModelDirectory;
import dev.reelscribe.synthworld.script.Cell;
import dev.reelscribe.synthworld.script.SizeClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The built-in fuser's architecture: a transformer encoder over the clip's frame captions (each
 * led by a frame marker and a time-bucket token) — or over a short prompt, led by the prompt marker,
 * when the same model upsamples — and a transformer decoder that writes the dense description word
 * by word. Stored as {@code config.json} in the model directory.
 *
 * @param width model width
 * @param heads attention heads
 * @param encoderLayers encoder transformer layers
 * @param decoderLayers decoder transformer layers
 * @param maxInputTokens input tokens at most (longer inputs lose their last captions)
 * @param maxOutputTokens description tokens at most, EOS included
 * @param dropout dropout rate inside the transformer layers while training
 * @param vocabulary the word vocabulary, special tokens first (input and output share it)
 * @param groundedDecoding when fusing, the decoder may write a colour or an object noun ({@link
 *     dev.reelscribe.fuser.check.Lexicon}) only if some frame caption of the clip names it: the
 *     output check's {@code unsupported:} rule, enforced while decoding instead of after it.
 *     Upsampling is not grounded (a short prompt leaves the background's colours to the model).
 *     Absent in a {@code config.json} written before it existed: false.
 * @param objectTracks the input starts with each colour's {@link ObjectTracks track} through the
 *     frames (a track marker, the colour, then one size-and-cell token or "absent" per frame), before
 *     the frame captions themselves: an object's cells side by side, where motion is read. Off in
 *     the built-in configuration: trained both ways on the same data, it made no difference beyond
 *     the noise of 100 held-out clips (docs/benchmarks.md). Absent in a {@code config.json} written
 *     before it existed: false.
 * @param pairGrounding when fusing, after a colour the decoder may write only an object noun that some
 *     frame caption puts right after that colour, and after a size word only a colour that some
 *     caption puts right after that size; among the nouns a colour allows, the ones fewer captions
 *     saw with it are tilted against by the log of their share ({@link PairGrounding}). Colours and
 *     nouns stay bound as the captions bind them. A decoding rule: it changes no weight. Absent in
 *     a {@code config.json} written before it existed: false.
 */
public record FuserConfig(int width, int heads, int encoderLayers, int decoderLayers, int maxInputTokens,
    int maxOutputTokens, float dropout, List<String> vocabulary, boolean groundedDecoding, boolean objectTracks,
    boolean pairGrounding) {
  /** Time buckets: a frame at time t of a clip of length d gets bucket floor(TIME_BUCKETS * t / d). */
  public static final int TIME_BUCKETS = 10;

  private static final int SIZES = SizeClass.values().length;
  private static final int CELLS = Cell.values().length;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public FuserConfig {
    vocabulary = List.copyOf(vocabulary);
    if (width < 8 || heads < 1 || width % heads != 0) {
      throw new IllegalArgumentException("width " + width + " must be at least 8 and divisible by heads " + heads);
    }
    if (encoderLayers < 1 || decoderLayers < 1 || maxInputTokens < 8 || maxOutputTokens < 8) {
      throw new IllegalArgumentException("layers must be at least 1 and token limits at least 8");
    }
    if (dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
    }
  }

  /** The built-in size. */
  public static FuserConfig builtin() {
    return new FuserConfig(128, 4, 2, 3, 384, 256, 0.1f, FuserVocabulary.synthworld().tokens(), true, false,
        true);
  }

  /** A small configuration for tests. */
  public static FuserConfig tiny(List<String> vocabulary) {
    return new FuserConfig(32, 2, 1, 1, 96, 64, 0.1f, vocabulary, false, false, false);
  }

  /** The same architecture, decoding grounded or not. */
  public FuserConfig withGroundedDecoding(boolean value) {
    return new FuserConfig(width, heads, encoderLayers, decoderLayers, maxInputTokens, maxOutputTokens, dropout,
        vocabulary, value, objectTracks, pairGrounding);
  }

  /** The same architecture, with or without object tracks in the input. */
  public FuserConfig withObjectTracks(boolean value) {
    return new FuserConfig(width, heads, encoderLayers, decoderLayers, maxInputTokens, maxOutputTokens, dropout,
        vocabulary, groundedDecoding, value, pairGrounding);
  }

  /** The same architecture, decoding with or without pair grounding. */
  public FuserConfig withPairGrounding(boolean value) {
    return new FuserConfig(width, heads, encoderLayers, decoderLayers, maxInputTokens, maxOutputTokens, dropout,
        vocabulary, groundedDecoding, objectTracks, value);
  }

  /**
   * Input ids: the vocabulary, then the frame marker, the time buckets and the prompt marker; with
   * object tracks, then the track marker, "absent" and one token per size and cell.
   */
  public int inputVocabularySize() {
    return vocabulary.size() + 2 + TIME_BUCKETS + (objectTracks ? 2 + SIZES * CELLS : 0);
  }

  /** Leads one object's track: the colour's word follows, then one token per frame. */
  public int trackMarker() {
    return vocabulary.size() + 2 + TIME_BUCKETS;
  }

  /** A frame of a track in which the colour is not named. */
  public int absentToken() {
    return trackMarker() + 1;
  }

  /** A frame of a track: the object's apparent size and cell there. */
  public int sightingToken(int size, int cell) {
    return trackMarker() + 2 + size * CELLS + cell;
  }

  /** Leads an upsampling input: the words after it are a user's short prompt, not frame captions. */
  public int promptMarker() {
    return vocabulary.size() + 1 + TIME_BUCKETS;
  }

  public int frameMarker() {
    return vocabulary.size();
  }

  public int timeToken(int bucket) {
    return vocabulary.size() + 1 + Math.max(0, Math.min(TIME_BUCKETS - 1, bucket));
  }

  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    JSON.writeValue(dir.resolve(ModelDirectory.CONFIG).toFile(), this);
  }

  public static FuserConfig read(Path dir) throws IOException {
    Path file = dir.resolve(ModelDirectory.CONFIG);
    if (!Files.isRegularFile(file)) {
      throw new IOException("not a fuser model directory (no " + ModelDirectory.CONFIG + "): " + dir);
    }
    return JSON.readValue(file.toFile(), FuserConfig.class);
  }
}
