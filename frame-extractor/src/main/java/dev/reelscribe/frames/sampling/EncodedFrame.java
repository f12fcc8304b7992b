package dev.reelscribe.frames.sampling;

/**
 * One sampled frame as JPEG.
 *
 * @param index order within the clip's sample
 * @param sourceFrame frame number in the source video
 * @param timestampSeconds time from the clip's start
 */
public record EncodedFrame(
    int index, long sourceFrame, double timestampSeconds, int width, int height, byte[] jpeg) {}
