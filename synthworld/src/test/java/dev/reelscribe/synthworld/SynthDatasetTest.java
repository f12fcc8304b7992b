package dev.reelscribe.synthworld;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.synthworld.script.ScriptJson;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthDatasetTest {
  @Test
  void theSameSeedWritesByteIdenticalTruthAndIndexRangesAgree(@TempDir Path dir) throws Exception {
    WorldConfig config = WorldConfig.defaults();
    AtomicInteger progress = new AtomicInteger();
    SynthDataset.Written a = new SynthDataset(config, 3, 2).write(dir.resolve("a"), 0, 6, progress::set);
    new SynthDataset(config, 3, 1).write(dir.resolve("b"), 0, 6, d -> { });
    new SynthDataset(config, 3, 2).write(dir.resolve("c"), 4, 2, d -> { });

    assertThat(progress.get()).isEqualTo(6);
    assertThat(a.videos()).hasSize(6).allSatisfy(v -> assertThat(Files.size(v)).isPositive());
    for (String f : List.of("scripts.jsonl", "truth.jsonl")) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(f))).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
      List<String> all = Files.readAllLines(dir.resolve("a").resolve(f));
      assertThat(Files.readAllLines(dir.resolve("c").resolve(f))).containsExactlyElementsOf(all.subList(4, 6));
    }
    assertThat(Files.readAllBytes(a.videos().get(2)))
        .isEqualTo(Files.readAllBytes(dir.resolve("b/videos").resolve(a.videos().get(2).getFileName())));
    String line = Files.readAllLines(dir.resolve("a/scripts.jsonl")).get(0);
    assertThat(ScriptJson.read(line).id()).isEqualTo("sw-3-000000");
    assertThat(Files.readAllLines(dir.resolve("a/truth.jsonl")).get(0))
        .contains("\"video\":\"videos/sw-3-000000.mp4\"", "\"description\":", "\"prompt\":", "\"facts\":");
    assertThat(Files.readAllLines(dir.resolve("a/manifest.txt"))).hasSize(6);
    try (var files = Files.list(dir.resolve("a"))) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
    }
  }
}
