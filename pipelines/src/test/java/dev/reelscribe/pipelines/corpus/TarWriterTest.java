package dev.reelscribe.pipelines.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ustar writer makes archives that GNU tar reads back byte for byte. */
class TarWriterTest {
  @Test
  void gnuTarExtractsWhatWasWritten(@TempDir Path dir) throws Exception {
    byte[] video = new byte[70_001];
    new Random(1).nextBytes(video);
    byte[] json = "{\"caption\":\"A red circle.\"}".getBytes(StandardCharsets.UTF_8);
    Path tar = dir.resolve("shard-000000.tar");
    TarWriter w = new TarWriter(Files.newOutputStream(tar));
    try (w) {
      w.add("abc123.mp4", new ByteArrayInputStream(video), video.length);
      w.add("abc123.json", json);
      w.add("empty.txt", new byte[0]);
    }
    assertThat(Files.size(tar)).isEqualTo(w.size())
        .isEqualTo(TarWriter.entrySize(video.length) + TarWriter.entrySize(json.length) + TarWriter.entrySize(0) + 1024);
    Path x = Files.createDirectories(dir.resolve("x"));
    Process p = new ProcessBuilder("tar", "-xf", tar.toString(), "-C", x.toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(log).isZero();
    assertThat(x.resolve("abc123.mp4")).hasBinaryContent(video);
    assertThat(x.resolve("abc123.json")).hasBinaryContent(json);
    assertThat(x.resolve("empty.txt")).isEmptyFile();
  }

  @Test
  void theSameEntriesMakeTheSameBytes() throws Exception {
    assertThat(archive()).isEqualTo(archive());
  }

  private static byte[] archive() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (TarWriter w = new TarWriter(buf)) {
      w.add("a.json", "{}".getBytes(StandardCharsets.UTF_8));
    }
    return buf.toByteArray();
  }

  @Test
  void badNamesAndShortStreamsAreErrors() throws Exception {
    try (TarWriter w = new TarWriter(OutputStream.nullOutputStream())) {
      assertThatThrownBy(() -> w.add("x".repeat(101), new byte[0])).hasMessageContaining("1-100 printable ASCII");
      assertThatThrownBy(() -> w.add("a b", new byte[0])).hasMessageContaining("printable ASCII");
      assertThatThrownBy(() -> w.add("short.bin", new ByteArrayInputStream(new byte[3]), 10))
          .hasMessageContaining("ended 7 bytes early");
    }
  }
}
