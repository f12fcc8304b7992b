package dev.reelscribe.captioner.builtin;

import ai.djl.Model;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Where a built-in frame-captioner model lives on disk: a directory with {@code config.json}, the
 * DJL parameter file {@code frame-captioner-0000.params} and a {@code serving.properties}. The
 * committed weights ship inside the jar and are unpacked to a cache directory on first use.
 */
public final class BuiltinModel {
  public static final String NAME = "frame-captioner";
  public static final String MODEL_ID = "reelscribe-frame-captioner";
  static final String RESOURCE = "/dev/reelscribe/captioner/model/";
  static final List<String> FILES = List.of(CaptionerConfig.FILE, NAME + "-0000.params", "serving.properties",
      "training.txt");

  private BuiltinModel() {}

  /** Writes a trained model as a model directory. */
  public static void save(Model model, CaptionerConfig config, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, NAME + "-*.params")) {
      for (Path p : old) {
        Files.delete(p);
      }
    }
    model.save(dir, NAME);
    config.write(dir);
    Files.writeString(dir.resolve("serving.properties"),
        "# a Reelscribe built-in frame captioner; load with FrameCaptionerModels.open(dir)\n"
            + "engine=PyTorch\noption.modelName=" + NAME + "\n");
  }

  /** True if the jar carries committed weights. */
  public static boolean embedded() {
    return BuiltinModel.class.getResource(RESOURCE + CaptionerConfig.FILE) != null;
  }

  /** The embedded model, unpacked to {@code cacheRoot/<hash>/} (reused when already there). */
  public static Path unpackEmbedded(Path cacheRoot) {
    if (!embedded()) {
      throw new IllegalStateException("this build has no embedded frame-captioner weights; "
          + "train them with `reelscribe train frame-captioner` or pass --frame-captioner-model DIR");
    }
    try {
      byte[] params = resource(NAME + "-0000.params");
      Path dir = cacheRoot.resolve(sha256(params).substring(0, 16));
      if (Files.isRegularFile(dir.resolve(CaptionerConfig.FILE))) {
        return dir;
      }
      Path tmp = Files.createTempDirectory(Files.createDirectories(cacheRoot), "unpack-");
      for (String f : FILES) {
        try (InputStream in = BuiltinModel.class.getResourceAsStream(RESOURCE + f)) {
          if (in != null) {
            Files.copy(in, tmp.resolve(f));
          }
        }
      }
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        if (!Files.isRegularFile(dir.resolve(CaptionerConfig.FILE))) {
          throw raced;
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the embedded frame captioner to " + cacheRoot, e);
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = BuiltinModel.class.getResourceAsStream(RESOURCE + name)) {
      if (in == null) {
        throw new IOException("missing resource " + RESOURCE + name);
      }
      return in.readAllBytes();
    }
  }

  /** The SHA-256 of a model directory's parameter file: the version in its {@code ModelRef}. */
  public static String weightsHash(Path dir) throws IOException {
    return sha256(Files.readAllBytes(dir.resolve(NAME + "-0000.params")));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
