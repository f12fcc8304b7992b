package dev.reelscribe.generator.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelscribe.generator.sample.VideoGenerator;
import dev.reelscribe.generator.train.GeneratorTrainer;
import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.ScenePart;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.Shape;
import dev.reelscribe.synthworld.truth.DescriptionWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Whether the transformer listens to the prompt's shape and colour words, without the captioner.
 * Each held-out clip is rendered twice more, once with its object's shape changed and once with its
 * colour changed (everything else the same). The clip's own latents are noised at {@link #TIMESTEPS}
 * (noise fixed by the clip), and the model estimates the clean latents under the three clips' prompts.
 *
 * <p>Two readings. The error of each estimate against the clip's own latents on the object's cells:
 * a model that draws the prompt's shape gets worse when told another shape. And how far the estimate
 * moves toward the other clip's latents when only the word changes, as a fraction of the way: the
 * projection of (own-prompt estimate − other-prompt estimate) onto (own latents − other latents) over
 * the object cells of either clip. 1 is a model that redraws the object as the word says wherever the
 * noisy latents leave it free to; 0 is one that ignores the word. The mid-noise timesteps are where a
 * DDIM run settles an object's outline: by then its place is known from the noisy latents, and only
 * the prompt says what to draw there.
 *
 * @param asPrompted mean squared error of the clean estimate on object cells, the clip's own prompt
 * @param shapeSwapped the same with another shape word
 * @param colourSwapped the same with another colour word
 * @param shapeFollowed the fraction of the way toward the other shape's latents the estimate moves with its word
 * @param colourFollowed the same for the other colour
 * @param clips clips measured
 */
public record WordSensitivity(double asPrompted, double shapeSwapped, double colourSwapped, double shapeFollowed,
    double colourFollowed, int clips) {
  /** DDPM timesteps the latents are noised at. */
  static final int[] TIMESTEPS = {300, 500, 700};
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Measures it on rendered clips ({@code [3, T, S, S]} bytes) and the scripts they were rendered from;
   * the clips with another shape or colour are rendered in a temporary directory and deleted after.
   */
  public static WordSensitivity measure(VideoGenerator generator, List<byte[]> clips, List<SceneScript> scripts)
      throws IOException {
    var model = generator.model();
    int frames = model.spec().frames();
    int size = model.spec().height();
    int latentFrames = model.vae().config().latentFrames(frames);
    double[] errors = new double[3];
    double[] followed = new double[2];
    Path scratch = Files.createTempDirectory("reelscribe-word-swaps");
    try {
      for (int i = 0; i < clips.size(); i++) {
        SceneScript script = scripts.get(i);
        SceneObject object = ClipGrader.object(script);
        List<SceneScript> swaps = List.of(withObject(script, otherShape(object)), withObject(script, otherColour(object)));
        List<byte[]> rendered = List.of(clips.get(i),
            GeneratorEval.render(swaps.get(0), scratch.resolve("shape.mp4"), frames, size),
            GeneratorEval.render(swaps.get(1), scratch.resolve("colour.mp4"), frames, size));
        List<float[]> latents = GeneratorTrainer.scaledLatents(model, rendered);
        float[] clean = latents.get(0);
        float[] cells = GeneratorTrainer.objectCells(model, clips.get(i));
        float[][] either = new float[2][];
        for (int k = 0; k < 2; k++) {
          either[k] = union(cells, GeneratorTrainer.objectCells(model, rendered.get(k + 1)));
        }
        int perFrame = cells.length / latentFrames;
        int channels = clean.length / cells.length;
        List<String> prompts = List.of(DescriptionWriter.canonical(script), DescriptionWriter.canonical(swaps.get(0)),
            DescriptionWriter.canonical(swaps.get(1)));
        Random noise = new Random(i);
        for (int t : TIMESTEPS) {
          float[] noisy = noised(generator, clean, t, noise);
          float[] batch = new float[3 * clean.length];
          for (int k = 0; k < 3; k++) {
            System.arraycopy(noisy, 0, batch, k * clean.length, clean.length);
          }
          float[] estimate = generator.estimateClean(batch, prompts, t);
          for (int k = 0; k < 3; k++) {
            errors[k] += objectError(estimate, k * clean.length, clean, cells, perFrame, channels) / TIMESTEPS.length;
          }
          for (int k = 0; k < 2; k++) {
            followed[k] += followed(estimate, (k + 1) * clean.length, clean, latents.get(k + 1), either[k], perFrame,
                channels) / TIMESTEPS.length;
          }
        }
      }
    } finally {
      Files.deleteIfExists(scratch.resolve("shape.mp4"));
      Files.deleteIfExists(scratch.resolve("colour.mp4"));
      Files.delete(scratch);
    }
    int n = Math.max(1, clips.size());
    return new WordSensitivity(errors[0] / n, errors[1] / n, errors[2] / n, followed[0] / n, followed[1] / n,
        clips.size());
  }

  /** The script with its one object replaced. */
  static SceneScript withObject(SceneScript script, SceneObject object) {
    ScenePart part = script.parts().get(0);
    return new SceneScript(script.id(), script.seed(), script.width(), script.height(), script.fps(), script.frames(),
        List.of(new ScenePart(part.startFrame(), part.background(), part.camera(), List.of(object))), script.text(),
        script.staticBurst());
  }

  /**
   * The object as the shape three places on in {@link Shape}'s order, or the next after it that can
   * make the object's motion (a spinning circle cannot be seen to spin, so a spinning object never becomes one).
   */
  static SceneObject otherShape(SceneObject object) {
    Shape[] all = Shape.values();
    for (int k = 3; k < 3 + all.length; k++) {
      Shape other = all[(object.shape().ordinal() + k) % all.length];
      if (other != object.shape() && (object.motion().kind() != MotionKind.ROTATE
          || other.rotationVisible())) {
        return new SceneObject(other, object.colour(), object.size(), object.x(), object.y(), object.motion(),
            object.depth());
      }
    }
    throw new IllegalArgumentException("no other shape can make " + object.name() + "'s motion");
  }

  /** The object in the colour five places on in {@link Colour}'s order. */
  static SceneObject otherColour(SceneObject object) {
    Colour[] all = Colour.values();
    Colour other = all[(object.colour().ordinal() + 5) % all.length];
    return new SceneObject(object.shape(), other, object.size(), object.x(), object.y(), object.motion(),
        object.depth());
  }

  private static float[] union(float[] a, float[] b) {
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = Math.max(a[i], b[i]);
    }
    return out;
  }

  private static float[] noised(VideoGenerator generator, float[] clean, int t, Random noise) {
    var schedule = generator.model().scheduler().schedule();
    double a = schedule.signal(t);
    double sigma = schedule.noise(t);
    float[] out = new float[clean.length];
    for (int j = 0; j < clean.length; j++) {
      out[j] = (float) (a * clean[j] + sigma * noise.nextGaussian());
    }
    return out;
  }

  /**
   * Mean squared error over the object cells of one estimate (at {@code offset} in {@code estimate})
   * against the clean latents {@code [F, C, H, W]}; {@code cells} is {@code [F, H, W]}.
   */
  static double objectError(float[] estimate, int offset, float[] clean, float[] cells, int perFrame, int channels) {
    double sum = 0;
    long count = 0;
    for (int j = 0; j < clean.length; j++) {
      if (cells[cell(j, perFrame, channels)] > 0) {
        double d = estimate[offset + j] - clean[j];
        sum += d * d;
        count++;
      }
    }
    return count == 0 ? 0 : sum / count;
  }

  /**
   * How far the estimate under the other word (at {@code offset}) lies from the own-prompt estimate (at 0)
   * along the way from the own latents to the other clip's, as a fraction of that way, over {@code cells}:
   * {@code <e_own − e_other, own − other> / |own − other|²}; 0 when the two clips do not differ there.
   */
  static double followed(float[] estimate, int offset, float[] own, float[] other, float[] cells, int perFrame,
      int channels) {
    double dot = 0;
    double norm = 0;
    for (int j = 0; j < own.length; j++) {
      if (cells[cell(j, perFrame, channels)] > 0) {
        double way = own[j] - other[j];
        dot += (estimate[j] - estimate[offset + j]) * way;
        norm += way * way;
      }
    }
    return norm == 0 ? 0 : dot / norm;
  }

  /** The {@code [F, H, W]} cell of element {@code j} of {@code [F, C, H, W]} latents. */
  private static int cell(int j, int perFrame, int channels) {
    return j / (channels * perFrame) * perFrame + j % perFrame;
  }

  /** One line for the table. */
  public String line() {
    String at = Arrays.stream(TIMESTEPS).mapToObj(Integer::toString).collect(Collectors.joining("/"));
    return String.format(Locale.ROOT, "prompt words (x0 on object cells at t=%s, %d clips): error %.4f as prompted, "
        + "%.4f (%+.0f%%) with another shape word, %.4f (%+.0f%%) with another colour word; the estimate follows a "
        + "changed shape word %.2f of the way to that shape's latents, a changed colour word %.2f%n", at, clips,
        asPrompted, shapeSwapped, percent(shapeSwapped), colourSwapped, percent(colourSwapped), shapeFollowed,
        colourFollowed);
  }

  private double percent(double swapped) {
    return 100 * (swapped / asPrompted - 1);
  }

  ObjectNode json() {
    ObjectNode n = JSON.createObjectNode();
    n.put("as_prompted", asPrompted);
    n.put("shape_swapped", shapeSwapped);
    n.put("colour_swapped", colourSwapped);
    n.put("shape_followed", shapeFollowed);
    n.put("colour_followed", colourFollowed);
    n.put("clips", clips);
    return n;
  }
}
