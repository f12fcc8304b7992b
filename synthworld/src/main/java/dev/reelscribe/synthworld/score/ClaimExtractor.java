package dev.reelscribe.synthworld.score;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link Claims} out of a token stream. Adjectives bind to the next shape noun ("a small red
 * circle"); colours next to "background", "grid" or "gradient" describe the background; a position
 * or motion binds to the object the clause is about (the last one named, or the next one when the
 * clause opens with it: "in the top left sits a red circle"), and "it" refers back.
 */
final class ClaimExtractor {
  private static final int MAX_GAP = 2;
  private static final int BACKGROUND_REACH = 5;

  private ClaimExtractor() {}

  static Claims extract(String text) {
    Claims claims = new Claims();
    List<Token> tokens = Lexicon.tokens(text, claims.quotes);
    new Reader(claims).read(tokens);
    merge(claims);
    return claims;
  }

  private static final class Reader {
    private final Claims claims;
    private int segment;
    private Mention last;
    private Mention current;
    private final List<Token> pendingAttributes = new ArrayList<>();
    private String size;
    private final List<String> colours = new ArrayList<>();
    private int gap;
    private int sinceBackground = Integer.MAX_VALUE / 2;
    private boolean textClause;

    Reader(Claims claims) {
      this.claims = claims;
    }

    void read(List<Token> tokens) {
      for (Token t : tokens) {
        sinceBackground++;
        switch (t.kind()) {
          case SIZE -> {
            size = t.value();
            gap = 0;
          }
          case COLOUR -> {
            colours.add(t.value());
            gap = 0;
          }
          case SHAPE -> mention(t.value(), lastColour());
          case THING -> {
            if (!colours.isEmpty() || size != null) {
              mention(null, lastColour());
            }
          }
          case BG_KIND, BG_NOUN -> {
            if (t.is(Token.Kind.BG_KIND)) {
              claims.background.get(segment).add("kind:" + t.value());
            }
            backgroundColours();
            sinceBackground = 0;
          }
          case CELL, MOTION -> {
            flush();
            if (textClause && t.is(Token.Kind.CELL)) {
              break;
            }
            if (current != null) {
              attach(current, t);
            } else {
              pendingAttributes.add(t);
            }
          }
          case PRONOUN -> {
            flush();
            if (current == null) {
              current = last;
              attachPending();
            }
          }
          case CAMERA -> {
            flush();
            claims.camera.get(segment).add(t.value());
          }
          case CUT -> {
            flush();
            endClause();
            claims.cut = true;
            segment++;
            claims.newSegment();
            last = null;
          }
          case STATIC -> {
            flush();
            claims.staticNoise = true;
          }
          case TEXT -> {
            flush();
            claims.textKinds.add(t.value());
            textClause = true;
          }
          case QUOTE -> flush();
          case COUNT -> {
            flush();
            if (claims.counts.get(segment) == null) {
              claims.counts.set(segment, Integer.parseInt(t.value()));
            }
          }
          case END -> {
            flush();
            endClause();
          }
          case WORD -> {
            if (++gap > MAX_GAP || t.value().equals(",")) {
              flush();
            }
          }
        }
      }
      flush();
      endClause();
    }

    private String lastColour() {
      return colours.isEmpty() ? null : colours.get(colours.size() - 1);
    }

    private void mention(String shape, String colour) {
      Mention m = new Mention(segment, shape, colour);
      if (size != null) {
        m.sizes.add(size);
      }
      claims.mentions.add(m);
      size = null;
      colours.clear();
      gap = 0;
      current = m;
      last = m;
      textClause = false;
      attachPending();
    }

    private void attachPending() {
      if (current != null) {
        for (Token p : pendingAttributes) {
          attach(current, p);
        }
        pendingAttributes.clear();
      }
    }

    private static void attach(Mention m, Token t) {
      if (t.is(Token.Kind.CELL)) {
        m.cells.add(t.value());
      } else {
        m.motions.add(t.value());
      }
    }

    private void backgroundColours() {
      for (String c : colours) {
        claims.background.get(segment).add("colour:" + c);
      }
      colours.clear();
      size = null;
      gap = 0;
    }

    /** Ends a noun phrase that never reached a shape noun. */
    private void flush() {
      if (!colours.isEmpty() && sinceBackground <= BACKGROUND_REACH) {
        backgroundColours();
      }
      colours.clear();
      size = null;
      gap = 0;
    }

    private void endClause() {
      if (!pendingAttributes.isEmpty() && last != null) {
        for (Token p : pendingAttributes) {
          attach(last, p);
        }
      }
      pendingAttributes.clear();
      current = null;
      textClause = false;
    }
  }

  /** Folds repeated references ("the red circle … it … the circle") into one mention per object. */
  private static void merge(Claims claims) {
    List<Mention> merged = new ArrayList<>();
    for (Mention m : claims.mentions) {
      Mention target = null;
      for (int i = merged.size() - 1; i >= 0 && target == null; i--) {
        if (merged.get(i).sameAs(m)) {
          target = merged.get(i);
        }
      }
      if (target == null) {
        merged.add(m);
      } else {
        target.absorb(m);
      }
    }
    claims.mentions.clear();
    claims.mentions.addAll(merged);
  }
}
