package dev.reelscribe.generator.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelscribe.generator.diffusion.Guidance;
import dev.reelscribe.generator.diffusion.Parameterization;
import dev.reelscribe.generator.sample.GeneratedClip;
import dev.reelscribe.generator.sample.VideoGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few steps of the whole recipe on a small synthworld corpus: the model directory is complete,
 * a rerun continues from the checkpoint instead of starting over, and the result generates clips
 * that depend on the seed only.
 */
class GeneratorTrainerTest {
  @TempDir Path dir;

  private GeneratorTrainOptions options(int vaeSteps, int steps) {
    return options(vaeSteps, steps, Parameterization.V);
  }

  private GeneratorTrainOptions options(int vaeSteps, int steps, Parameterization prediction) {
    return new GeneratorTrainOptions(null, dir.resolve("corpus"), 3, 10, GeneratorTrainOptions.Stage.ALL, vaeSteps, 2,
        2e-3f, 1f, steps, 4, 1e-3f, prediction, 0.5, 0.1, 4f, 2f, 1f, GeneratorTrainOptions.Architecture.BUILT_IN, 2, 2, dir.resolve("model"));
  }

  @Test
  void trainsResumesAndGenerates() throws Exception {
    StringWriter log = new StringWriter();
    GeneratorTrainer.Summary first = new GeneratorTrainer(options(2, 2), new PrintWriter(log, true)).train();
    Path model = dir.resolve("model");
    assertThat(first.vaeStep()).isEqualTo(2);
    assertThat(first.transformerStep()).isEqualTo(2);
    assertThat(first.vaePsnr()).isFinite();
    assertThat(first.validationLoss()).isFinite().isPositive();
    for (String f : new String[] {"model_index.json", "vae/config.json", "vae/diffusion_pytorch_model.safetensors",
        "transformer/config.json", "transformer/diffusion_pytorch_model.safetensors", "scheduler/scheduler_config.json"}) {
      assertThat(model.resolve(f)).as(f).isRegularFile();
    }
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(model.resolve("scheduler/scheduler_config.json").toFile()).path("prediction_type").asText())
        .isEqualTo("v_prediction");
    assertThat(json.readTree(model.resolve("vae/config.json").toFile()).path("scaling_factor").asDouble())
        .isEqualTo(first.scalingFactor(), within(1e-6));
    assertThat(log.toString()).contains("[vae] step 2/2").contains("[transformer] step 2/2")
        .contains("encoded 6 clips at (5, 16, 8, 8) latents").contains("step 2: full resolution from here");

    StringWriter again = new StringWriter();
    GeneratorTrainer.Summary second = new GeneratorTrainer(options(2, 4), new PrintWriter(again, true)).train();
    assertThat(again.toString()).contains("continuing the model").contains("[vae] already trained (2 steps)")
        .contains("[transformer] step 4/4").doesNotContain("[transformer] step 2/4")
        // a finished stage keeps no optimiser moments, so extending it ramps the learning rate up
        .contains("[transformer] continuing from step 2 without saved optimiser moments");
    assertThat(model.resolve(GeneratorTrainer.CHECKPOINTS)).doesNotExist();
    assertThat(second.transformerStep()).isEqualTo(4);
    assertThatThrownBy(() -> new GeneratorTrainer(options(2, 6, Parameterization.X0),
        new PrintWriter(new StringWriter(), true)).train())
        .isInstanceOf(java.io.IOException.class).hasMessageContaining("predicts v, not x0")
        .hasMessageContaining("--prediction v");

    try (VideoGenerator g = VideoGenerator.open(model)) {
      GeneratedClip a = g.generate("There is one object on a plain navy background: a large red circle.", 5, 3,
          new Guidance(3, false));
      GeneratedClip b = g.generate("There is one object on a plain navy background: a large red circle.", 5, 3,
          new Guidance(3, false));
      GeneratedClip c = g.generate("There is one object on a plain navy background: a large red circle.", 6, 3,
          new Guidance(3, false));
      assertThat(a.frames()).isEqualTo(17);
      assertThat(a.rgb()).hasSize(17 * 64 * 64 * 3).isEqualTo(b.rgb()).isNotEqualTo(c.rgb());
      Path mp4 = dir.resolve("out/clip.mp4");
      VideoGenerator.writeMp4(a, mp4, 2);
      assertThat(Files.size(mp4)).isPositive();
      var read = dev.reelscribe.generator.data.ClipLoader.load(mp4, 17, 128);
      assertThat(read).isInstanceOf(dev.reelscribe.frames.Result.Ok.class);

      // the VAE round trip the evaluation grades is the one its PSNR measures
      SplittableRandom random = new SplittableRandom(3);
      byte[] clip = new byte[3 * 17 * 64 * 64];
      for (int i = 0; i < clip.length; i++) {
        clip[i] = (byte) (i % 4096 < 2048 ? 40 + random.nextInt(20) : 200 + random.nextInt(20));
      }
      List<byte[]> back = GeneratorTrainer.reconstructions(g.model(), List.of(clip));
      assertThat(back).hasSize(1);
      assertThat(back.get(0)).hasSize(clip.length).isNotEqualTo(clip);
      double se = 0;
      for (int i = 0; i < clip.length; i++) {
        double d = (back.get(0)[i] & 0xff) - (clip[i] & 0xff);
        se += d * d;
      }
      double psnr = 10 * Math.log10(255.0 * 255.0 / (se / clip.length));
      assertThat(psnr).isCloseTo(GeneratorTrainer.vaePsnr(g.model(), List.of(clip)), within(0.2));
    }
  }

  /**
   * Temporal compression 2: 17 frames become 9 latent frames, both configs say so, the model
   * generates whole clips, and a rerun with another ratio is refused instead of mixing the two.
   */
  @Test
  void trainsWithTemporalCompressionTwo() throws Exception {
    StringWriter log = new StringWriter();
    GeneratorTrainOptions two = new GeneratorTrainOptions(null, dir.resolve("corpus"), 3, 10,
        GeneratorTrainOptions.Stage.ALL, 1, 2, 2e-3f, 0f, 1, 2, 1e-3f, Parameterization.X0, 0.0, 0.1, 4f, 0f, 0f,
        new GeneratorTrainOptions.Architecture(4, 4, 2), 1, 1,
        dir.resolve("model2"));
    new GeneratorTrainer(two, new PrintWriter(log, true)).train();
    Path model = dir.resolve("model2");
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(model.resolve("vae/config.json").toFile()).path("temporal_compression_ratio").asInt())
        .isEqualTo(2);
    assertThat(json.readTree(model.resolve("transformer/config.json").toFile()).path("temporal_compression_ratio")
        .asInt()).isEqualTo(2);
    assertThat(log.toString()).contains("encoded 6 clips at (9, 16, 16, 16) latents");
    try (VideoGenerator g = VideoGenerator.open(model)) {
      GeneratedClip clip = g.generate("A large red circle.", 1, 2, new Guidance(3, false));
      assertThat(clip.frames()).isEqualTo(17);
      assertThat(clip.rgb()).hasSize(17 * 64 * 64 * 3);
    }
    GeneratorTrainOptions four = new GeneratorTrainOptions(null, dir.resolve("corpus"), 3, 10,
        GeneratorTrainOptions.Stage.ALL, 1, 2, 2e-3f, 0f, 2, 2, 1e-3f, Parameterization.X0, 0.0, 0.1, 4f, 0f, 0f,
        GeneratorTrainOptions.Architecture.BUILT_IN, 1, 1,
        dir.resolve("model2"));
    assertThatThrownBy(() -> new GeneratorTrainer(four, new PrintWriter(new StringWriter(), true)).train())
        .isInstanceOf(java.io.IOException.class).hasMessageContaining("has temporal compression 2, not 4");
  }

  /**
   * A VAE-only directory takes the transformer shape a transformer run asks for (depth and heads are
   * written to its config and the weights have that shape); once trained, another shape is refused.
   */
  @Test
  void aTransformerRunChoosesItsDepthAndHeadsOnAVaeOnlyDirectory() throws Exception {
    Path model = dir.resolve("model-deep");
    new GeneratorTrainer(shaped(GeneratorTrainOptions.Stage.VAE, GeneratorTrainOptions.Architecture.BUILT_IN, model),
        new PrintWriter(new StringWriter(), true)).train();
    StringWriter log = new StringWriter();
    GeneratorTrainOptions.Architecture deep = new GeneratorTrainOptions.Architecture(2, 2, 4);
    new GeneratorTrainer(shaped(GeneratorTrainOptions.Stage.TRANSFORMER, deep, model), new PrintWriter(log, true)).train();

    assertThat(log.toString()).contains("making it 2 layers of 2 heads");
    var config = new ObjectMapper().readTree(model.resolve("transformer/config.json").toFile());
    assertThat(config.path("num_layers").asInt()).isEqualTo(2);
    assertThat(config.path("num_attention_heads").asInt()).isEqualTo(2);
    try (VideoGenerator g = VideoGenerator.open(model)) {
      assertThat(g.generate("A small blue square.", 1, 1, new Guidance(3, false)).frames()).isEqualTo(17);
    }
    assertThatThrownBy(() -> new GeneratorTrainer(shaped(GeneratorTrainOptions.Stage.TRANSFORMER,
        GeneratorTrainOptions.Architecture.BUILT_IN, model), new PrintWriter(new StringWriter(), true)).train())
        .isInstanceOf(java.io.IOException.class).hasMessageContaining("pass --layers 2 --heads 2");
    assertThatThrownBy(() -> new GeneratorTrainOptions.Architecture(0, 4, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--layers");
  }

  private GeneratorTrainOptions shaped(GeneratorTrainOptions.Stage stage, GeneratorTrainOptions.Architecture shape,
      Path model) {
    return new GeneratorTrainOptions(null, dir.resolve("corpus"), 3, 10, stage, 1, 2, 2e-3f, 0f, 1, 2, 1e-3f,
        Parameterization.X0, 0.0, 0.1, 4f, 0f, 0f, shape, 1, 1, model);
  }
}
