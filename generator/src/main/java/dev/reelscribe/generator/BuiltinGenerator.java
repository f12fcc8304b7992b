package dev.reelscribe.generator;

import dev.reelscribe.models.ModelDirectory;
import java.nio.file.Path;
import java.util.List;

/**
 * The committed generator weights, shipped in the generator jar under {@code
 * /dev/reelscribe/generator/model/} and unpacked on first use to {@code
 * ~/.cache/reelscribe/models/generator/<hash>/} (or under {@code -Dreelscribe.cache}).
 */
public final class BuiltinGenerator {
  static final String ROOT = "/dev/reelscribe/generator/model/";
  static final List<String> FILES = List.of("model_index.json", "vae/config.json", "vae/" + GeneratorModel.WEIGHTS,
      "transformer/config.json", "transformer/" + GeneratorModel.WEIGHTS, "scheduler/scheduler_config.json",
      "training.txt");
  private static final ModelDirectory CACHE = new ModelDirectory("generator", BuiltinGenerator.class, ROOT);

  private BuiltinGenerator() {}

  /** True if this build carries trained generator weights. */
  public static boolean embedded() {
    return BuiltinGenerator.class.getResource(ROOT + "transformer/" + GeneratorModel.WEIGHTS) != null;
  }

  /** The committed model directory, unpacked (reused when already there). */
  public static Path unpack() {
    if (!embedded()) {
      throw new IllegalStateException("this build has no embedded generator weights; train them with "
          + "`reelscribe train generator` and pass --model DIR");
    }
    return ModelDirectory.unpack(BuiltinGenerator.class, ROOT, FILES, CACHE.cacheRoot());
  }
}
