package dev.reelscribe.frames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates the repository's test videos (testdata/videos) and the optional shared set. */
public final class TestVideos {
  private TestVideos() {}

  public static Path dir() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path candidate = p.resolve("testdata/videos");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("testdata/videos not found above " + Path.of("").toAbsolutePath());
  }

  public static Path get(String name) {
    Path p = dir().resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("missing test video " + p);
    }
    return p;
  }

  /** A video from ../shared/testdata/videos (large ones are not copied into the repository). */
  public static Optional<Path> shared(String name) {
    Path p = dir().getParent().getParent().getParent().resolve("shared/testdata/videos").resolve(name);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }
}
