package dev.reelscribe.generator.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelscribe.synthworld.script.SizeClass;
import java.util.Arrays;
import java.util.Locale;

/**
 * Shape right by the object's size class: a small synthworld object is about 8 pixels across in a
 * 64-pixel frame, two latent cells of the VAE, so where shape is lost — the decoder or the
 * transformer — shows by size long before it shows in one share. Immutable; {@link #add} returns the
 * tally with one more clip.
 */
public final class ShapeBySize {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SizeClass[] SIZES = SizeClass.values();

  /** No clips yet. */
  public static final ShapeBySize NONE = new ShapeBySize(new int[SIZES.length], new int[SIZES.length]);

  private final int[] right;
  private final int[] clips;

  private ShapeBySize(int[] right, int[] clips) {
    this.right = right;
    this.clips = clips;
  }

  /** This tally with one more graded clip. */
  public ShapeBySize add(ClipGrader.Grade grade) {
    int[] r = right.clone();
    int[] c = clips.clone();
    int i = grade.object().size().ordinal();
    c[i]++;
    r[i] += grade.shape() ? 1 : 0;
    return new ShapeBySize(r, c);
  }

  /** Clips of this size whose shape was right. */
  public int right(SizeClass size) {
    return right[size.ordinal()];
  }

  /** Clips of this size. */
  public int clips(SizeClass size) {
    return clips[size.ordinal()];
  }

  /** "4/19 small, 6/16 medium, 9/15 large". */
  String cells() {
    StringBuilder b = new StringBuilder();
    for (SizeClass s : SIZES) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(String.format(Locale.ROOT, "%d/%d %s", right(s), clips(s), s.word()));
    }
    return b.toString();
  }

  ObjectNode json() {
    ObjectNode n = JSON.createObjectNode();
    for (SizeClass s : SIZES) {
      ObjectNode cell = n.putObject(s.word());
      cell.put("right", right(s));
      cell.put("clips", clips(s));
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShapeBySize other && Arrays.equals(right, other.right) && Arrays.equals(clips, other.clips);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(right) + Arrays.hashCode(clips);
  }

  @Override
  public String toString() {
    return "ShapeBySize[" + cells() + "]";
  }
}
