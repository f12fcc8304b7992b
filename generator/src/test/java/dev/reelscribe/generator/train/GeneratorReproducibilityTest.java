package dev.reelscribe.generator.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.generator.diffusion.Parameterization;
import dev.reelscribe.generator.train.GeneratorTrainOptions.Stage;
import dev.reelscribe.models.ModelDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same seed gives the same weights: two short runs from scratch write identical files, and so
 * does the recipe run in two parts (the VAE, then the transformer on it).
 */
class GeneratorReproducibilityTest {

  private static void train(Path corpus, Path out, Stage stage) throws Exception {
    new GeneratorTrainer(new GeneratorTrainOptions(null, corpus, 5, 10, stage, 3, 2, 2e-3f, 1f, 3,
        4, 1e-3f, Parameterization.V, 0.4, 0.1, 4f, 2f, 1f, GeneratorTrainOptions.Architecture.BUILT_IN, 3, 3, out), new PrintWriter(new StringWriter())).train();
  }

  private static String weights(Path out) throws Exception {
    return ModelDirectory.sha256(Files.readAllBytes(out.resolve("vae/diffusion_pytorch_model.safetensors"))) + " "
        + ModelDirectory.sha256(Files.readAllBytes(out.resolve("transformer/diffusion_pytorch_model.safetensors")));
  }

  @Test
  void theSameSeedGivesTheSameWeights(@TempDir Path dir) throws Exception {
    train(dir.resolve("corpus"), dir.resolve("a"), Stage.ALL);
    train(dir.resolve("corpus"), dir.resolve("b"), Stage.ALL);
    assertThat(weights(dir.resolve("b"))).isEqualTo(weights(dir.resolve("a")));

    train(dir.resolve("corpus"), dir.resolve("c"), Stage.VAE);
    assertThat(dir.resolve("c/transformer/diffusion_pytorch_model.safetensors")).doesNotExist();
    train(dir.resolve("corpus"), dir.resolve("c"), Stage.TRANSFORMER);
    assertThat(weights(dir.resolve("c"))).isEqualTo(weights(dir.resolve("a")));
  }
}
