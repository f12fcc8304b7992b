package dev.reelscribe.frames;

import java.nio.file.Path;

/** Public door to {@link SyntheticVideo} for tests in sub-packages. */
public final class SyntheticVideoAccess {
  private SyntheticVideoAccess() {}

  public static Path moving(Path dir) {
    return SyntheticVideo.write(dir.resolve("moving.mp4"), SyntheticVideo.Kind.MOVING, 48);
  }

  public static Path still(Path dir) {
    return SyntheticVideo.write(dir.resolve("still.mp4"), SyntheticVideo.Kind.STILL, 48);
  }

  public static Path tvStatic(Path dir) {
    return SyntheticVideo.write(dir.resolve("static.mp4"), SyntheticVideo.Kind.TV_STATIC, 48);
  }

  public static Path subtitled(Path dir) {
    return SyntheticVideo.write(dir.resolve("subtitled.mp4"), SyntheticVideo.Kind.SUBTITLED, 48);
  }

  public static Path dark(Path dir) {
    return SyntheticVideo.write(dir.resolve("dark.mp4"), SyntheticVideo.Kind.DARK, 48);
  }
}
