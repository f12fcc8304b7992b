package dev.reelscribe.synthworld.score;

/** What a score is about. MOTION and CAMERA are graded on clips only; a still cannot show them. */
public enum Kind {
  OBJECT, COLOUR, SIZE, POSITION, MOTION, CAMERA, COUNT, BACKGROUND, TEXT, EVENT;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
