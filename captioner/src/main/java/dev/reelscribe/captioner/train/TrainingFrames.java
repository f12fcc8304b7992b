package dev.reelscribe.captioner.train;

import dev.reelscribe.captioner.builtin.FramePixels;
import dev.reelscribe.captioner.builtin.Vocabulary;
import dev.reelscribe.frames.OpenCv;
import dev.reelscribe.synthworld.render.SceneRenderer;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.truth.FrameCaptionWriter;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.OnScreen;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * An endless, seeded stream of synthworld frames with their canonical captions. Each scene script
 * yields a few frames at random times; half the frames are softened by a slight Gaussian blur, as
 * video encoding softens them, and every frame goes through a JPEG round trip at a random quality,
 * as frames do in the pipeline ({@code SampledFrame} carries JPEG). With a spin share above 0,
 * {@link Spins} makes that share of the rotatable shapes spin, so shapes at an angle are common
 * rather than rare. The stream depends only on the seed and the spin share.
 */
public final class TrainingFrames {
  public static final int FRAMES_PER_SCRIPT = 4;

  private final ScriptGenerator scripts;
  private final Vocabulary vocabulary;
  private final int imageSize;
  private final int maxTokens;
  private final int grid;
  private final SplittableRandom random;
  private final SplittableRandom spinRandom;
  private final double spinShare;
  private long nextScript;
  private SceneScript script;
  private SceneRenderer renderer;
  private int left;

  /** {@code spinShare} as {@link Spins#apply}; 0 leaves every script as the generator wrote it. */
  public TrainingFrames(WorldConfig world, long seed, Vocabulary vocabulary, int imageSize, int maxTokens, int grid,
      double spinShare) {
    this.grid = grid;
    this.spinShare = spinShare;
    this.spinRandom = new SplittableRandom(ScriptGenerator.mix(seed, -2));
    OpenCv.load();
    this.scripts = new ScriptGenerator(world, seed);
    this.vocabulary = vocabulary;
    this.imageSize = imageSize;
    this.maxTokens = maxTokens;
    this.random = new SplittableRandom(ScriptGenerator.mix(seed, -1));
  }

  private int cell(double unit) {
    return (int) Math.max(0, Math.min(grid - 1, Math.floor(unit * grid)));
  }

  public CaptionSample next() {
    while (true) {
      if (left == 0) {
        if (renderer != null) {
          renderer.close();
        }
        script = Spins.apply(scripts.script(nextScript++), spinRandom, spinShare);
        renderer = new SceneRenderer(script);
        left = FRAMES_PER_SCRIPT;
      }
      left--;
      int frame = random.nextInt(script.frames());
      FrameLayout layout = FrameLayout.of(script, frame);
      String caption = FrameCaptionWriter.canonical(layout);
      int[] tokens = vocabulary.encode(caption);
      if (tokens.length + 1 > maxTokens || Arrays.stream(tokens).anyMatch(t -> t == Vocabulary.UNK)) {
        continue; // cannot be learned as is; the vocabulary test keeps this from happening
      }
      Mat mat = new Mat();
      try {
        renderer.render(frame, mat);
        if (random.nextBoolean()) {
          // video codecs soften edges before the JPEG step; H.264 at 128 px blurs small shapes like this
          double sigma = 0.3 + 0.6 * random.nextDouble();
          Imgproc.GaussianBlur(mat, mat, new Size(0, 0), sigma);
        }
        byte[] jpeg = FramePixels.jpeg(mat, 35 + random.nextInt(61));
        int[] shapes = new int[grid * grid];
        int[] colours = new int[grid * grid];
        int[] sizes = new int[grid * grid];
        for (OnScreen o : FrameCaptionWriter.described(layout)) {
          int col = cell(o.pose().x());
          int row = cell(o.pose().y());
          shapes[row * grid + col] = o.object().shape().ordinal() + 1;
          colours[row * grid + col] = o.object().colour().ordinal() + 1;
          sizes[row * grid + col] = o.apparentSize().ordinal() + 1;
        }
        return new CaptionSample(FramePixels.fromEncoded(jpeg, imageSize), tokens, caption, shapes, colours, sizes);
      } finally {
        mat.release();
      }
    }
  }
}
