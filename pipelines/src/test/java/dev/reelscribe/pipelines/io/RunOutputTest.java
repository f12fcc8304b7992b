package dev.reelscribe.pipelines.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit replaces the previous run's shards and nothing else; a run killed before its commit leaves
 * nothing behind; a run killed during its commit is finished by the next start.
 */
class RunOutputTest {
  @TempDir Path out;
  private final StringWriter logText = new StringWriter();
  private final PrintWriter log = new PrintWriter(logText, true);

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private List<String> files() throws IOException {
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void commitReplacesTheDirectoriesItWritesAndKeepsClipFiles() throws IOException {
    write(out.resolve("records/clips/part-00000-of-00002.jsonl"), "old a");
    write(out.resolve("records/clips/part-00001-of-00002.jsonl"), "old b");
    write(out.resolve("failed/part-00000-of-00001.jsonl"), "old failure");
    write(out.resolve("records/frame-captions/part-00000-of-00001.jsonl"), "not this run's");
    write(out.resolve("clips/abc.mp4"), "clip");
    write(out.resolve("run.json"), "{old}");

    RunOutput run = RunOutput.begin(out.toString(), log);
    Path staging = Path.of(run.staging());
    assertThat(staging.getParent()).isEqualTo(out.resolve(RunOutput.STAGING));
    write(staging.resolve("records/clips/part-00000-of-00001.jsonl"), "new");
    write(staging.resolve("records/clips/.temp-beam-123/half-written"), "x");
    write(staging.resolve("run.json"), "{new}");
    int moved = run.commit(List.of("records/clips", "failed"), log);

    assertThat(moved).isEqualTo(2);
    assertThat(files()).containsExactly("clips/abc.mp4", "records/clips/part-00000-of-00001.jsonl",
        "records/frame-captions/part-00000-of-00001.jsonl", "run.json");
    assertThat(Files.readString(out.resolve("records/clips/part-00000-of-00001.jsonl"))).isEqualTo("new");
    assertThat(Files.readString(out.resolve("run.json"))).isEqualTo("{new}");
    assertThat(out.resolve(RunOutput.STAGING)).doesNotExist();
  }

  @Test
  void anUnfinishedRunIsRemovedAtTheNextStart() throws IOException {
    write(out.resolve("records/clips/part-00000-of-00001.jsonl"), "committed");
    write(out.resolve(RunOutput.STAGING + "/20261122-000000-aaaaaa/records/clips/part-00000-of-00003.jsonl"), "killed");

    RunOutput.begin(out.toString(), log);

    assertThat(files()).containsExactly("records/clips/part-00000-of-00001.jsonl");
    assertThat(logText.toString()).contains("removing the unfinished run 20261122-000000-aaaaaa");
  }

  @Test
  void aRunKilledDuringItsCommitIsFinishedAtTheNextStart() throws IOException {
    // the run wrote COMMIT, deleted the old shards and moved one of its two files, then died
    Path staging = out.resolve(RunOutput.STAGING + "/20261122-000000-bbbbbb");
    write(staging.resolve(RunOutput.COMMIT), """
        D failed
        D records/clips
        F records/clips/part-00000-of-00002.jsonl
        F records/clips/part-00001-of-00002.jsonl
        F run.json
        """);
    write(out.resolve("records/clips/part-00000-of-00002.jsonl"), "new a");
    write(staging.resolve("records/clips/part-00001-of-00002.jsonl"), "new b");
    write(staging.resolve("run.json"), "{new}");
    write(out.resolve("failed/part-00000-of-00001.jsonl"), "old failure");

    RunOutput.begin(out.toString(), log);

    assertThat(files()).containsExactly("records/clips/part-00000-of-00002.jsonl",
        "records/clips/part-00001-of-00002.jsonl", "run.json");
    assertThat(Files.readString(out.resolve("records/clips/part-00001-of-00002.jsonl"))).isEqualTo("new b");
    assertThat(logText.toString()).contains("finishing the commit of run 20261122-000000-bbbbbb");
  }
}
