package dev.reelscribe.pipelines.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a POSIX ustar archive, the container of WebDataset shards. Entries are regular files with
 * fixed metadata (mode 0644, owner 0, time 0), so the same entries always make the same bytes.
 * Names are at most 100 bytes of ASCII (clip ids and extensions are). {@link #close} writes the two
 * zero blocks that end an archive and closes the stream.
 */
public final class TarWriter implements AutoCloseable {
  static final int BLOCK = 512;
  private final OutputStream out;
  private long written;

  public TarWriter(OutputStream out) {
    this.out = out;
  }

  /** Bytes written so far, headers and padding included. */
  public long size() {
    return written;
  }

  /** The bytes an entry of {@code length} bytes takes in the archive: header plus padded data. */
  public static long entrySize(long length) {
    return BLOCK + (length + BLOCK - 1) / BLOCK * BLOCK;
  }

  public void add(String name, byte[] data) throws IOException {
    header(name, data.length);
    out.write(data);
    pad(data.length);
  }

  /** Adds an entry of exactly {@code length} bytes read from {@code data}. */
  public void add(String name, InputStream data, long length) throws IOException {
    header(name, length);
    byte[] buf = new byte[64 * 1024];
    long left = length;
    while (left > 0) {
      int n = data.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new IOException("entry " + name + " ended " + left + " bytes early");
      }
      out.write(buf, 0, n);
      left -= n;
    }
    pad(length);
  }

  private void header(String name, long length) throws IOException {
    byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length == 0 || bytes.length > 100 || !name.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new IllegalArgumentException("tar entry names are 1-100 printable ASCII bytes: " + name);
    }
    byte[] h = new byte[BLOCK];
    System.arraycopy(bytes, 0, h, 0, bytes.length);
    octal(h, 100, 8, 0644);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, length);
    octal(h, 136, 12, 0);
    h[156] = '0';
    System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
    h[263] = '0';
    h[264] = '0';
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    h[155] = ' ';
    out.write(h);
    written += BLOCK;
  }

  /** {@code width - 1} octal digits, zero-padded, then NUL. */
  private static void octal(byte[] h, int at, int width, long value) {
    String s = Long.toOctalString(value);
    if (s.length() > width - 1) {
      throw new IllegalArgumentException("value " + value + " does not fit a " + width + "-byte tar field");
    }
    s = "0".repeat(width - 1 - s.length()) + s;
    System.arraycopy(s.getBytes(StandardCharsets.US_ASCII), 0, h, at, width - 1);
    h[at + width - 1] = 0;
  }

  private void pad(long length) throws IOException {
    int rest = (int) (length % BLOCK);
    if (rest != 0) {
      out.write(new byte[BLOCK - rest]);
    }
    written += (length + BLOCK - 1) / BLOCK * BLOCK;
  }

  @Override
  public void close() throws IOException {
    out.write(new byte[2 * BLOCK]);
    written += 2 * BLOCK;
    out.close();
  }
}
