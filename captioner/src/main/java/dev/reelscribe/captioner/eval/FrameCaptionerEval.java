package dev.reelscribe.captioner.eval;

import dev.reelscribe.captioner.CaptionResult;
import dev.reelscribe.captioner.FrameCaptioner;
import dev.reelscribe.captioner.FrameImage;
import dev.reelscribe.captioner.builtin.FramePixels;
import dev.reelscribe.frames.Result;
import dev.reelscribe.frames.decode.Deadline;
import dev.reelscribe.frames.decode.FrameReader;
import dev.reelscribe.synthworld.render.Mp4Renderer;
import dev.reelscribe.synthworld.score.Score;
import dev.reelscribe.synthworld.score.TruthScorer;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.truth.FrameCaptionWriter;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Mat;

/**
 * Grades a frame captioner on held-out synthworld clips the way the pipeline sees them: each clip
 * is rendered to H.264 mp4, decoded, {@code framesPerClip} frames are sampled uniformly and
 * JPEG-encoded (quality 90, as {@code reelscribe extract} does), captioned, and every caption is
 * scored by {@link TruthScorer#scoreFrame} against the script at that frame.
 */
public final class FrameCaptionerEval {
  /** Figures of one evaluation run. */
  public record Report(long seed, int clips, int frames, int failed, double captionSeconds, Score score,
      List<String> examples) {
    public double framesPerSecond() {
      return captionSeconds == 0 ? 0 : frames / captionSeconds;
    }
  }

  /** One sampled frame of a held-out clip: the script, the frame's index and its JPEG. */
  public record EvalFrame(SceneScript script, int frame, FrameImage image) {}

  private FrameCaptionerEval() {}

  public static Report run(FrameCaptioner captioner, long seed, int count, int framesPerClip, Path workDir,
      PrintStream progress) throws IOException {
    if (count < 1 || framesPerClip < 1) {
      throw new IllegalArgumentException("count and framesPerClip must be positive");
    }
    Files.createDirectories(workDir);
    ScriptGenerator generator = new ScriptGenerator(WorldConfig.defaults(), seed);
    Score total = Score.empty();
    int frames = 0;
    int failed = 0;
    long captionNanos = 0;
    List<String> examples = new ArrayList<>();
    List<EvalFrame> pending = new ArrayList<>();
    try (FrameCaptioner.Session session = captioner.open()) {
      for (int i = 0; i < count; i++) {
        SceneScript script = generator.script(i);
        pending.addAll(sample(script, workDir, framesPerClip));
        if (pending.size() >= 32 || i == count - 1) {
          long t0 = System.nanoTime();
          List<CaptionResult> results = session.caption(pending.stream().map(EvalFrame::image).toList());
          captionNanos += System.nanoTime() - t0;
          for (int j = 0; j < results.size(); j++) {
            EvalFrame p = pending.get(j);
            String text = results.get(j) instanceof CaptionResult.Ok ok ? ok.text() : "";
            if (!(results.get(j) instanceof CaptionResult.Ok)) {
              failed++;
            }
            total = total.plus(TruthScorer.scoreFrame(text, p.script(), p.frame()));
            frames++;
            if (examples.size() < 6 && j % framesPerClip == 0) {
              examples.add(p.image().key() + "\n  model: " + text + "\n  truth: "
                  + FrameCaptionWriter.canonical(FrameLayout.of(p.script(), p.frame())));
            }
          }
          pending.clear();
          if (progress != null) {
            progress.printf(Locale.ROOT, "\reval: %d/%d clips, %d frames captioned", i + 1, count, frames);
          }
        }
      }
    }
    if (progress != null) {
      progress.println();
    }
    return new Report(seed, count, frames, failed, captionNanos / 1e9, total, examples);
  }

  /** Renders the clip, decodes it, and takes {@code k} frames from the middles of k equal spans. */
  public static List<EvalFrame> sample(SceneScript script, Path workDir, int k) throws IOException {
    Path mp4 = workDir.resolve(script.id() + ".mp4");
    if (!Files.isRegularFile(mp4)) {
      Mp4Renderer.write(script, mp4);
    }
    List<Integer> wanted = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      wanted.add((int) ((j + 0.5) * script.frames() / k));
    }
    List<EvalFrame> out = new ArrayList<>();
    Result<FrameReader> opened = FrameReader.open(mp4, Deadline.after(Duration.ofMinutes(1)));
    if (!(opened instanceof Result.Ok<FrameReader> ok)) {
      throw new IOException("cannot decode " + mp4 + ": " + opened);
    }
    try (FrameReader reader = ok.value()) {
      Mat frame = new Mat();
      for (int index = 0; reader.read(frame); index++) {
        if (wanted.contains(index)) {
          out.add(new EvalFrame(script, index, new FrameImage(script.id() + "#" + index, FramePixels.jpeg(frame, 90))));
        }
      }
      frame.release();
    }
    return out;
  }

  /** The report as one line of JSON. */
  public static String json(Report r, String model) {
    return String.format(Locale.ROOT,
        "{\"seed\":%d,\"clips\":%d,\"frames\":%d,\"failed\":%d,\"captionSeconds\":%.3f,\"framesPerSecond\":%.2f,"
            + "\"model\":\"%s\",\"score\":%s}",
        r.seed(), r.clips(), r.frames(), r.failed(), r.captionSeconds(), r.framesPerSecond(),
        model.replace("\\", "\\\\").replace("\"", "\\\""), r.score().json());
  }
}
