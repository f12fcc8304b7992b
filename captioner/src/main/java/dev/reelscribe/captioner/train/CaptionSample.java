package dev.reelscribe.captioner.train;

/**
 * One training example: planar pixels, the caption's token ids (no BOS/EOS), its text, and the
 * auxiliary labels per image-token cell (row-major over the encoder grid; 0 = no object centred
 * there, else shape/colour/size ordinal + 1).
 */
public record CaptionSample(float[] pixels, int[] tokens, String caption, int[] cellShapes, int[] cellColours,
    int[] cellSizes) {}
