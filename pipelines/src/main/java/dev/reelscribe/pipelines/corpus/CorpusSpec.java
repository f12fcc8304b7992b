package dev.reelscribe.pipelines.corpus;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which corpus outputs a run writes, and how.
 *
 * @param formats the outputs
 * @param maxShardBytes the size bound of a WebDataset shard
 * @param layout the CogVideoX layout's constraints
 * @param provenance what every record says about how it was made
 * @param reuseVideos whether CogVideoX videos already in the output were made with this layout, so a
 *     rerun keeps them instead of re-timing the clips again
 */
public record CorpusSpec(Set<Format> formats, long maxShardBytes, WriteCogVideoX.Layout layout,
    CorpusProvenance provenance, boolean reuseVideos) implements Serializable {

  /** A corpus output. */
  public enum Format {
    PARQUET, JSONL, WEBDATASET, COGVIDEOX;

    /** Formats that carry the clip files, not only records. */
    public boolean needsClips() {
      return this == WEBDATASET || this == COGVIDEOX;
    }
  }

  public CorpusSpec {
    formats = Set.copyOf(formats);
    if (maxShardBytes < 4096) {
      throw new IllegalArgumentException("a WebDataset shard needs at least 4 KiB: " + maxShardBytes);
    }
  }

  public CorpusSpec(Set<Format> formats, long maxShardBytes, WriteCogVideoX.Layout layout,
      CorpusProvenance provenance) {
    this(formats, maxShardBytes, layout, provenance, false);
  }

  public CorpusSpec withReuseVideos(boolean reuse) {
    return new CorpusSpec(formats, maxShardBytes, layout, provenance, reuse);
  }

  /** {@code all}, {@code none} or a comma-separated list of parquet, jsonl, webdataset, cogvideox. */
  public static Set<Format> parseFormats(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("all")) {
      return EnumSet.allOf(Format.class);
    }
    if (t.equals("none")) {
      return EnumSet.noneOf(Format.class);
    }
    EnumSet<Format> out = EnumSet.noneOf(Format.class);
    for (String part : t.split(",")) {
      try {
        out.add(Format.valueOf(part.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown corpus format '" + part.strip()
            + "' (all, none, or a list of parquet, jsonl, webdataset, cogvideox)");
      }
    }
    return out;
  }
}
