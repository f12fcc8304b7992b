package dev.reelscribe.synthworld.script;

/** Burned-in text: a title near the top, or a subtitle along the bottom. */
public enum TextKind {
  TITLE,
  SUBTITLE;

  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
