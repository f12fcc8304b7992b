package dev.reelscribe.pipelines.extract;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Job configuration of the extraction pipeline. Every option is also a {@code reelscribe extract} flag. */
public interface ExtractOptions extends PipelineOptions {
  @Description("Videos to process: a directory, a glob, a manifest (.txt, one path or uri a line), "
      + "or one file. Local paths and gs:// uris.")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description("Output directory (local or gs://).")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description("Frame sampling: uniform:N, fps:R or per-shot.")
  @Default.String("uniform:8")
  String getSampling();

  void setSampling(String value);

  @Description("Longest side of a sampled frame, pixels.")
  @Default.Integer(512)
  int getFrameMaxSide();

  void setFrameMaxSide(int value);

  @Description("JPEG quality of sampled frames, 1-100.")
  @Default.Integer(90)
  int getJpegQuality();

  void setJpegQuality(int value);

  @Description("Clips shorter than this are tagged too_short, seconds.")
  @Default.Double(1.0)
  double getMinClipSeconds();

  void setMinClipSeconds(double value);

  @Description("Shots longer than this are cut into pieces, seconds.")
  @Default.Double(10.0)
  double getMaxClipSeconds();

  void setMaxClipSeconds(double value);

  @Description("Per-file decoding time bound, seconds.")
  @Default.Integer(600)
  int getDecodeTimeoutSeconds();

  void setDecodeTimeoutSeconds(int value);

  @Description("Write kept clips as H.264 mp4 under OUTPUT/clips/.")
  @Default.Boolean(true)
  boolean getEncodeClips();

  void setEncodeClips(boolean value);

  @Description("Filter thresholds: 'default', or 'none' to keep every clip that is long enough.")
  @Default.String("default")
  String getFilter();

  void setFilter(String value);

  @Description("Where record shards, failures and the corpus index are written until the run commits "
      + "(io.RunOutput); clip files always go to --output. Default: --output itself.")
  String getStaging();

  void setStaging(String value);

  @Description("A committed output whose records this run reuses: videos already extracted there are "
      + "not decoded again, frame captions and dense captions from the same model and prompt are kept. "
      + "Default: none (everything is computed).")
  String getPrevious();

  void setPrevious(String value);
}
