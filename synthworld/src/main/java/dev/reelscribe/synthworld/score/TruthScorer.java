package dev.reelscribe.synthworld.score;

import dev.reelscribe.synthworld.script.BackgroundKind;
import dev.reelscribe.synthworld.script.Cell;
import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.SizeClass;
import dev.reelscribe.synthworld.truth.Facts;
import dev.reelscribe.synthworld.truth.ObjectFact;
import dev.reelscribe.synthworld.truth.PartFact;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Grades any text — a frame caption, a dense description, a prompt, from any model, phrased freely —
 * against a scene script's truth. It reads what the text states through synthworld's vocabulary and
 * synonyms ("crimson" is red, "travels to the left" moves left), matches each object it names to
 * the nearest real one, and counts per {@link Kind}: claims and how many are right (precision),
 * facts and how many were stated (recall), plus hallucinations — objects or events that are not
 * there.
 *
 * <pre>
 * Score s = TruthScorer.scoreClip(description, script);
 * Score f = TruthScorer.scoreFrame(caption, script, 12);
 * System.out.println(s.plus(f).table());
 * </pre>
 */
public final class TruthScorer {
  private TruthScorer() {}

  /** Grades a description of the whole clip (dense description or prompt). */
  public static Score scoreClip(String text, SceneScript script) {
    return score(text, Facts.ofClip(script));
  }

  /** Grades a caption of one frame. */
  public static Score scoreFrame(String text, SceneScript script, int frame) {
    return score(text, Facts.ofFrame(script, frame));
  }

  /** Grades {@code text} against {@code facts}. */
  public static Score score(String text, Facts facts) {
    Claims claims = ClaimExtractor.extract(text == null ? "" : text);
    return new Grading(claims, facts).run();
  }

  private static final class Grading {
    private final Claims claims;
    private final Facts facts;
    private final Map<Kind, Tally> kinds = new EnumMap<>(Kind.class);
    private final boolean aligned;
    private long stated;
    private long hallucinated;

    Grading(Claims claims, Facts facts) {
      this.claims = claims;
      this.facts = facts;
      this.aligned = claims.segments() == facts.parts().size();
    }

    private void add(Kind kind, Tally t) {
      kinds.merge(kind, t, Tally::plus);
    }

    /** Whether segment {@code segment} of the text may speak of part {@code part}. */
    private boolean scope(int segment, int part) {
      return !aligned || segment == part;
    }

    Score run() {
      Map<Mention, ObjectFact> matches = matchMentions();
      objects(matches);
      if (!facts.frameLevel()) {
        camera();
      }
      counts();
      background();
      events();
      return new Score(kinds, stated, hallucinated, 1);
    }

    private Map<Mention, ObjectFact> matchMentions() {
      Map<Mention, ObjectFact> matches = new java.util.IdentityHashMap<>();
      for (Mention m : claims.mentions) {
        ObjectFact best = null;
        int bestScore = 0;
        boolean exists = false;
        for (ObjectFact f : facts.objects()) {
          if (!scope(m.segment, f.part())) {
            continue;
          }
          boolean shape = m.shape != null && m.shape.equals(f.shape().word());
          boolean colour = m.colour != null && m.colour.equals(f.colour().word());
          int score = (shape ? 2 : 0) + (colour ? 2 : 0) + (sizeFits(m, f) ? 1 : 0);
          if ((shape || colour) && score > bestScore) {
            best = f;
            bestScore = score;
          }
          exists |= (m.shape == null || shape) && (m.colour == null || colour);
        }
        stated++;
        if (!exists) {
          hallucinated++;
        }
        if (best != null) {
          matches.put(m, best);
        }
      }
      return matches;
    }

    private void objects(Map<Mention, ObjectFact> matches) {
      Tally object = Tally.ZERO;
      Tally colour = Tally.ZERO;
      Tally size = Tally.ZERO;
      Tally position = Tally.ZERO;
      Tally motion = Tally.ZERO;
      for (Mention m : claims.mentions) {
        ObjectFact f = matches.get(m);
        if (f != null && !f.required() && !agrees(m, f)) {
          f = null;
        }
        if (f == null && optionalMatch(m)) {
          continue;
        }
        if (m.shape != null) {
          object = object.claim(f != null && m.shape.equals(f.shape().word()));
        }
        if (m.colour != null) {
          colour = colour.claim(f != null && m.colour.equals(f.colour().word()));
        }
        for (String s : m.sizes) {
          size = size.claim(f != null && f.sizes().contains(SizeClass.valueOf(s.toUpperCase(Locale.ROOT))));
        }
        for (String c : m.cells) {
          position = position.claim(f != null && f.cells().contains(cell(c)));
        }
        if (!facts.frameLevel()) {
          for (String mo : m.motions) {
            motion = motion.claim(f != null && motionFits(mo, f.motion()));
          }
        }
      }
      for (ObjectFact f : facts.objects()) {
        if (!f.required()) {
          continue;
        }
        List<Mention> about = new ArrayList<>();
        for (Map.Entry<Mention, ObjectFact> e : matches.entrySet()) {
          if (e.getValue() == f) {
            about.add(e.getKey());
          }
        }
        object = object.fact(about.stream().anyMatch(m -> f.shape().word().equals(m.shape)));
        colour = colour.fact(about.stream().anyMatch(m -> f.colour().word().equals(m.colour)));
        size = size.fact(about.stream().anyMatch(m -> m.sizes.stream()
            .anyMatch(s -> f.sizes().contains(SizeClass.valueOf(s.toUpperCase(Locale.ROOT))))));
        position = position.fact(about.stream().anyMatch(m -> m.cells.stream()
            .anyMatch(c -> f.mainCells().contains(cell(c)))));
        if (!facts.frameLevel()) {
          motion = motion.fact(about.stream().anyMatch(m -> m.motions.stream().anyMatch(mo -> motionFits(mo, f.motion()))));
        }
      }
      add(Kind.OBJECT, object);
      add(Kind.COLOUR, colour);
      add(Kind.SIZE, size);
      add(Kind.POSITION, position);
      if (!facts.frameLevel()) {
        add(Kind.MOTION, motion);
      }
    }

    /** A mention of a mostly hidden object is neither credited nor held against the caption. */
    private boolean optionalMatch(Mention m) {
      for (ObjectFact f : facts.objects()) {
        if (!f.required() && scope(m.segment, f.part()) && agrees(m, f)) {
          return true;
        }
      }
      return false;
    }

    private static boolean agrees(Mention m, ObjectFact f) {
      return (m.shape == null || m.shape.equals(f.shape().word())) && (m.colour == null || m.colour.equals(f.colour().word()));
    }

    private static boolean sizeFits(Mention m, ObjectFact f) {
      return m.sizes.stream().anyMatch(s -> f.sizes().contains(SizeClass.valueOf(s.toUpperCase(Locale.ROOT))));
    }

    private static Cell cell(String token) {
      return Cell.valueOf(token.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    static boolean motionFits(String token, MotionKind truth) {
      if (truth == null) {
        return false;
      }
      return switch (token) {
        case "bounce" -> truth.bounce();
        case "diagonal" -> truth.diagonal();
        default -> token.equals(truth.token());
      };
    }

    private void camera() {
      Tally t = Tally.ZERO;
      for (int s = 0; s < claims.segments(); s++) {
        for (String c : claims.camera.get(s)) {
          boolean right = false;
          for (PartFact p : facts.parts()) {
            right |= scope(s, p.part()) && p.camera().token().equals(c);
          }
          t = t.claim(right);
        }
      }
      for (PartFact p : facts.parts()) {
        boolean said = false;
        for (int s = 0; s < claims.segments(); s++) {
          said |= scope(s, p.part()) && claims.camera.get(s).contains(p.camera().token());
        }
        t = t.fact(said);
      }
      add(Kind.CAMERA, t);
    }

    private void counts() {
      Tally t = Tally.ZERO;
      Set<Integer> right = new HashSet<>();
      for (int s = 0; s < claims.segments(); s++) {
        Integer n = claims.count(s);
        if (n == null) {
          continue;
        }
        boolean ok = false;
        for (PartFact p : facts.parts()) {
          if (scope(s, p.part()) && n >= p.required() && n <= p.required() + p.optional()) {
            ok = true;
            right.add(p.part());
          }
        }
        t = t.claim(ok);
      }
      for (PartFact p : facts.parts()) {
        t = t.fact(right.contains(p.part()));
      }
      add(Kind.COUNT, t);
    }

    private void background() {
      Tally t = Tally.ZERO;
      for (int s = 0; s < claims.segments(); s++) {
        for (String item : claims.background.get(s)) {
          boolean ok = false;
          for (PartFact p : facts.parts()) {
            ok |= scope(s, p.part()) && items(p).contains(item);
          }
          t = t.claim(ok);
        }
      }
      for (PartFact p : facts.parts()) {
        for (String item : items(p)) {
          boolean said = false;
          for (int s = 0; s < claims.segments(); s++) {
            said |= scope(s, p.part()) && claims.background.get(s).contains(item);
          }
          t = t.fact(said);
        }
      }
      add(Kind.BACKGROUND, t);
    }

    private static Set<String> items(PartFact p) {
      Set<String> items = new HashSet<>();
      BackgroundKind kind = p.background().kind();
      items.add("kind:" + kind.name().toLowerCase(Locale.ROOT));
      items.add("colour:" + p.background().colour().word());
      if (p.background().second() != null) {
        items.add("colour:" + p.background().second().word());
      }
      return items;
    }

    private void events() {
      Tally event = Tally.ZERO;
      if (claims.cut) {
        event = event.claim(facts.cut());
        stated++;
        hallucinated += facts.cut() ? 0 : 1;
      }
      if (claims.staticNoise) {
        event = event.claim(facts.staticNoise());
        stated++;
        hallucinated += facts.staticNoise() ? 0 : 1;
      }
      if (facts.cut()) {
        event = event.fact(claims.cut);
      }
      if (facts.staticNoise()) {
        event = event.fact(claims.staticNoise);
      }
      add(Kind.EVENT, event);

      Tally text = Tally.ZERO;
      boolean shown = facts.text() != null;
      boolean claimed = !claims.textKinds.isEmpty() || !claims.quotes.isEmpty();
      if (claimed) {
        stated++;
        hallucinated += shown ? 0 : 1;
      }
      for (String k : claims.textKinds) {
        text = text.claim(shown && (k.equals("text") || k.equals(facts.text().kind().word())));
      }
      for (String q : claims.quotes) {
        text = text.claim(shown && q.equals(facts.text().text()));
      }
      if (shown) {
        text = text.fact(claims.textKinds.contains(facts.text().kind().word()));
        text = text.fact(claims.quotes.contains(facts.text().text()));
      }
      add(Kind.TEXT, text);
    }
  }
}
