package dev.reelscribe.generator.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelscribe.frames.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CogVideoXLayoutTest {

  @Test
  void theSynthCorpusIsALayoutOfDecodableSingleObjectClips(@TempDir Path dir) throws IOException {
    GeneratorWorld world = new GeneratorWorld(64, 17);
    java.io.StringWriter log = new java.io.StringWriter();
    List<CogVideoXLayout.Sample> samples = SynthCorpus.ensure(dir, world, 4, 3, new java.io.PrintWriter(log));
    assertThat(samples).hasSize(3);
    assertThat(Files.readAllLines(dir.resolve("videos.txt"))).allMatch(l -> l.matches("videos/sw-4-\\d{6}\\.mp4"));
    assertThat(samples.get(0).prompt())
        .isEqualTo(dev.reelscribe.synthworld.truth.DescriptionWriter.canonical(world.scripts(4, 1).get(0)));
    Result<byte[]> clip = ClipLoader.load(samples.get(0).video(), 17, 64);
    assertThat(clip).isInstanceOf(Result.Ok.class);
    assertThat(((Result.Ok<byte[]>) clip).value()).hasSize(3 * 17 * 64 * 64);
    // a rerun renders nothing and gives the same index
    long modified = Files.getLastModifiedTime(samples.get(0).video()).toMillis();
    SynthCorpus.ensure(dir, world, 4, 3, new java.io.PrintWriter(new java.io.StringWriter()));
    assertThat(Files.getLastModifiedTime(samples.get(0).video()).toMillis()).isEqualTo(modified);
    // a clip that is too short is a failure with the reason, not an exception
    Result<byte[]> tooShort = ClipLoader.load(samples.get(0).video(), 33, 64);
    assertThat(tooShort).isInstanceOf(Result.Failed.class);
    assertThat(((Result.Failed<byte[]>) tooShort).reason()).contains("17 decodable frames, 33 needed");
  }

  @Test
  void mismatchedIndexFilesAreRefusedWithTheirCounts(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("prompts.txt"), "a\nb\n");
    Files.writeString(dir.resolve("videos.txt"), "videos/a.mp4\n");
    assertThatThrownBy(() -> CogVideoXLayout.read(dir)).hasMessageContaining("2 lines but videos.txt has 1");
    Files.delete(dir.resolve("videos.txt"));
    assertThatThrownBy(() -> CogVideoXLayout.read(dir)).hasMessageContaining("videos.txt is missing");
  }

  @Test
  void theWorldHoldsSingleObjectShotsOnly() {
    new GeneratorWorld(64, 17).scripts(9, 20).forEach(s -> {
      assertThat(s.parts()).hasSize(1);
      assertThat(s.parts().get(0).objects()).hasSize(1);
      assertThat(s.text()).isNull();
      assertThat(s.frames()).isEqualTo(17);
    });
    assertThatThrownBy(() -> new GeneratorWorld(64, 16)).hasMessageContaining("4k+1");
  }
}
