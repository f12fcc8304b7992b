package dev.reelscribe.frames.analysis;

import dev.reelscribe.frames.probe.StreamInfo;

/**
 * Everything one decoding pass learned about a video.
 *
 * @param info the header's view of the stream
 * @param frameCount frames that actually decoded
 * @param signals per-frame measurements, {@code frameCount} long
 */
public record VideoAnalysis(StreamInfo info, long frameCount, FrameSignals signals) {
  public double fps() {
    return info.fps();
  }

  public double durationSeconds() {
    return frameCount / info.fps();
  }
}
