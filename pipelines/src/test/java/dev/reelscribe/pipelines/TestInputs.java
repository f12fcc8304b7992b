package dev.reelscribe.pipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The repository's test videos, and bad inputs made on the spot. */
public final class TestInputs {
  private TestInputs() {}

  public static Path video(String name) {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("testdata/videos"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("testdata/videos not found");
    }
    return p.resolve("testdata/videos").resolve(name);
  }

  public static Path empty(Path dir) throws IOException {
    return Files.write(dir.resolve("empty.mp4"), new byte[0]);
  }

  public static Path textNamedMp4(Path dir) throws IOException {
    return Files.writeString(dir.resolve("notes.mp4"), "not a video\n".repeat(50));
  }

  public static Path truncated(Path dir) throws IOException {
    byte[] all = Files.readAllBytes(video("cup.mp4"));
    return Files.write(dir.resolve("truncated.mp4"), Arrays.copyOf(all, all.length / 3));
  }
}
