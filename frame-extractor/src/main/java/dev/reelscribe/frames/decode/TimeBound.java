package dev.reelscribe.frames.decode;

import dev.reelscribe.frames.FailureKind;
import dev.reelscribe.frames.Result;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs work on one file with a hard time bound.
 *
 * <p>Cooperative checks ({@link FrameReader} checks its {@link Deadline} on every frame) stop slow
 * decoding. A native call that never returns cannot be interrupted from Java; for that case the work
 * runs on its own daemon thread and the caller gets {@link FailureKind#TIMEOUT} once the bound plus a
 * grace period has passed. The stuck thread is abandoned (and logged by the caller's failure record);
 * the JVM and the other inputs go on.
 */
public final class TimeBound {
  private static final Duration GRACE = Duration.ofSeconds(5);

  private TimeBound() {}

  public static <T> Result<T> run(String what, Duration bound, Callable<Result<T>> work) {
    FutureTask<Result<T>> task = new FutureTask<>(work);
    Thread thread = new Thread(task, "reelscribe-decode-" + what);
    thread.setDaemon(true);
    thread.start();
    try {
      return task.get(bound.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      return Result.failed(
          FailureKind.TIMEOUT,
          "no result for " + what + " within " + bound.toSeconds() + " s (decoder did not return)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      task.cancel(true);
      throw new IllegalStateException("interrupted while processing " + what, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof DecodeTimeoutException timeout) {
        return Result.failed(FailureKind.TIMEOUT, timeout.getMessage());
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("processing " + what + " failed", cause);
    }
  }
}
