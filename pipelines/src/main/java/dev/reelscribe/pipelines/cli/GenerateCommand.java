package dev.reelscribe.pipelines.cli;

import dev.reelscribe.fuser.Generation;
import dev.reelscribe.fuser.PromptUpsampler;
import dev.reelscribe.fuser.builtin.BuiltinPromptUpsampler;
import dev.reelscribe.generator.diffusion.Guidance;
import dev.reelscribe.generator.sample.GeneratedClip;
import dev.reelscribe.generator.sample.VideoGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reelscribe generate}: a prompt → an mp4, with the built-in generator or a trained model directory. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Generates a video from a text prompt with a text-to-video model in the CogVideoX architecture:",
        "the built-in generator (trained here on synthworld; 64x64, 17 frames at 8 fps) or a model",
        "directory from `reelscribe train generator` (--model). The model was trained on long, dense",
        "descriptions; --upsample first rewrites a short prompt into one with the built-in prompt",
        "upsampler (the fuser's model), as CogVideoX's demos do with GLM-4. Sampling is DDIM over",
        "trailing timesteps with classifier-free guidance against the empty prompt."},
    footer = {"", "Examples:",
        "  reelscribe generate --prompt \"There is one object on a plain navy background: a large red circle in the middle."
            + " The red circle travels steadily to the left. The camera stays still.\" --output out/red-circle.mp4",
        "  reelscribe generate --prompt \"a red circle moving left\" --upsample --seed 3 --output out/red.mp4"})
final class GenerateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "What the video shows.")
  String prompt;

  @Option(names = "--upsample", description = "Rewrite the prompt into a long dense description first (built-in upsampler).")
  boolean upsample;

  @Option(names = "--model", paramLabel = "DIR", description = "A generator model directory. Default: the built-in generator.")
  Path model;

  @Option(names = "--seed", paramLabel = "S", description = "Noise seed. Default: ${DEFAULT-VALUE}.")
  long seed = 0;

  @Option(names = "--steps", paramLabel = "N", description = "DDIM steps. Default: ${DEFAULT-VALUE}.")
  int steps = 20;

  @Option(names = "--guidance", paramLabel = "W", description = "Classifier-free guidance scale (1: none). Default: ${DEFAULT-VALUE}.")
  double guidance = Guidance.DEFAULT_SCALE;

  @Option(names = "--dynamic-guidance", description = "CogVideoX's cosine-ramped guidance scale.")
  boolean dynamicGuidance;

  @Option(names = "--scale", paramLabel = "K", description = "Write the mp4 K times larger (nearest). Default: ${DEFAULT-VALUE}.")
  int scale = 1;

  @Option(names = "--output", paramLabel = "FILE", description = "The mp4 to write. Default: ${DEFAULT-VALUE}.")
  Path output = Path.of("reelscribe-out/generated.mp4");

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (prompt.isBlank()) {
      err.println("reelscribe generate: --prompt is empty");
      return 2;
    }
    if (model != null && !Files.isRegularFile(model.resolve("model_index.json"))) {
      err.println("reelscribe generate: --model " + model + " is not a generator model directory (no model_index.json)");
      return 2;
    }
    if (steps < 1 || scale < 1 || scale > 16) {
      err.println("reelscribe generate: --steps must be >= 1 and --scale 1..16");
      return 2;
    }
    String text = prompt.strip();
    if (upsample) {
      try (PromptUpsampler upsampler = BuiltinPromptUpsampler.embedded(1); PromptUpsampler.Session s = upsampler.open()) {
        Generation g = s.upsample(List.of(text)).get(0);
        if (g instanceof Generation.Text t && !t.text().isBlank()) {
          text = t.text();
          out.println("upsampled: " + text);
        } else {
          err.println("reelscribe generate: the upsampler gave no long prompt; using the prompt as given");
        }
      }
    }
    long started = System.nanoTime();
    try (VideoGenerator generator = model == null ? VideoGenerator.builtin() : VideoGenerator.open(model)) {
      GeneratedClip clip = generator.generate(text, seed, steps, new Guidance(guidance, dynamicGuidance));
      VideoGenerator.writeMp4(clip, output, scale);
      out.printf(Locale.ROOT, "wrote %s (%d frames, %dx%d at %.0f fps) in %.1f s%n", output.toAbsolutePath(),
          clip.frames(), clip.width() * scale, clip.height() * scale, clip.fps(), (System.nanoTime() - started) / 1e9);
    }
    return 0;
  }
}
