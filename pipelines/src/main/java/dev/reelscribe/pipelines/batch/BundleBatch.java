package dev.reelscribe.pipelines.batch;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Instant;

/**
 * The elements of one bundle that wait for one batched model call, each with the timestamp and
 * window its outputs must carry. A model DoFn adds elements in {@code @ProcessElement}, flushes when
 * the batch is {@link #full()}, and flushes the rest in {@code @FinishBundle}; {@link #emitter}
 * gives both places one way to output.
 *
 * <pre>{@code
 * batch.add(element, timestamp, window);
 * if (batch.full()) flush(BundleBatch.emitter(out));          // in @ProcessElement
 * flush(BundleBatch.emitter(context));                        // in @FinishBundle
 * }</pre>
 */
public final class BundleBatch<T> {
  /** One waiting element. */
  public record Entry<T>(T element, Instant timestamp, BoundedWindow window) {}

  /** Where a flushed result goes: to the element's own timestamp and window. */
  public interface Emitter {
    <O> void emit(TupleTag<O> tag, O value, Entry<?> source);
  }

  private final int size;
  private final List<Entry<T>> entries = new ArrayList<>();

  public BundleBatch(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size must be positive, got " + size);
    }
    this.size = size;
  }

  public void add(T element, Instant timestamp, BoundedWindow window) {
    entries.add(new Entry<>(element, timestamp, window));
  }

  public boolean full() {
    return entries.size() >= size;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The waiting entries, in order; the batch is empty afterwards. */
  public List<Entry<T>> drain() {
    List<Entry<T>> out = List.copyOf(entries);
    entries.clear();
    return out;
  }

  /** Outputs from {@code @ProcessElement}: the element being processed sets timestamp and window. */
  public static Emitter emitter(DoFn.MultiOutputReceiver out) {
    return new Emitter() {
      @Override
      public <O> void emit(TupleTag<O> tag, O value, Entry<?> source) {
        out.get(tag).output(value);
      }
    };
  }

  /** Outputs from {@code @FinishBundle}, with each source element's timestamp and window. */
  public static Emitter emitter(DoFn<?, ?>.FinishBundleContext context) {
    return new Emitter() {
      @Override
      public <O> void emit(TupleTag<O> tag, O value, Entry<?> source) {
        context.output(tag, value, source.timestamp(), source.window());
      }
    };
  }
}
