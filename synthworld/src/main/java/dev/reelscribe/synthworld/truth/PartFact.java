package dev.reelscribe.synthworld.truth;

import dev.reelscribe.synthworld.script.Background;
import dev.reelscribe.synthworld.script.CameraMotion;

/**
 * What is true of one scene part, for grading.
 *
 * @param camera null at frame level
 * @param required objects a caption must mention
 * @param optional objects it may mention or not (mostly hidden)
 */
public record PartFact(int part, Background background, CameraMotion camera, int required, int optional) {}
