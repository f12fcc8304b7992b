package dev.reelscribe.captioner.train;

/** One training example: planar pixels, the caption's token ids (no BOS/EOS), and its text. */
public record CaptionSample(float[] pixels, int[] tokens, String caption) {}
