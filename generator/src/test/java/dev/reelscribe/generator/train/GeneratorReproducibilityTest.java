package dev.reelscribe.generator.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.generator.diffusion.Parameterization;
import dev.reelscribe.models.ModelDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed gives the same weights: two short runs from scratch write identical files. */
class GeneratorReproducibilityTest {

  private static String train(Path corpus, Path out) throws Exception {
    new GeneratorTrainer(new GeneratorTrainOptions(null, corpus, 5, 10, GeneratorTrainOptions.Stage.ALL, 3, 2, 2e-3f, 3,
        4, 1e-3f, Parameterization.V, 0.4, 0.1, 3, 3, out), new PrintWriter(new StringWriter())).train();
    return ModelDirectory.sha256(Files.readAllBytes(out.resolve("vae/diffusion_pytorch_model.safetensors"))) + " "
        + ModelDirectory.sha256(Files.readAllBytes(out.resolve("transformer/diffusion_pytorch_model.safetensors")));
  }

  @Test
  void theSameSeedGivesTheSameWeights(@TempDir Path dir) throws Exception {
    String first = train(dir.resolve("corpus"), dir.resolve("a"));
    String second = train(dir.resolve("corpus"), dir.resolve("b"));
    assertThat(second).isEqualTo(first);
  }
}
