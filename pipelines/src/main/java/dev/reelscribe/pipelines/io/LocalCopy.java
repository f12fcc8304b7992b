package dev.reelscribe.pipelines.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * A video as a local file, which OpenCV needs. Local paths are used in place; remote ones
 * ({@code gs://}) are copied to a temporary file that {@link #close()} deletes.
 */
public final class LocalCopy implements AutoCloseable {
  private final String uri;
  private final Path path;
  private final long size;
  private final boolean temporary;

  private LocalCopy(String uri, Path path, long size, boolean temporary) {
    this.uri = uri;
    this.path = path;
    this.size = size;
    this.temporary = temporary;
  }

  /** Makes {@code uri} available locally; throws {@link java.io.FileNotFoundException} if missing. */
  public static LocalCopy of(String uri) throws IOException {
    MatchResult.Metadata meta = FileSystems.matchSingleFileSpec(uri);
    ResourceId id = meta.resourceId();
    if ("file".equals(id.getScheme())) {
      return new LocalCopy(uri, Path.of(id.toString()), meta.sizeBytes(), false);
    }
    String name = id.getFilename() == null ? "video" : id.getFilename();
    Path tmp = Files.createTempFile("reelscribe-", "-" + name.replaceAll("[^A-Za-z0-9._-]", "_"));
    try (ReadableByteChannel in = FileSystems.open(id);
        InputStream is = Channels.newInputStream(in)) {
      Files.copy(is, tmp, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return new LocalCopy(uri, tmp, meta.sizeBytes(), true);
  }

  /**
   * Copies a local file to {@code target} (any Beam filesystem) atomically: written under a temporary
   * name in the same directory, then renamed into place.
   */
  public static void publish(Path local, String target) throws IOException {
    ResourceId dest = FileSystems.matchNewResource(target, false);
    ResourceId tmp = dest.getCurrentDirectory().resolve(
        ".tmp-" + java.util.UUID.randomUUID() + "-" + dest.getFilename(),
        org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(tmp, MimeTypes.BINARY))) {
      Files.copy(local, out);
    }
    FileSystems.rename(java.util.List.of(tmp), java.util.List.of(dest));
  }

  /** Whether a file exists at {@code uri} (any Beam filesystem). */
  public static boolean exists(String uri) throws IOException {
    MatchResult match = FileSystems.match(java.util.List.of(uri),
        org.apache.beam.sdk.io.fs.EmptyMatchTreatment.ALLOW).get(0);
    return match.status() == MatchResult.Status.OK && !match.metadata().isEmpty();
  }

  public String uri() {
    return uri;
  }

  public Path path() {
    return path;
  }

  public long size() {
    return size;
  }

  @Override
  public void close() throws IOException {
    if (temporary) {
      Files.deleteIfExists(path);
    }
  }
}
