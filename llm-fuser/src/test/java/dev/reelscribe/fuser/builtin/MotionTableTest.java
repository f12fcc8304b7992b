package dev.reelscribe.fuser.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelscribe.synthworld.script.MotionKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotionTableTest {
  @Test
  void evidenceIsEachFramesChangeSinceTheFirstDescribedOne() {
    List<int[]> track = Arrays.asList(null, new int[] {0, 1, 1}, null, new int[] {1, 1, 2}, new int[] {2, 0, 2});
    assertThat(MotionTable.evidence(track)).isEqualTo("-,0/0/0,-,1/0/1,2/-1/1,");
  }

  @Test
  void fittingIsReproducibleAndTheFileReadsBack(@TempDir Path dir) throws IOException {
    MotionTable a = MotionTable.fit(7, 300, 8);
    MotionTable b = MotionTable.fit(7, 300, 8);
    a.write(dir.resolve("a"));
    b.write(dir.resolve("b"));
    assertThat(dir.resolve("a").resolve(MotionTable.FILE)).hasSameTextualContentAs(dir.resolve("b").resolve(MotionTable.FILE));
    assertThat(a.size()).isGreaterThan(50);
    MotionTable read = MotionTable.read(dir.resolve("a")).orElseThrow();
    assertThat(read.size()).isEqualTo(a.size());
    assertThat(read.origin()).isEqualTo("seed 7, 300 clips, 8 frames per clip");
    // an object seen in all 8 frames that never changes cell or size is, most often, still
    assertThat(read.motion("0/0/0,".repeat(8))).contains(MotionKind.STILL);
    assertThat(read.motion("not evidence")).isEmpty();
  }

  @Test
  void theCommittedTableIsWhatTheDocumentedCommandWritesAndTheBuiltInFuserUsesIt(@TempDir Path dir) throws IOException {
    // reelscribe train motion-table --seed 7 (20,000 clips, 8 frames): its defaults
    MotionTable.fit(7, 20_000, 8).write(dir);
    Path committed = FuserModel.unpackEmbedded();
    assertThat(committed.resolve(MotionTable.FILE)).hasSameTextualContentAs(dir.resolve(MotionTable.FILE));
    try (BuiltinCaptionFuser fuser = BuiltinCaptionFuser.embedded(8)) {
      assertThat(fuser.model().getVersion()).endsWith("+pairs+motions");
    }
  }

  @Test
  void aDirectoryWithoutATableHasNoneAndABadLineIsAClearError(@TempDir Path dir) throws IOException {
    assertThat(MotionTable.read(dir)).isEmpty();
    Files.writeString(dir.resolve(MotionTable.FILE), "# reelscribe motion table: x\n0/0/0,\tSIDEWAYS\n");
    assertThatThrownBy(() -> MotionTable.read(dir)).isInstanceOf(IOException.class).hasMessageContaining("line 2");
  }
}
