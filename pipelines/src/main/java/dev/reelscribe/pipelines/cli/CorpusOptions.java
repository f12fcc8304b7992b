package dev.reelscribe.pipelines.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.reelscribe.pipelines.corpus.CorpusProvenance;
import dev.reelscribe.pipelines.corpus.CorpusSpec;
import dev.reelscribe.pipelines.corpus.WriteCogVideoX;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/** The flags that choose the corpus outputs of {@code caption}. */
final class CorpusOptions {
  private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  @Option(names = "--corpus", paramLabel = "FORMATS",
      description = "Corpus outputs: all, none, or a list of parquet, jsonl, webdataset, cogvideox. Default: ${DEFAULT-VALUE}.")
  String formats = "all";

  @Option(names = "--shard-size", paramLabel = "MB",
      description = "Size bound of a WebDataset shard, in MiB. Default: ${DEFAULT-VALUE}.")
  long shardMegabytes = 1024;

  @Option(names = "--cogvideox-frames", paramLabel = "N",
      description = "Frames per CogVideoX video, 8N+1 (CogVideoX 1.0: 49; shorter clips are left out of the layout). "
          + "Default: 49, or 33 for the embedded synthworld input, whose clips are 33 frames long.")
  Integer cogvideoxFrames;

  @Option(names = "--cogvideox-fps", paramLabel = "FPS", description = "Frame rate of CogVideoX videos. Default: ${DEFAULT-VALUE}.")
  double cogvideoxFps = 8;

  @Option(names = "--cogvideox-size", paramLabel = "WxH", description = "Size of CogVideoX videos. Default: ${DEFAULT-VALUE}.")
  String cogvideoxSize = "720x480";

  /** Set when the input is the embedded synthworld clips. */
  boolean embeddedInput;

  Set<CorpusSpec.Format> formatSet() {
    return CorpusSpec.parseFormats(formats);
  }

  /** A problem with these flags, or null. */
  String validate(boolean fusing, boolean encodeClips) {
    try {
      Set<CorpusSpec.Format> set = formatSet();
      if (!set.isEmpty() && !fusing && !formats.equals("all")) {
        return "--corpus " + formats + " pairs clips with dense captions: it does not go with --no-fuse";
      }
      if (fusing && !encodeClips && set.stream().anyMatch(CorpusSpec.Format::needsClips)) {
        return "--corpus webdataset and cogvideox need the clip files: drop --no-clips or choose --corpus parquet,jsonl";
      }
      layout();
      if (shardMegabytes < 1) {
        return "--shard-size must be at least 1 MiB";
      }
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    return null;
  }

  WriteCogVideoX.Layout layout() {
    String[] wh = cogvideoxSize.toLowerCase(java.util.Locale.ROOT).split("x");
    if (wh.length != 2) {
      throw new IllegalArgumentException("--cogvideox-size is WIDTHxHEIGHT, e.g. 720x480: " + cogvideoxSize);
    }
    int frames = cogvideoxFrames != null ? cogvideoxFrames : embeddedInput ? 33 : 49;
    try {
      return new WriteCogVideoX.Layout(cogvideoxFps, frames, Integer.parseInt(wh[0].strip()), Integer.parseInt(wh[1].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--cogvideox-size is WIDTHxHEIGHT, e.g. 720x480: " + cogvideoxSize);
    }
  }

  /** The spec; {@code configuration} (no paths) is hashed into every record's provenance. */
  CorpusSpec spec(Map<String, Object> configuration, long startedMillis) {
    return new CorpusSpec(formatSet(), shardMegabytes * 1024 * 1024, layout(),
        new CorpusProvenance(Version.VALUE, hash(configuration), startedMillis));
  }

  static String hash(Map<String, Object> configuration) {
    try {
      byte[] canonical = CANONICAL.writeValueAsBytes(new TreeMap<>(configuration));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash the configuration", e);
    }
  }

  Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("formats", formatSet().stream().map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
    out.put("shardMegabytes", shardMegabytes);
    WriteCogVideoX.Layout l = layout();
    out.put("cogvideox", Map.of("fps", l.fps(), "frames", l.frames(), "width", l.width(), "height", l.height()));
    return out;
  }
}
