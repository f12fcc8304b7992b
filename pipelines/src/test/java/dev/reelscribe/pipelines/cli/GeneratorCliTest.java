package dev.reelscribe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's three commands wired together on a model trained for a few steps: train writes a
 * model directory, generate writes an mp4 from it, eval generator grades it and prints its figures
 * as JSON last; bad arguments get a clear error and exit 2.
 */
class GeneratorCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Reelscribe.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  @Test
  void trainGenerateAndEvaluate(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("model");
    int code = run("train", "generator", "--clips", "10", "--vae-steps", "1", "--vae-batch", "2", "--steps", "1",
        "--batch", "2", "--corpus-cache", dir.resolve("corpus").toString(), "--output", model.toString());
    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("VAE: 1 steps").contains("transformer: 1 steps").contains("wrote");
    assertThat(model.resolve("transformer/diffusion_pytorch_model.safetensors")).isRegularFile();

    Path mp4 = dir.resolve("clip.mp4");
    code = run("generate", "--model", model.toString(), "--prompt", "a red circle moves to the left", "--steps", "2",
        "--scale", "2", "--output", mp4.toString());
    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("17 frames, 128x128 at 8 fps");
    assertThat(Files.size(mp4)).isPositive();

    code = run("eval", "generator", "--generator-model", model.toString(), "--count", "2", "--steps", "2",
        "--output", dir.resolve("eval").toString(), "--json");
    assertThat(code).as(out + "\n" + err).isZero();
    String[] lines = out.toString().strip().split("\n");
    JsonNode figures = JSON.readTree(lines[lines.length - 1]);
    assertThat(figures.path("generated").path("clips").asInt()).isEqualTo(2);
    // the rendered clips graded by the same grader: its ceiling, independent of the barely trained model
    assertThat(figures.path("truth").path("colour").asDouble()).isEqualTo(1.0);
    assertThat(figures.path("vae_psnr_db").asDouble()).isFinite().isPositive();
    assertThat(figures.path("vae_parameters").asLong()).isPositive();
    assertThat(out.toString()).contains("shuffled-prompt baseline").contains("rendered truth")
        .contains("generated motion: of ");
    // every clip graded for motion is in the breakdown of how the motion missed, once
    JsonNode misses = figures.path("generated_motion");
    assertThat(misses.path("moving").asInt() + misses.path("in_place").asInt())
        .isEqualTo(figures.path("generated").path("motion_clips").asInt());
    assertThat(misses.path("right").asInt() + misses.path("did_not_move").asInt() + misses.path("one_step_off").asInt()
        + misses.path("further_off").asInt()).isEqualTo(misses.path("moving").asInt());
    JsonNode slow = misses.path("slow");
    assertThat(slow.path("right").asInt() + slow.path("did_not_move").asInt())
        .isLessThanOrEqualTo(slow.path("moving").asInt());
    assertThat(slow.path("moving").asInt()).isLessThanOrEqualTo(misses.path("moving").asInt());
    // the prompt-word probe measured every clip under the three prompts, and how far each word moves the estimate
    JsonNode words = figures.path("prompt_words");
    assertThat(words.path("clips").asInt()).isEqualTo(2);
    for (String prompt : List.of("as_prompted", "shape_swapped", "colour_swapped")) {
      assertThat(words.path(prompt).asDouble()).as(prompt).isFinite().isPositive();
    }
    for (String word : List.of("shape_followed", "colour_followed")) {
      assertThat(words.has(word)).as(word).isTrue();
      assertThat(words.path(word).asDouble()).as(word).isFinite();
    }
    assertThat(out.toString()).contains("prompt words (x0 on object cells").contains("follows a changed shape word");
    // shape by size splits the same clips and the same shape verdicts as the share
    assertThat(out.toString()).contains("shape right by object size:");
    for (String rates : List.of("generated", "truth", "vae_round_trip")) {
      JsonNode bySize = figures.path(rates).path("shape_by_size");
      int clips = 0;
      int right = 0;
      for (String size : List.of("small", "medium", "large")) {
        clips += bySize.path(size).path("clips").asInt();
        right += bySize.path(size).path("right").asInt();
      }
      assertThat(clips).as(rates).isEqualTo(figures.path(rates).path("clips").asInt());
      assertThat((double) right / clips).as(rates).isEqualTo(figures.path(rates).path("shape").asDouble());
    }
    Path results = dir.resolve("eval/seed-1000");
    assertThat(Files.readAllLines(results.resolve("results.jsonl"))).hasSize(2);
    try (var files = Files.list(results.resolve("generated"))) {
      assertThat(files.count()).isEqualTo(2);
    }
    try (var files = Files.list(results.resolve("vae-round-trip"))) {
      assertThat(files.count()).isEqualTo(2);
    }
    assertThat(results.resolve("sheet.png")).isRegularFile();

    // a VAE alone is graded by its round trip, before any transformer is trained on it
    Path vae = dir.resolve("vae");
    code = run("train", "generator", "--stage", "vae", "--clips", "10", "--vae-steps", "1", "--vae-batch", "2",
        "--corpus-cache", dir.resolve("corpus").toString(), "--output", vae.toString());
    assertThat(code).as(out + "\n" + err).isZero();
    // the stage it did not train is said to be untrained, not measured as NaN
    assertThat(out.toString()).contains("transformer: 0 steps (not trained in this run)").doesNotContain("NaN");
    code = run("eval", "generator", "--generator-model", vae.toString(), "--count", "2", "--vae-only",
        "--output", dir.resolve("eval-vae").toString(), "--json");
    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("truth through the VAE").doesNotContain("shuffled-prompt baseline");
    lines = out.toString().strip().split("\n");
    figures = JSON.readTree(lines[lines.length - 1]);
    assertThat(figures.has("generated")).isFalse();
    assertThat(figures.has("prompt_words")).isFalse();
    assertThat(figures.path("vae_round_trip").path("clips").asInt()).isEqualTo(2);
    assertThat(figures.path("truth").path("colour").asDouble()).isEqualTo(1.0);
    assertThat(dir.resolve("eval-vae/seed-1000/generated")).doesNotExist();
    assertThat(run("eval", "generator", "--generator-model", vae.toString(), "--count", "2", "--output",
        dir.resolve("eval-vae").toString())).isNotZero();
    assertThat(err.toString()).contains("no trained weights for both the VAE and the transformer");
  }

  /**
   * {@code generate} as a user runs it: its own JVM, nothing else loaded before it (in this JVM
   * another test has always loaded OpenCV first), the built-in model.
   */
  @Test
  void generateRunsInAFreshJvmWithTheBuiltInModel(@TempDir Path dir) throws Exception {
    Path mp4 = dir.resolve("clip.mp4");
    Path log = dir.resolve("log.txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
        "-Djava.library.path=" + System.getProperty("java.library.path"), "-Dai.djl.offline=true",
        "-DOPT_OUT_TRACKING=true", "-cp", System.getProperty("java.class.path"),
        "dev.reelscribe.pipelines.cli.Reelscribe", "generate", "--prompt",
        "There is one object on a plain navy background: a large red circle in the middle.", "--steps", "2",
        "--output", mp4.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains("17 frames, 64x64 at 8 fps");
    assertThat(Files.size(mp4)).isPositive();
  }

  @Test
  void badArgumentsAreRefusedWithTheReason(@TempDir Path dir) {
    assertThat(run("generate", "--prompt", "x", "--model", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not a generator model directory");
    assertThat(run("train", "generator", "--stage", "everything", "--output", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--stage must be vae, transformer or all");
    assertThat(run("eval", "generator", "--count", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--count must be at least 2");
  }
}
