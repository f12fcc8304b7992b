package dev.reelscribe.frames.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.frames.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerInspectorTest {
  @Test
  void namesContainersFromMagicBytes() throws IOException {
    assertThat(ContainerInspector.inspect(TestVideos.get("cup.mp4")).container()).isEqualTo("mp4");
    assertThat(ContainerInspector.inspect(TestVideos.get("tree.avi")).container()).isEqualTo("avi");
    assertThat(ContainerInspector.inspect(TestVideos.get("balle-jbart.mp4")).truncated()).isFalse();
  }

  @Test
  void aCutMp4OrAviIsTruncated(@TempDir Path dir) throws IOException {
    for (String name : new String[] {"cup.mp4", "Megamind.avi"}) {
      byte[] all = Files.readAllBytes(TestVideos.get(name));
      Path cut = Files.write(dir.resolve("cut-" + name), Arrays.copyOf(all, all.length - 1000));
      assertThat(ContainerInspector.inspect(cut).truncated()).as(name).isTrue();
    }
  }

  @Test
  void textIsUnknown(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("a.mp4"), "hello, this is text");
    ContainerCheck check = ContainerInspector.inspect(text);
    assertThat(check.container()).isEqualTo("unknown");
    assertThat(check.truncated()).isFalse();
  }
}
