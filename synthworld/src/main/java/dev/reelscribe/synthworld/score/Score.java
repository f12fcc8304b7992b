package dev.reelscribe.synthworld.score;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A caption's grade: a {@link Tally} per {@link Kind}, and the hallucinations — objects or events it
 * states that are not there, out of all objects and events it states. Scores add up over a set.
 */
public record Score(Map<Kind, Tally> kinds, long existenceClaims, long hallucinated, long captions) {
  public static Score empty() {
    return new Score(new EnumMap<>(Kind.class), 0, 0, 0);
  }

  public Tally tally(Kind kind) {
    return kinds.getOrDefault(kind, Tally.ZERO);
  }

  public Score plus(Score o) {
    Map<Kind, Tally> sum = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      Tally t = tally(k).plus(o.tally(k));
      if (!t.equals(Tally.ZERO)) {
        sum.put(k, t);
      }
    }
    return new Score(sum, existenceClaims + o.existenceClaims, hallucinated + o.hallucinated, captions + o.captions);
  }

  /** Hallucinated ÷ stated objects and events; 0 when nothing was stated. */
  public double hallucinationRate() {
    return existenceClaims == 0 ? 0 : (double) hallucinated / existenceClaims;
  }

  /** A table: one row per kind with claims, facts, precision, recall, F1; then the hallucination rate. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-11s %7s %7s %9s %7s %6s%n", "kind", "claims", "facts", "precision",
        "recall", "F1"));
    for (Kind k : Kind.values()) {
      Tally t = tally(k);
      if (t.equals(Tally.ZERO)) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "%-11s %7d %7d %9s %7s %6s%n", k.label(), t.claims(), t.facts(),
          fmt(t.precision()), fmt(t.recall()), fmt(t.f1())));
    }
    out.append(String.format(Locale.ROOT, "hallucination rate %.4f (%d of %d objects and events stated), %d captions%n",
        hallucinationRate(), hallucinated, existenceClaims, captions));
    return out.toString();
  }

  /** One line of JSON with the same figures. */
  public String json() {
    StringBuilder out = new StringBuilder("{\"captions\":").append(captions).append(",\"kinds\":{");
    boolean first = true;
    for (Kind k : Kind.values()) {
      Tally t = tally(k);
      if (t.equals(Tally.ZERO)) {
        continue;
      }
      out.append(first ? "" : ",").append('"').append(k.label()).append("\":{")
          .append("\"claims\":").append(t.claims()).append(",\"correct\":").append(t.correct())
          .append(",\"facts\":").append(t.facts()).append(",\"recalled\":").append(t.recalled())
          .append(",\"precision\":").append(num(t.precision())).append(",\"recall\":").append(num(t.recall()))
          .append(",\"f1\":").append(num(t.f1())).append('}');
      first = false;
    }
    return out.append("},\"hallucinationRate\":").append(num(hallucinationRate()))
        .append(",\"hallucinated\":").append(hallucinated).append(",\"stated\":").append(existenceClaims)
        .append('}').toString();
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
  }
}
