package dev.reelscribe.synthworld.script;

/** How fast a motion runs. The units depend on the motion; see {@code world.Kinematics}. */
public enum Speed {
  SLOW,
  FAST
}
