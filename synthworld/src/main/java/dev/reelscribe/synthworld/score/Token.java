package dev.reelscribe.synthworld.score;

/** One word of a normalised caption: a synthworld concept ({@code kind} and canonical value) or a plain word. */
record Token(Kind kind, String value) {
  enum Kind {
    SHAPE, COLOUR, SIZE, CELL, MOTION, CAMERA, BG_KIND, BG_NOUN, CUT, STATIC, TEXT, QUOTE, COUNT,
    THING, PRONOUN, END, WORD
  }

  boolean is(Kind k) {
    return kind == k;
  }

  @Override
  public String toString() {
    return kind == Kind.WORD ? value : kind + ":" + value;
  }
}
