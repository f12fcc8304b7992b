package dev.reelscribe.pipelines.extract;

import dev.reelscribe.frames.ExtractionConfig;
import dev.reelscribe.frames.analysis.AnalysisConfig;
import dev.reelscribe.frames.sampling.SamplingConfig;
import dev.reelscribe.frames.sampling.SamplingStrategy;
import dev.reelscribe.frames.scores.FilterConfig;
import dev.reelscribe.frames.shots.ShotConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * The library configuration an {@link ExtractOptions} stands for, validated once when the pipeline
 * is built (a bad flag fails before any work starts).
 */
public record ExtractJob(ExtractionConfig extraction, SamplingConfig sampling, Duration timeout,
    String output, String staging, String previous, boolean encodeClips) implements Serializable {

  public static ExtractJob from(ExtractOptions o) {
    Duration timeout = Duration.ofSeconds(o.getDecodeTimeoutSeconds());
    FilterConfig filter = switch (o.getFilter()) {
      case "default" -> FilterConfig.defaults().withMinSeconds(o.getMinClipSeconds());
      case "none" -> FilterConfig.permissive(o.getMinClipSeconds());
      default -> throw new IllegalArgumentException(
          "--filter must be 'default' or 'none', got '" + o.getFilter() + "'");
    };
    ExtractionConfig extraction = new ExtractionConfig(
        AnalysisConfig.defaults().withTimeout(timeout),
        ShotConfig.defaults().withMaxClipSeconds(o.getMaxClipSeconds()),
        filter);
    SamplingConfig sampling = new SamplingConfig(
        SamplingStrategy.parse(o.getSampling()), o.getFrameMaxSide(), o.getJpegQuality());
    String output = trim(o.getOutput());
    String staging = o.getStaging() == null ? output : trim(o.getStaging());
    String previous = o.getPrevious() == null ? null : trim(o.getPrevious());
    return new ExtractJob(extraction, sampling, timeout, output, staging, previous, o.getEncodeClips());
  }

  private static String trim(String dir) {
    return dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
  }

  public String clipsDir() {
    return output + "/clips";
  }

  /** Where this run writes a kind of record: under the staging root, published at commit. */
  public String recordsDir(String name) {
    return staging + "/records/" + name;
  }

  /** Where the committed records of a kind are read back from, for reuse; null without --previous. */
  public String previousRecordsDir(String name) {
    return previous == null ? null : previous + "/records/" + name;
  }

  public String failedDir() {
    return staging + "/failed";
  }
}
