package dev.reelscribe.captioner;

import dev.reelscribe.schemas.ModelRef;
import java.util.List;

/**
 * The frame-captioner role: an image vision-language model that says what one still shows.
 *
 * <p>Open one per JVM (it holds the model) and share it; each worker thread (each DoFn instance)
 * opens its own {@link Session}, which for a local model owns a predictor. {@link #caption} returns
 * one result per frame, in order; a frame that cannot be captioned gives a {@link
 * CaptionResult.Failed} and does not affect the others.
 */
public interface FrameCaptioner extends AutoCloseable {
  /** Which model answers, recorded with every caption. */
  ModelRef model();

  /** A captioning session for one thread at a time. */
  Session open();

  /** Captions with a short-lived session; thread-safe. */
  default List<CaptionResult> caption(List<FrameImage> frames) {
    try (Session session = open()) {
      return session.caption(frames);
    }
  }

  @Override
  void close();

  /** One worker's handle on the model; not thread-safe. */
  interface Session extends AutoCloseable {
    List<CaptionResult> caption(List<FrameImage> frames);

    @Override
    default void close() {}
  }
}
