package dev.reelscribe.generator.data;

import dev.reelscribe.synthworld.render.Mp4Renderer;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.truth.DescriptionWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The default training corpus of {@code train generator}: {@link GeneratorWorld} clips rendered to
 * H.264 and captioned with synthworld's canonical dense description, in the CogVideoX layout. A
 * complete corpus in the directory is reused; clips already rendered are kept.
 */
public final class SynthCorpus {
  private SynthCorpus() {}

  /** Makes sure {@code dir} holds the corpus of {@code count} clips of {@code seed}; returns its samples. */
  public static List<CogVideoXLayout.Sample> ensure(Path dir, GeneratorWorld world, long seed, int count, PrintWriter log)
      throws IOException {
    List<SceneScript> scripts = world.scripts(seed, count);
    List<String> prompts = new ArrayList<>(count);
    List<String> videos = new ArrayList<>(count);
    int rendered = 0;
    for (SceneScript script : scripts) {
      String relative = "videos/" + script.id() + ".mp4";
      Path mp4 = dir.resolve(relative);
      if (!Files.isRegularFile(mp4) || Files.size(mp4) == 0) {
        Mp4Renderer.write(script, mp4);
        rendered++;
        if (rendered % 200 == 0) {
          log.printf("[corpus] rendered %d clips%n", rendered);
          log.flush();
        }
      }
      prompts.add(DescriptionWriter.canonical(script));
      videos.add(relative);
    }
    CogVideoXLayout.writeIndex(dir, prompts, videos);
    if (rendered > 0) {
      log.printf("[corpus] %d synthworld clips (seed %d, %dx%d, %d frames) in %s, %d rendered now%n", count, seed,
          world.size(), world.size(), world.frames(), dir, rendered);
    }
    return CogVideoXLayout.read(dir);
  }
}
