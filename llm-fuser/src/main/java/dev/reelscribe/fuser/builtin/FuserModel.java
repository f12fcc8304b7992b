package dev.reelscribe.fuser.builtin;

import ai.djl.Model;
import dev.reelscribe.models.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a built-in fuser lives on disk: a {@link ModelDirectory} with {@code config.json}, {@code
 * caption-fuser-0000.params}, {@code serving.properties}, {@code training.txt} and, optionally, {@code
 * motion-table.tsv} ({@link MotionTable}). One model serves
 * both roles: caption fusion and prompt upsampling. The committed weights ship inside the jar and
 * are unpacked to a cache directory on first use.
 */
public final class FuserModel {
  public static final String NAME = "caption-fuser";
  public static final String MODEL_ID = "reelscribe-caption-fuser";
  static final ModelDirectory DIRECTORY = new ModelDirectory(NAME, FuserModel.class, "/dev/reelscribe/fuser/model/");

  private FuserModel() {}

  public static void save(Model model, FuserConfig config, Path dir) throws IOException {
    DIRECTORY.saveParameters(model, dir, "a Reelscribe built-in caption fuser; load with --fuser-model DIR");
    config.write(dir);
  }

  public static boolean embedded() {
    return DIRECTORY.embedded();
  }

  /** The committed weights, unpacked to the cache (reused when already there). */
  public static Path unpackEmbedded() {
    return DIRECTORY.unpackEmbedded(DIRECTORY.cacheRoot(),
        "train them with `reelscribe train fuser` or pass --fuser-model DIR", List.of(MotionTable.FILE));
  }

  public static String weightsHash(Path dir) throws IOException {
    return DIRECTORY.weightsHash(dir);
  }
}
