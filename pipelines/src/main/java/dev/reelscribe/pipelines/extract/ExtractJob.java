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
    String output, boolean encodeClips) implements Serializable {

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
    String output = o.getOutput().endsWith("/")
        ? o.getOutput().substring(0, o.getOutput().length() - 1) : o.getOutput();
    return new ExtractJob(extraction, sampling, timeout, output, o.getEncodeClips());
  }

  public String clipsDir() {
    return output + "/clips";
  }

  public String recordsDir(String name) {
    return output + "/records/" + name;
  }

  public String failedDir() {
    return output + "/failed";
  }
}
