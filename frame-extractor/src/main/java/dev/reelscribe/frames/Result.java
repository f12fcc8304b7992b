package dev.reelscribe.frames;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of one stage on one input: a value, or a typed failure with a reason. Never null, never
 * a partial value.
 *
 * @param <T> the value type
 */
public sealed interface Result<T> permits Result.Ok, Result.Failed {

  static <T> Result<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Result<T> failed(FailureKind kind, String reason) {
    return new Failed<>(kind, reason);
  }

  /** Maps the value of an {@link Ok}; a {@link Failed} passes through. */
  default <R> Result<R> map(Function<? super T, ? extends R> f) {
    if (this instanceof Ok<T> ok) {
      return new Ok<>(f.apply(ok.value()));
    }
    Failed<T> failed = (Failed<T>) this;
    return new Failed<>(failed.kind(), failed.reason());
  }

  /** A successful result. */
  record Ok<T>(T value) implements Result<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A failed result: what kind of failure, and a human-readable reason. */
  record Failed<T>(FailureKind kind, String reason) implements Result<T> {
    public Failed {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
