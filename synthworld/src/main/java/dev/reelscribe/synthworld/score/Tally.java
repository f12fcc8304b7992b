package dev.reelscribe.synthworld.score;

/**
 * Counts behind precision and recall: claims made and how many were right, facts there were and how
 * many a caption stated. Tallies add up over captions (micro-averaging).
 */
public record Tally(long claims, long correct, long facts, long recalled) {
  public static final Tally ZERO = new Tally(0, 0, 0, 0);

  public Tally plus(Tally o) {
    return new Tally(claims + o.claims, correct + o.correct, facts + o.facts, recalled + o.recalled);
  }

  Tally claim(boolean right) {
    return new Tally(claims + 1, correct + (right ? 1 : 0), facts, recalled);
  }

  Tally fact(boolean stated) {
    return new Tally(claims, correct, facts + 1, recalled + (stated ? 1 : 0));
  }

  /** Correct claims ÷ claims; NaN when nothing was claimed. */
  public double precision() {
    return claims == 0 ? Double.NaN : (double) correct / claims;
  }

  /** Stated facts ÷ facts; NaN when there was nothing to state. */
  public double recall() {
    return facts == 0 ? Double.NaN : (double) recalled / facts;
  }

  /** Harmonic mean of precision and recall; an undefined side counts as 1 (nothing to get wrong). */
  public double f1() {
    if (claims == 0 && facts == 0) {
      return Double.NaN;
    }
    double p = claims == 0 ? (facts == 0 ? 1 : 0) : precision();
    double r = facts == 0 ? 1 : recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
