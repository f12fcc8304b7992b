package dev.reelscribe.synthworld.truth;

import java.util.SplittableRandom;

/**
 * How the truth writers choose among equivalent phrasings: at random (the varied, reader-facing
 * wording) or always the first (the canonical wording a small built-in model learns, so it spends
 * its capacity on content rather than style).
 */
interface Wording {
  /** One of {@code n} phrasings. */
  int choose(int n);

  /** A yes/no choice of form (e.g. whether to join two sentences). */
  boolean coin();

  static Wording random(SplittableRandom random) {
    return new Wording() {
      @Override
      public int choose(int n) {
        return random.nextInt(n);
      }

      @Override
      public boolean coin() {
        return random.nextBoolean();
      }
    };
  }

  Wording CANONICAL = new Wording() {
    @Override
    public int choose(int n) {
      return 0;
    }

    @Override
    public boolean coin() {
      return false;
    }
  };
}
