package dev.reelscribe.generator.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelscribe.generator.sample.VideoGenerator;
import dev.reelscribe.generator.train.GeneratorTrainer;
import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.Shape;
import dev.reelscribe.synthworld.truth.DescriptionWriter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Whether the transformer listens to the prompt's shape and colour words, without the captioner:
 * each held-out clip's latents are noised at {@link #TIMESTEPS} (noise fixed by the clip), and the
 * model's clean estimate is compared with the true latents on the cells that hold the object, under
 * the clip's own prompt, under the same prompt with the object's shape word replaced by another
 * shape's, and with its colour word replaced by another colour's. A model that draws the prompt's
 * shape gets worse when the shape word is wrong; one that draws a blob of the right colour does not
 * care about the shape word but does about the colour word. The mid-noise timesteps are where a
 * DDIM run settles an object's outline: by then its place is known from the noisy latents, and only
 * the prompt says what to draw there.
 *
 * @param asPrompted mean squared error of the clean estimate on object cells, the clip's own prompt
 * @param shapeSwapped the same with another shape word
 * @param colourSwapped the same with another colour word
 * @param clips clips measured
 */
public record WordSensitivity(double asPrompted, double shapeSwapped, double colourSwapped, int clips) {
  /** DDPM timesteps the latents are noised at. */
  static final int[] TIMESTEPS = {300, 500, 700};
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Measures it on rendered clips ({@code [3, T, S, S]} bytes) and the scripts they were rendered from. */
  public static WordSensitivity measure(VideoGenerator generator, List<byte[]> clips, List<SceneScript> scripts) {
    List<float[]> latents = GeneratorTrainer.scaledLatents(generator.model(), clips);
    int latentFrames = generator.model().vae().config().latentFrames(generator.model().spec().frames());
    double[] sums = new double[3];
    for (int i = 0; i < clips.size(); i++) {
      SceneScript script = scripts.get(i);
      SceneObject object = ClipGrader.object(script);
      String prompt = DescriptionWriter.canonical(script);
      List<String> prompts = List.of(prompt, withShape(prompt, object), withColour(prompt, object));
      float[] clean = latents.get(i);
      float[] cells = GeneratorTrainer.objectCells(generator.model(), clips.get(i));
      int perFrame = cells.length / latentFrames;
      int channels = clean.length / cells.length;
      Random noise = new Random(i);
      for (int t : TIMESTEPS) {
        float[] noisy = noised(generator, clean, t, noise);
        float[] batch = new float[3 * clean.length];
        for (int k = 0; k < 3; k++) {
          System.arraycopy(noisy, 0, batch, k * clean.length, clean.length);
        }
        float[] estimate = generator.estimateClean(batch, prompts, t);
        for (int k = 0; k < 3; k++) {
          sums[k] += objectError(estimate, k * clean.length, clean, cells, perFrame, channels) / TIMESTEPS.length;
        }
      }
    }
    int n = Math.max(1, clips.size());
    return new WordSensitivity(sums[0] / n, sums[1] / n, sums[2] / n, clips.size());
  }

  /** The prompt with the object's shape word replaced by the shape three places on in {@link Shape}'s order. */
  static String withShape(String prompt, SceneObject object) {
    Shape[] all = Shape.values();
    Shape other = all[(object.shape().ordinal() + 3) % all.length];
    return prompt.replace(object.name(), object.colour().word() + " " + other.word());
  }

  /** The prompt with the object's colour word replaced by the colour five places on in {@link Colour}'s order. */
  static String withColour(String prompt, SceneObject object) {
    Colour[] all = Colour.values();
    Colour other = all[(object.colour().ordinal() + 5) % all.length];
    return prompt.replace(object.name(), other.word() + " " + object.shape().word());
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
      int frame = j / (channels * perFrame);
      int cell = j % perFrame;
      if (cells[frame * perFrame + cell] > 0) {
        double d = estimate[offset + j] - clean[j];
        sum += d * d;
        count++;
      }
    }
    return count == 0 ? 0 : sum / count;
  }

  /** One line for the table. */
  public String line() {
    String at = java.util.Arrays.stream(TIMESTEPS).mapToObj(Integer::toString)
        .collect(java.util.stream.Collectors.joining("/"));
    return String.format(Locale.ROOT, "prompt words (x0 error on object cells at t=%s, %d clips): %.4f as "
        + "prompted, %.4f (%+.0f%%) with another shape word, %.4f (%+.0f%%) with another colour word%n", at, clips,
        asPrompted, shapeSwapped, percent(shapeSwapped), colourSwapped, percent(colourSwapped));
  }

  private double percent(double swapped) {
    return 100 * (swapped / asPrompted - 1);
  }

  ObjectNode json() {
    ObjectNode n = JSON.createObjectNode();
    n.put("as_prompted", asPrompted);
    n.put("shape_swapped", shapeSwapped);
    n.put("colour_swapped", colourSwapped);
    n.put("clips", clips);
    return n;
  }
}
