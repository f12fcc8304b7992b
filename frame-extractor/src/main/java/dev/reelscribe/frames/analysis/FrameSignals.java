package dev.reelscribe.frames.analysis;

import java.util.Arrays;

/**
 * Per-frame measurements of one video, stored column-wise (one array per signal, indexed by frame
 * number). {@code NaN} marks a frame a signal was not measured on (flow and text run on a subset).
 *
 * <ul>
 *   <li>{@code contentChange}: mean absolute HSV difference to the previous frame, 0–255 (frame 0: 0)
 *   <li>{@code skipChange}: the same, to the frame before the previous one (frames 0 and 1: 0); a
 *       garbage frame differs from both neighbours while they match each other
 *   <li>{@code luma}, {@code lumaStd}: mean and standard deviation of grey level, 0–255
 *   <li>{@code sharpness}: variance of the Laplacian at the analysis size
 *   <li>{@code noise}: Immerkær noise sigma estimate at the analysis size, grey levels
 *   <li>{@code motion}: mean optical-flow displacement to the previous frame, in frame diagonals per
 *       second
 *   <li>{@code textArea}: fraction of the frame covered by text-like regions
 * </ul>
 */
public final class FrameSignals {
  private int size;
  private double[] contentChange = new double[256];
  private double[] skipChange = new double[256];
  private double[] luma = new double[256];
  private double[] lumaStd = new double[256];
  private double[] sharpness = new double[256];
  private double[] noise = new double[256];
  private double[] motion = new double[256];
  private double[] textArea = new double[256];

  /** Appends one frame's measurements; returns its index. */
  int add(double change, double skip, double l, double ls, double sharp, double n, double m, double text) {
    if (size == contentChange.length) {
      int cap = size * 2;
      contentChange = Arrays.copyOf(contentChange, cap);
      skipChange = Arrays.copyOf(skipChange, cap);
      luma = Arrays.copyOf(luma, cap);
      lumaStd = Arrays.copyOf(lumaStd, cap);
      sharpness = Arrays.copyOf(sharpness, cap);
      noise = Arrays.copyOf(noise, cap);
      motion = Arrays.copyOf(motion, cap);
      textArea = Arrays.copyOf(textArea, cap);
    }
    contentChange[size] = change;
    skipChange[size] = skip;
    luma[size] = l;
    lumaStd[size] = ls;
    sharpness[size] = sharp;
    noise[size] = n;
    motion[size] = m;
    textArea[size] = text;
    return size++;
  }

  public int frameCount() {
    return size;
  }

  public double contentChange(int i) {
    return contentChange[check(i)];
  }

  public double skipChange(int i) {
    return skipChange[check(i)];
  }

  public double luma(int i) {
    return luma[check(i)];
  }

  public double lumaStd(int i) {
    return lumaStd[check(i)];
  }

  public double sharpness(int i) {
    return sharpness[check(i)];
  }

  public double noise(int i) {
    return noise[check(i)];
  }

  public double motion(int i) {
    return motion[check(i)];
  }

  public double textArea(int i) {
    return textArea[check(i)];
  }

  /** The content-change column, copied. */
  public double[] contentChanges() {
    return Arrays.copyOf(contentChange, size);
  }

  /** The skip-change column, copied. */
  public double[] skipChanges() {
    return Arrays.copyOf(skipChange, size);
  }

  private int check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("frame " + i + " of " + size);
    }
    return i;
  }
}
