package dev.reelscribe.models;

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
 * The on-disk form of a built-in model: a directory with {@code config.json} (the architecture and
 * vocabulary), the DJL parameter file {@code <name>-0000.params}, a {@code serving.properties} and
 * the {@code training.txt} that says which command made the weights. Committed weights ship in the
 * jar under {@code resourceRoot} and are unpacked to a cache directory named by their hash on first
 * use, so two versions never share a directory.
 *
 * @param name the DJL model name (the parameter file's prefix)
 * @param anchor a class in the jar that carries the resources
 * @param resourceRoot the classpath folder of the committed model, ending in {@code /}
 */
public record ModelDirectory(String name, Class<?> anchor, String resourceRoot) {
  public static final String CONFIG = "config.json";
  public static final String TRAINING_LOG = "training.txt";

  public String paramsFile() {
    return name + "-0000.params";
  }

  private List<String> files() {
    return List.of(CONFIG, paramsFile(), "serving.properties", TRAINING_LOG);
  }

  /**
   * Writes a trained model's parameters and {@code serving.properties} into {@code dir} (replacing
   * older parameter files); the caller writes {@code config.json}.
   */
  public void saveParameters(Model model, Path dir, String loadHint) throws IOException {
    Files.createDirectories(dir);
    try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, name + "-*.params")) {
      for (Path p : old) {
        Files.delete(p);
      }
    }
    model.save(dir, name);
    Files.writeString(dir.resolve("serving.properties"),
        "# " + loadHint + "\nengine=PyTorch\noption.modelName=" + name + "\n");
  }

  /** True if the jar carries committed weights. */
  public boolean embedded() {
    return anchor.getResource(resourceRoot + CONFIG) != null;
  }

  /**
   * The embedded model, unpacked to {@code cacheRoot/<hash>/} (reused when already there).
   *
   * @param missingHint what to tell the user when this build has no committed weights
   */
  public Path unpackEmbedded(Path cacheRoot, String missingHint) {
    return unpackEmbedded(cacheRoot, missingHint, List.of());
  }

  /** As {@link #unpackEmbedded(Path, String)}, with more files of the model directory (each optional). */
  public Path unpackEmbedded(Path cacheRoot, String missingHint, List<String> extraFiles) {
    if (!embedded()) {
      throw new IllegalStateException("this build has no embedded " + name + " weights; " + missingHint);
    }
    List<String> all = new java.util.ArrayList<>(files());
    all.addAll(extraFiles);
    return unpack(anchor, resourceRoot, all, cacheRoot);
  }

  /**
   * Copies the resources {@code files} (paths relative to {@code resourceRoot}; sub-directories
   * allowed; missing optional files skipped) to {@code cacheRoot/<first 16 hex of their content
   * hash>/}, atomically, and returns that directory; a directory already there (its first file
   * present) is reused. The hash covers every file, not only the weights: a new {@code config.json}
   * beside the same weights (a decoding rule turned on) unpacks to a new directory instead of
   * reusing a stale one. Two versions never share a directory and concurrent unpackers do not clash.
   */
  public static Path unpack(Class<?> anchor, String resourceRoot, List<String> files, Path cacheRoot) {
    try {
      Path dir = cacheRoot.resolve(contentHash(anchor, resourceRoot, files).substring(0, 16));
      String marker = files.get(0);
      if (Files.isRegularFile(dir.resolve(marker))) {
        return dir;
      }
      Path tmp = Files.createTempDirectory(Files.createDirectories(cacheRoot), "unpack-");
      for (String f : files) {
        try (InputStream in = anchor.getResourceAsStream(resourceRoot + f)) {
          if (in != null) {
            Files.createDirectories(tmp.resolve(f).getParent());
            Files.copy(in, tmp.resolve(f));
          }
        }
      }
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        if (!Files.isRegularFile(dir.resolve(marker))) {
          throw raced;
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + resourceRoot + " to " + cacheRoot, e);
    }
  }

  /** SHA-256 over each present file's name, length and bytes, in order; the first file must be present. */
  static String contentHash(Class<?> anchor, String resourceRoot, List<String> files) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < files.size(); i++) {
      try (InputStream in = anchor.getResourceAsStream(resourceRoot + files.get(i))) {
        if (in == null) {
          if (i == 0) {
            throw new IOException("missing resource " + resourceRoot + files.get(i));
          }
          continue;
        }
        byte[] bytes = in.readAllBytes();
        digest.update((files.get(i) + "\0" + bytes.length + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update(bytes);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private byte[] resource(String file) throws IOException {
    try (InputStream in = anchor.getResourceAsStream(resourceRoot + file)) {
      if (in == null) {
        throw new IOException("missing resource " + resourceRoot + file);
      }
      return in.readAllBytes();
    }
  }

  /** The SHA-256 of a model directory's parameter file: the version in its {@code ModelRef}. */
  public String weightsHash(Path dir) throws IOException {
    return sha256(Files.readAllBytes(dir.resolve(paramsFile())));
  }

  /**
   * Where embedded weights are unpacked: {@code -Dreelscribe.cache}, else {@code
   * ~/.cache/reelscribe}, then {@code models/<name>}.
   */
  public Path cacheRoot() {
    String dir = System.getProperty("reelscribe.cache");
    if (dir == null || dir.isBlank()) {
      dir = Path.of(System.getProperty("user.home"), ".cache", "reelscribe").toString();
    }
    return Path.of(dir, "models", name);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
