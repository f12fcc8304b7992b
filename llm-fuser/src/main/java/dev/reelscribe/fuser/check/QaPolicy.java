package dev.reelscribe.fuser.check;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which QA flags keep a caption out of the corpus. A rejected caption goes to the failed output
 * with its flags as the reason; a kept one carries its flags in {@code DenseCaption.qaFlags}.
 *
 * <pre>{@code
 * QaPolicy.rejectAll()                       // the default: any flag rejects
 * QaPolicy.parse("empty,cut_off,repetition") // keep over-budget and unsupported, flagged
 * QaPolicy.parse("none")                     // keep everything, flagged
 * }</pre>
 */
public record QaPolicy(Set<QaFlag> rejects) {
  public QaPolicy {
    rejects = rejects.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rejects));
  }

  public static QaPolicy rejectAll() {
    return new QaPolicy(EnumSet.allOf(QaFlag.class));
  }

  /** {@code all}, {@code none}, or a comma-separated list of flag names. */
  public static QaPolicy parse(String spec) {
    String s = spec.strip().toLowerCase(Locale.ROOT);
    if (s.equals("all")) {
      return rejectAll();
    }
    if (s.equals("none")) {
      return new QaPolicy(Set.of());
    }
    Set<QaFlag> flags = EnumSet.noneOf(QaFlag.class);
    for (String part : s.split(",")) {
      try {
        flags.add(QaFlag.valueOf(part.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown QA flag '" + part.strip() + "'; use all, none or a list of "
            + Arrays.stream(QaFlag.values()).map(QaFlag::word).collect(Collectors.joining(", ")));
      }
    }
    return new QaPolicy(flags);
  }

  /** The reason to reject a caption with these flags, or empty to keep it. */
  public Optional<String> rejection(List<String> flags) {
    List<String> hits = flags.stream().filter(f -> rejects.contains(QaFlag.of(f))).toList();
    return hits.isEmpty() ? Optional.empty() : Optional.of("failed output checks: " + String.join(", ", hits));
  }

  /** The policy as the command line writes it. */
  public String describe() {
    if (rejects.size() == QaFlag.values().length) {
      return "all";
    }
    if (rejects.isEmpty()) {
      return "none";
    }
    return rejects.stream().sorted().map(QaFlag::word).collect(Collectors.joining(","));
  }
}
