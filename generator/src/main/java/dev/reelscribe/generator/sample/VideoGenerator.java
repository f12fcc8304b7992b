package dev.reelscribe.generator.sample;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.reelscribe.frames.encode.ClipWriter;
import dev.reelscribe.generator.BuiltinGenerator;
import dev.reelscribe.generator.GeneratorModel;
import dev.reelscribe.generator.config.GeneratorSpec;
import dev.reelscribe.generator.config.VaeConfig;
import dev.reelscribe.generator.diffusion.DdimSampler;
import dev.reelscribe.generator.diffusion.Guidance;
import dev.reelscribe.generator.text.MiniLmTextEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Text → video with a trained generator: the prompt's frozen text states, Gaussian noise from the
 * seed, DDIM over the trailing timesteps with classifier-free guidance against the empty prompt,
 * then the VAE decodes {@code latents / scaling_factor} to pixels. Load once, generate many; not
 * thread-safe.
 *
 * <pre>{@code
 * try (VideoGenerator g = VideoGenerator.builtin()) {
 *   GeneratedClip clip = g.generate("A red circle moves to the left.", 7, 50, new Guidance(6, false));
 *   VideoGenerator.writeMp4(clip, Path.of("out.mp4"));
 * }
 * }</pre>
 */
public final class VideoGenerator implements AutoCloseable {
  private final GeneratorModel model;
  private final MiniLmTextEncoder text;

  private VideoGenerator(GeneratorModel model, MiniLmTextEncoder text) {
    this.model = model;
    this.text = text;
  }

  /** Loads a model directory written by {@code reelscribe train generator}. */
  public static VideoGenerator open(Path dir) throws IOException {
    GeneratorModel model = GeneratorModel.load(dir);
    if (!model.hasTransformerWeights(dir) || !model.hasVaeWeights(dir)) {
      model.close();
      throw new IOException(dir + " has no trained weights for both the VAE and the transformer");
    }
    MiniLmTextEncoder text = MiniLmTextEncoder.load(model.spec().textLength());
    if (!text.id().equals(model.spec().textEncoder())) {
      String id = text.id();
      text.close();
      model.close();
      throw new IOException(dir + " was trained with text encoder " + model.spec().textEncoder() + ", this build has " + id);
    }
    return new VideoGenerator(model, text);
  }

  /** The committed built-in generator. */
  public static VideoGenerator builtin() throws IOException {
    return open(BuiltinGenerator.unpack());
  }

  public GeneratorModel model() {
    return model;
  }

  /** Generates one clip. */
  public GeneratedClip generate(String prompt, long seed, int steps, Guidance guidance) {
    return generate(List.of(prompt), seed, steps, guidance).get(0);
  }

  /**
   * Generates one clip a prompt, in one batch; clip {@code i}'s noise comes from {@code seed + i}
   * so a clip does not depend on its batch.
   */
  public List<GeneratedClip> generate(List<String> prompts, long seed, int steps, Guidance guidance) {
    GeneratorSpec spec = model.spec();
    VaeConfig v = model.vae().config();
    int latentFrames = v.latentFrames(spec.frames());
    int lh = spec.height() / v.spatialCompression();
    int lw = spec.width() / v.spatialCompression();
    int b = prompts.size();
    Shape one = new Shape(1, latentFrames, v.latentChannels(), lh, lw);
    DdimSampler sampler = new DdimSampler(model.scheduler().schedule(), model.scheduler().parameterization(), steps,
        guidance);
    float[] conditional = text.encode(prompts);
    float[] unconditional = text.encode(java.util.Collections.nCopies(b, ""));
    try (NDManager m = model.transformerModel().getNDManager().newSubManager()) {
      NDArray noise = null;
      for (int i = 0; i < b; i++) {
        Engine.getInstance().setRandomSeed((int) (seed + i));
        NDArray n = m.randomNormal(one);
        noise = noise == null ? n : noise.concat(n, 0);
      }
      Shape textShape = new Shape(b, spec.textLength(), text.width());
      ParameterStore ps = new ParameterStore(m, false);
      // every array of a denoiser call lives in the sampler's step manager: the text states are
      // created there too, so nothing computed from them outlives the step
      NDArray latents = sampler.sample(m, noise, (xt, t, withText) -> {
        NDManager step = xt.getManager();
        NDArray states = step.create(withText ? conditional : unconditional, textShape);
        return model.transformer().predict(ps, xt, states, step.full(new Shape(b), (float) t), false);
      });
      NDArray z = latents.div(model.scalingFactor()).transpose(0, 2, 1, 3, 4);   // [B, C, F, H, W]
      NDArray video = model.vae().decode(new ParameterStore(m, false), z, false).clip(-1f, 1f);
      // [B, 3, T, H, W] → [B, T, H, W, 3] bytes
      NDArray rgb = video.add(1f).mul(127.5f).round().transpose(0, 2, 3, 4, 1);
      float[] flat = rgb.toFloatArray();
      int per = spec.frames() * spec.height() * spec.width() * 3;
      java.util.List<GeneratedClip> out = new java.util.ArrayList<>();
      for (int i = 0; i < b; i++) {
        byte[] bytes = new byte[per];
        for (int j = 0; j < per; j++) {
          bytes[j] = (byte) Math.max(0, Math.min(255, (int) flat[i * per + j]));
        }
        out.add(new GeneratedClip(bytes, spec.frames(), spec.height(), spec.width(), spec.fps(), prompts.get(i), seed + i));
      }
      return out;
    }
  }

  /**
   * The model's estimate of the clean latents behind {@code noisy} at DDPM timestep {@code t}, under each
   * prompt (no guidance): one denoiser call, for diagnostics that look inside the sampler.
   *
   * @param noisy scaled latents {@code [B, F, C, H, W]} as the sampler sees them, flattened
   * @param prompts one a row of {@code noisy}
   * @return the estimate, flattened like {@code noisy}
   */
  public float[] estimateClean(float[] noisy, List<String> prompts, int t) {
    GeneratorSpec spec = model.spec();
    VaeConfig v = model.vae().config();
    int b = prompts.size();
    Shape shape = new Shape(b, v.latentFrames(spec.frames()), v.latentChannels(), spec.height() / v.spatialCompression(),
        spec.width() / v.spatialCompression());
    if (noisy.length != shape.size()) {
      throw new IllegalArgumentException("expected " + shape + " latents for " + b + " prompts, got " + noisy.length
          + " values");
    }
    var schedule = model.scheduler().schedule();
    try (NDManager m = model.transformerModel().getNDManager().newSubManager()) {
      NDArray xt = m.create(noisy, shape);
      NDArray states = m.create(text.encode(prompts), new Shape(b, spec.textLength(), text.width()));
      NDArray prediction = model.transformer().predict(new ParameterStore(m, false), xt, states,
          m.full(new Shape(b), (float) t), false);
      NDArray a = m.full(new Shape(b), (float) schedule.signal(t));
      NDArray sigma = m.full(new Shape(b), (float) schedule.noise(t));
      return model.scheduler().parameterization().clean(xt, prediction, a, sigma).toFloatArray();
    }
  }

  /** Writes a clip as an H.264 mp4 (atomically), optionally scaled up by an integer factor (nearest). */
  public static void writeMp4(GeneratedClip clip, Path file, int scale) throws IOException {
    dev.reelscribe.frames.OpenCv.load();
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(".tmp-" + file.getFileName());
    Mat rgb = new Mat(clip.height(), clip.width(), CvType.CV_8UC3);
    Mat bgr = new Mat();
    Mat big = new Mat();
    try (ClipWriter writer = ClipWriter.open(tmp, clip.fps(), clip.width() * scale, clip.height() * scale)) {
      for (int t = 0; t < clip.frames(); t++) {
        rgb.put(0, 0, clip.frame(t));
        Imgproc.cvtColor(rgb, bgr, Imgproc.COLOR_RGB2BGR);
        if (scale > 1) {
          Imgproc.resize(bgr, big, new org.opencv.core.Size(clip.width() * scale, clip.height() * scale), 0, 0,
              Imgproc.INTER_NEAREST);
          writer.write(big);
        } else {
          writer.write(bgr);
        }
      }
    } catch (RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    } finally {
      rgb.release();
      bgr.release();
      big.release();
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void close() {
    text.close();
    model.close();
  }
}
