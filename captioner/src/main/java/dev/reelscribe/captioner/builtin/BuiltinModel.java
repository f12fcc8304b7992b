package dev.reelscribe.captioner.builtin;

import ai.djl.Model;
import dev.reelscribe.models.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a built-in frame-captioner model lives on disk: a {@link ModelDirectory} with {@code
 * config.json}, {@code frame-captioner-0000.params}, {@code serving.properties} and {@code
 * training.txt}. The committed weights ship inside the jar and are unpacked to a cache directory on
 * first use.
 */
public final class BuiltinModel {
  public static final String NAME = "frame-captioner";
  public static final String MODEL_ID = "reelscribe-frame-captioner";
  static final ModelDirectory DIRECTORY = new ModelDirectory(NAME, BuiltinModel.class, "/dev/reelscribe/captioner/model/");

  private BuiltinModel() {}

  /** Writes a trained model as a model directory. */
  public static void save(Model model, CaptionerConfig config, Path dir) throws IOException {
    DIRECTORY.saveParameters(model, dir, "a Reelscribe built-in frame captioner; load with --frame-captioner-model DIR");
    config.write(dir);
  }

  /** True if the jar carries committed weights. */
  public static boolean embedded() {
    return DIRECTORY.embedded();
  }

  /** The embedded model, unpacked to {@code cacheRoot/<hash>/} (reused when already there). */
  public static Path unpackEmbedded(Path cacheRoot) {
    return DIRECTORY.unpackEmbedded(cacheRoot,
        "train them with `reelscribe train frame-captioner` or pass --frame-captioner-model DIR");
  }

  /** Where {@link #unpackEmbedded} puts the committed weights by default. */
  public static Path cacheRoot() {
    return DIRECTORY.cacheRoot();
  }

  /** The SHA-256 of a model directory's parameter file: the version in its {@code ModelRef}. */
  public static String weightsHash(Path dir) throws IOException {
    return DIRECTORY.weightsHash(dir);
  }
}
