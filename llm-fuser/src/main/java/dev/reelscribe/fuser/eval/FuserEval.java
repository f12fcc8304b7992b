package dev.reelscribe.fuser.eval;

import dev.reelscribe.captioner.CaptionResult;
import dev.reelscribe.captioner.FrameCaptioner;
import dev.reelscribe.captioner.eval.FrameCaptionerEval;
import dev.reelscribe.captioner.eval.FrameCaptionerEval.EvalFrame;
import dev.reelscribe.fuser.CaptionFuser;
import dev.reelscribe.fuser.CaptionGate;
import dev.reelscribe.fuser.FusionInput;
import dev.reelscribe.fuser.FusionOutcome;
import dev.reelscribe.fuser.Generation;
import dev.reelscribe.fuser.TimedCaption;
import dev.reelscribe.synthworld.score.Kind;
import dev.reelscribe.synthworld.score.Score;
import dev.reelscribe.synthworld.score.TruthScorer;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.fuser.train.FusionExample;
import dev.reelscribe.fuser.train.FusionExamples;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Grades a caption fuser on held-out synthworld clips the way the pipeline feeds it: each clip is
 * rendered to H.264, decoded and sampled ({@link FrameCaptionerEval#sample}); a frame captioner
 * captions the frames (its real output, errors included); the fuser turns the timestamped captions
 * into one description; and {@link TruthScorer#scoreClip} grades it against the script — motion,
 * object, colour, position, camera, events and hallucinations.
 *
 * <p>The baseline is the best single frame caption of each clip, graded the same way: what a
 * corpus would hold without fusion. The difference is what fusion adds (above all motion, which no
 * still shows).
 */
public final class FuserEval {
  private static final int FUSE_BATCH = 8;
  private static final Kind[] BEST_BY = {Kind.OBJECT, Kind.COLOUR, Kind.POSITION, Kind.MOTION};

  /** Figures of one evaluation run. */
  public record Report(long seed, int clips, int framesPerClip, int failed, int rejected, double fuseSeconds,
      Score fused, Score bestFrame, List<String> examples) {
    /** Mean fusion time per clip, in milliseconds. */
    public double millisPerClip() {
      return clips == 0 ? 0 : fuseSeconds * 1000 / clips;
    }
  }

  private record Clip(SceneScript script, List<TimedCaption> captions, FusionInput input) {}

  private FuserEval() {}

  /**
   * As {@link #run(CaptionFuser, FrameCaptioner, CaptionGate, long, int, int, Path, PrintStream)},
   * but the fuser reads synthworld's own caption of each sampled frame ({@link
   * FusionExamples#truthCaptioned}) instead of a captioner's: what the fuser makes of a perfect frame
   * captioner. The gap between the two runs is the captioner's share of the fuser's errors.
   */
  public static Report runOnTruthCaptions(CaptionFuser fuser, CaptionGate gate, long seed, int count,
      int framesPerClip, PrintStream progress) throws IOException {
    return run(fuser, null, gate, seed, count, framesPerClip, null, progress);
  }

  /** {@code captioner} null: the truth captions ({@link #runOnTruthCaptions}); {@code workDir} is then unused. */
  public static Report run(CaptionFuser fuser, FrameCaptioner captioner, CaptionGate gate, long seed, int count,
      int framesPerClip, Path workDir, PrintStream progress) throws IOException {
    if (count < 1 || framesPerClip < 1) {
      throw new IllegalArgumentException("count and framesPerClip must be positive");
    }
    if (captioner != null) {
      Files.createDirectories(workDir);
    }
    ScriptGenerator generator = new ScriptGenerator(WorldConfig.defaults(), seed);
    Score fusedTotal = Score.empty();
    Score bestTotal = Score.empty();
    int failed = 0;
    int rejected = 0;
    long fuseNanos = 0;
    List<String> examples = new ArrayList<>();
    List<Clip> pending = new ArrayList<>();
    try (FrameCaptioner.Session captions = captioner == null ? null : captioner.open();
        CaptionFuser.Session fusion = fuser.open()) {
      for (int i = 0; i < count; i++) {
        SceneScript script = generator.script(i);
        pending.add(captions == null ? truthCaptioned(script, framesPerClip)
            : caption(script, captions, workDir, framesPerClip));
        if (pending.size() < FUSE_BATCH && i < count - 1) {
          continue;
        }
        long t0 = System.nanoTime();
        List<Generation> results = fusion.fuse(pending.stream().map(Clip::input).toList());
        fuseNanos += System.nanoTime() - t0;
        for (int j = 0; j < pending.size(); j++) {
          Clip clip = pending.get(j);
          Generation g = results.get(j);
          String text = g instanceof Generation.Text t ? t.text() : "";
          if (g instanceof Generation.Failed) {
            failed++;
          } else if (gate.judge(clip.input(), List.of(), g, fuser.model(), fuser.prompt().version())
              instanceof FusionOutcome.Rejected) {
            rejected++;
          }
          fusedTotal = fusedTotal.plus(TruthScorer.scoreClip(text, clip.script()));
          bestTotal = bestTotal.plus(bestFrame(clip));
          if (examples.size() < 4) {
            examples.add(clip.script().id() + "\n  fused: " + text);
          }
        }
        pending.clear();
        if (progress != null) {
          progress.printf(Locale.ROOT, "\reval fuser: %d/%d clips", i + 1, count);
        }
      }
    }
    if (progress != null) {
      progress.println();
    }
    return new Report(seed, count, framesPerClip, failed, rejected, fuseNanos / 1e9, fusedTotal, bestTotal, examples);
  }

  private static Clip caption(SceneScript script, FrameCaptioner.Session session, Path workDir, int k)
      throws IOException {
    List<EvalFrame> frames = FrameCaptionerEval.sample(script, workDir, k);
    List<CaptionResult> results = session.caption(frames.stream().map(EvalFrame::image).toList());
    List<TimedCaption> captions = new ArrayList<>();
    for (int j = 0; j < frames.size(); j++) {
      String text = results.get(j) instanceof CaptionResult.Ok ok ? ok.text() : "";
      captions.add(new TimedCaption(frames.get(j).frame() / script.fps(), text));
    }
    FusionInput input = new FusionInput(script.id(), captions, script.frames() / script.fps());
    return new Clip(script, captions, input);
  }

  private static Clip truthCaptioned(SceneScript script, int k) {
    FusionExample e = FusionExamples.truthCaptioned(script, k);
    return new Clip(script, e.captions(), new FusionInput(script.id(), e.captions(), e.durationSeconds()));
  }

  /** The clip's frame caption that grades best against the whole clip. */
  static Score bestFrame(Clip clip) {
    Score best = null;
    double bestValue = -1;
    for (TimedCaption c : clip.captions()) {
      Score s = TruthScorer.scoreClip(c.text(), clip.script());
      double value = 0;
      for (Kind kind : BEST_BY) {
        value += s.tally(kind).f1();
      }
      if (value > bestValue) {
        best = s;
        bestValue = value;
      }
    }
    return best;
  }

  /** The report as one line of JSON. */
  public static String json(Report r, String model) {
    return String.format(Locale.ROOT,
        "{\"seed\":%d,\"clips\":%d,\"framesPerClip\":%d,\"failed\":%d,\"rejected\":%d,\"fuseSeconds\":%.3f,"
            + "\"msPerClip\":%.1f,\"model\":\"%s\",\"fused\":%s,\"bestFrame\":%s}",
        r.seed(), r.clips(), r.framesPerClip(), r.failed(), r.rejected(), r.fuseSeconds(), r.millisPerClip(),
        model.replace("\\", "\\\\").replace("\"", "\\\""), r.fused().json(), r.bestFrame().json());
  }
}
