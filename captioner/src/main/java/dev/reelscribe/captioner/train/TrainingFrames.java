package dev.reelscribe.captioner.train;

import dev.reelscribe.captioner.builtin.FramePixels;
import dev.reelscribe.captioner.builtin.Vocabulary;
import dev.reelscribe.frames.OpenCv;
import dev.reelscribe.synthworld.render.SceneRenderer;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.truth.FrameCaptionWriter;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.opencv.core.Mat;

/**
 * An endless, seeded stream of synthworld frames with their canonical captions. Each scene script
 * yields a few frames at random times; every frame goes through a JPEG round trip at a random
 * quality, as frames do in the pipeline ({@code SampledFrame} carries JPEG). The stream depends only
 * on the seed.
 */
public final class TrainingFrames {
  public static final int FRAMES_PER_SCRIPT = 4;

  private final ScriptGenerator scripts;
  private final Vocabulary vocabulary;
  private final int imageSize;
  private final int maxTokens;
  private final SplittableRandom random;
  private long nextScript;
  private SceneScript script;
  private SceneRenderer renderer;
  private int left;

  public TrainingFrames(WorldConfig world, long seed, Vocabulary vocabulary, int imageSize, int maxTokens) {
    OpenCv.load();
    this.scripts = new ScriptGenerator(world, seed);
    this.vocabulary = vocabulary;
    this.imageSize = imageSize;
    this.maxTokens = maxTokens;
    this.random = new SplittableRandom(ScriptGenerator.mix(seed, -1));
  }

  public CaptionSample next() {
    while (true) {
      if (left == 0) {
        if (renderer != null) {
          renderer.close();
        }
        script = scripts.script(nextScript++);
        renderer = new SceneRenderer(script);
        left = FRAMES_PER_SCRIPT;
      }
      left--;
      int frame = random.nextInt(script.frames());
      String caption = FrameCaptionWriter.canonical(FrameLayout.of(script, frame));
      int[] tokens = vocabulary.encode(caption);
      if (tokens.length + 1 > maxTokens || Arrays.stream(tokens).anyMatch(t -> t == Vocabulary.UNK)) {
        continue; // cannot be learned as is; the vocabulary test keeps this from happening
      }
      Mat mat = new Mat();
      try {
        renderer.render(frame, mat);
        byte[] jpeg = FramePixels.jpeg(mat, 35 + random.nextInt(61));
        return new CaptionSample(FramePixels.fromEncoded(jpeg, imageSize), tokens, caption);
      } finally {
        mat.release();
      }
    }
  }
}
