package dev.reelscribe.pipelines.cli;

import dev.reelscribe.pipelines.extract.ExtractMetrics;
import dev.reelscribe.pipelines.extract.ExtractOptions;
import dev.reelscribe.pipelines.extract.ExtractPipeline;
import dev.reelscribe.pipelines.io.RunOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reelscribe extract}: videos → single-shot clips, scores, tags, sampled frames. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Splits videos into single-shot clips, scores and filters them, samples frames and writes",
        "clips/<clipId>.mp4, records/{sources,clips,rejected,frames}/part-*.{parquet,jsonl},",
        "failed/part-*.{jsonl,parquet} and run.json under --output. A run publishes its files only when it",
        "succeeds; rerunning into the same --output does only the missing work (new, changed or failed",
        "videos; captions whose model or prompt changed), unless --no-reuse.",
        "",
        "Other --flags go to Apache Beam, e.g. --runner=FlinkRunner --flinkMaster=[local]",
        "or --flinkMaster=host:8081; gs:// paths use Google credentials (or --gcsEndpoint)."},
    footer = {"", "Example:", "  reelscribe extract --input testdata/videos --output out/extract --sampling fps:1",
        "  reelscribe extract                # on synthworld clips, to reelscribe-out/extract"})
public class ExtractCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", paramLabel = "DIR|GLOB|FILE|MANIFEST",
      description = "Videos: a directory, a glob, one file, or a manifest .txt (one path or uri a line); "
          + "local or gs://. Default: " + EmbeddedInput.COUNT + " synthworld clips (seed " + EmbeddedInput.SEED
          + "), rendered to OUTPUT-synthworld-input/.")
  String input;

  @Option(names = "--output", paramLabel = "DIR", description = "Output directory, local or gs://. Default: ${DEFAULT-VALUE}.")
  String output = "reelscribe-out/extract";

  @Option(names = "--sampling", paramLabel = "SPEC",
      description = "Frames to sample per clip: uniform:N, fps:R or per-shot. Default: ${DEFAULT-VALUE}.")
  String sampling = "uniform:8";

  @Option(names = "--frame-max-side", paramLabel = "PX", description = "Longest side of a sampled frame. Default: ${DEFAULT-VALUE}.")
  int frameMaxSide = 512;

  @Option(names = "--jpeg-quality", paramLabel = "Q", description = "JPEG quality 1-100. Default: ${DEFAULT-VALUE}.")
  int jpegQuality = 90;

  @Option(names = "--min-clip-seconds", paramLabel = "S", description = "Shorter clips are tagged too_short. Default: ${DEFAULT-VALUE}.")
  double minClipSeconds = 1.0;

  @Option(names = "--max-clip-seconds", paramLabel = "S", description = "Longer shots are cut into pieces. Default: ${DEFAULT-VALUE}.")
  double maxClipSeconds = 10.0;

  @Option(names = "--decode-timeout", paramLabel = "S", description = "Per-file decoding time bound, seconds. Default: ${DEFAULT-VALUE}.")
  int decodeTimeoutSeconds = 600;

  @Option(names = "--filter", paramLabel = "default|none",
      description = "Quality filter: 'default' thresholds, or 'none' (keep every clip long enough). Default: ${DEFAULT-VALUE}.")
  String filter = "default";

  @Option(names = "--no-clips", description = "Do not write clip mp4 files (records and frames only).")
  boolean noClips;

  @Option(names = "--no-reuse",
      description = "Compute everything again instead of reusing what the last committed run in --output made "
          + "(by default a rerun decodes only new or changed videos and captions only what a changed model or "
          + "prompt affects).")
  boolean noReuse;

  @CommandLine.Unmatched List<String> beamArgs = new ArrayList<>();

  /** True when no --input was given and the embedded synthworld clips are the input. */
  boolean embeddedInput;

  /** The last committed run in --output, read when this run starts; null before. */
  PreviousRun previousRun;

  /** This run's staging area and commit ({@link RunOutput}); null before the run starts. */
  RunOutput run;

  /** The committed output this run reuses ({@code --previous}), or null. */
  String reuseFrom;

  /** The extraction settings, without paths: what decides which clips and frames a run makes. */
  Map<String, Object> extractionConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("sampling", sampling);
    config.put("frameMaxSide", frameMaxSide);
    config.put("jpegQuality", jpegQuality);
    config.put("minClipSeconds", minClipSeconds);
    config.put("maxClipSeconds", maxClipSeconds);
    config.put("decodeTimeoutSeconds", decodeTimeoutSeconds);
    config.put("filter", filter);
    config.put("encodeClips", !noClips);
    return config;
  }

  /** The Beam options these flags stand for; leftover flags go to Beam as they are. */
  ExtractOptions options() {
    List<String> args = new ArrayList<>(beamArgs);
    args.add("--input=" + input);
    args.add("--output=" + output);
    args.add("--sampling=" + sampling);
    args.add("--frameMaxSide=" + frameMaxSide);
    args.add("--jpegQuality=" + jpegQuality);
    args.add("--minClipSeconds=" + minClipSeconds);
    args.add("--maxClipSeconds=" + maxClipSeconds);
    args.add("--decodeTimeoutSeconds=" + decodeTimeoutSeconds);
    args.add("--filter=" + filter);
    args.add("--encodeClips=" + !noClips);
    PipelineOptionsFactory.register(ExtractOptions.class);
    return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).withValidation().as(ExtractOptions.class);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (input == null) {
      input = EmbeddedInput.render(output, err).toString();
      embeddedInput = true;
    }
    if (!input.contains("://") && !Files.exists(Path.of(input)) && !input.contains("*")) {
      err.println("reelscribe extract: --input " + input + " does not exist");
      return 2;
    }
    String problem = validate();
    if (problem != null) {
      err.println("reelscribe " + name() + ": " + problem);
      return 2;
    }
    ExtractOptions options = options();
    FileSystems.setDefaultPipelineOptions(options); // gs:// with this run's endpoint and credentials
    run = RunOutput.begin(output, err);
    previousRun = PreviousRun.read(run.root());
    reuseFrom = reuseFrom(err);
    options.setStaging(run.staging());
    options.setPrevious(reuseFrom);
    boolean direct = options.getRunner().equals(DirectRunner.class);
    if (direct) {
      DirectOptions directOptions = options.as(DirectOptions.class);
      directOptions.setBlockOnRun(false);
      // checks for tests (TestPipeline keeps them): per bundle they walk the whole pipeline graph,
      // which on a rerun's many small join bundles cost more than the work
      if (!beamArgs.stream().anyMatch(a -> a.startsWith("--enforceImmutability"))) {
        directOptions.setEnforceImmutability(false);
      }
      if (!beamArgs.stream().anyMatch(a -> a.startsWith("--enforceEncodability"))) {
        directOptions.setEnforceEncodability(false);
      }
    }
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options);

    Instant started = Instant.now();
    long t0 = System.nanoTime();
    err.println("reelscribe " + name() + ": " + input + " -> " + output + " on " + options.getRunner().getSimpleName());
    PipelineResult result = pipeline.run();
    PipelineResult.State state = direct ? Progress.follow(result, err, t0) : result.waitUntilFinish();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Map<String, Long> counts = RunReport.counters(result, ExtractMetrics.NAMESPACE);
    Map<String, Long> stageCounts = stageCounters(result);

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("command", name());
    report.put("reelscribeVersion", Version.VALUE);
    report.put("state", state.toString());
    report.put("startedAt", started.toString());
    report.put("seconds", Math.round(seconds * 10) / 10.0);
    report.put("runner", options.getRunner().getSimpleName());
    report.put("runId", run.runId());
    report.put("reusedFrom", reuseFrom);
    report.put("counts", counts);
    if (!stageCounts.isEmpty()) {
      report.put("captionCounts", stageCounts);
    }
    Map<String, Object> distributions = new LinkedHashMap<>();
    for (String namespace : distributionNamespaces()) {
      distributions.putAll(RunReport.distributions(result, namespace));
    }
    report.put("distributions", distributions);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("input", input);
    config.put("output", output);
    config.putAll(extractionConfig());
    addConfig(config);
    report.put("config", config);
    String runJson = state == PipelineResult.State.DONE ? run.root() + "/run.json" : "the log above (nothing published)";
    if (state == PipelineResult.State.DONE) {
      RunReport.write(run.staging() + "/run.json", report);
      run.commit(replacedDirs(), err);
    } else {
      err.println("reelscribe " + name() + ": the run ended " + state + "; nothing was published to " + output
          + " (clip files stay, and a rerun reuses them)");
    }

    err.println(Progress.line(counts, t0));
    long reusedVideos = counts.getOrDefault(ExtractMetrics.VIDEOS_REUSED, 0L);
    out.printf("%s in %.1f s: %d videos (%s%d failed), %d clips kept, %d rejected, %d frames%s; see %s%n",
        state, seconds,
        counts.getOrDefault(ExtractMetrics.VIDEOS_MATCHED, 0L),
        reusedVideos > 0 ? reusedVideos + " reused, " : "",
        counts.getOrDefault(ExtractMetrics.VIDEOS_FAILED, 0L),
        counts.getOrDefault(ExtractMetrics.CLIPS_RENDERED, 0L) + counts.getOrDefault(ExtractMetrics.CLIPS_REUSED, 0L),
        counts.getOrDefault(ExtractMetrics.CLIPS_REJECTED, 0L),
        counts.getOrDefault(ExtractMetrics.FRAMES_SAMPLED, 0L) + counts.getOrDefault(ExtractMetrics.FRAMES_REUSED, 0L),
        summary(stageCounts),
        runJson);
    return state == PipelineResult.State.DONE ? 0 : 1;
  }

  /** {@link #reuseFrom}: the output itself when its last run's extraction settings match, else null. */
  private String reuseFrom(PrintWriter err) {
    if (noReuse || !previousRun.exists()) {
      return null;
    }
    List<String> differ = previousRun.extractionDifferences(extractionConfig());
    if (!differ.isEmpty()) {
      err.println("reelscribe " + name() + ": the extraction settings changed since the last run in " + output
          + " (" + String.join(", ", differ) + "); every video is extracted again");
      return null;
    }
    err.println("reelscribe " + name() + ": reusing the last run in " + output
        + ": videos extracted there are not decoded again; captions from the same model and prompt are kept");
    return run.root();
  }

  /** The output directories this command's run replaces when it commits (relative to --output). */
  List<String> replacedDirs() {
    return new ArrayList<>(List.of("records/sources", "records/clips", "records/rejected", "records/frames", "failed"));
  }

  /** The subcommand's name, in messages and run.json. */
  String name() {
    return "extract";
  }

  /** A problem with the flags, or null. */
  String validate() {
    return null;
  }

  /** Adds the job's transforms to the pipeline. */
  void build(Pipeline pipeline, ExtractOptions options) throws Exception {
    ExtractPipeline.applyTransforms(pipeline, options);
  }

  /** Namespaces whose distributions go to run.json (clip lengths, scores, caption lengths, batch times). */
  List<String> distributionNamespaces() {
    return List.of(ExtractMetrics.NAMESPACE);
  }

  /** Counters of the stages after extraction. */
  Map<String, Long> stageCounters(PipelineResult result) {
    return Map.of();
  }

  /** Adds the later stages' flags to run.json's configuration. */
  void addConfig(Map<String, Object> config) throws IOException {}

  /** The later stages' part of the summary line. */
  String summary(Map<String, Long> stageCounts) {
    return "";
  }
}
