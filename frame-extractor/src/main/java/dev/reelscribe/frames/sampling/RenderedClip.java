package dev.reelscribe.frames.sampling;

import java.util.List;

/**
 * What one pass over a clip's span produced.
 *
 * @param frames the sampled frames, in order
 * @param framesEncoded frames written to the clip file (0 when no file was asked for)
 */
public record RenderedClip(List<EncodedFrame> frames, long framesEncoded) {}
