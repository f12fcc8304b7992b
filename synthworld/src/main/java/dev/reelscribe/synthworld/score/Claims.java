package dev.reelscribe.synthworld.score;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a caption states, split into segments at each cut: the objects it mentions, the camera,
 * counts, background, and the events (cut, static, text).
 */
final class Claims {
  final List<Mention> mentions = new ArrayList<>();
  final List<Set<String>> camera = new ArrayList<>();
  final List<Integer> counts = new ArrayList<>();
  final List<Set<String>> background = new ArrayList<>();
  boolean cut;
  boolean staticNoise;
  final Set<String> textKinds = new LinkedHashSet<>();
  final List<String> quotes = new ArrayList<>();

  Claims() {
    newSegment();
  }

  int segments() {
    return camera.size();
  }

  void newSegment() {
    camera.add(new LinkedHashSet<>());
    counts.add(null);
    background.add(new LinkedHashSet<>());
  }

  /** The count a segment states: explicitly, or by how many distinct objects it mentions. */
  Integer count(int segment) {
    if (counts.get(segment) != null) {
      return counts.get(segment);
    }
    long n = mentions.stream().filter(m -> m.segment == segment).count();
    return n == 0 ? null : (int) n;
  }
}
