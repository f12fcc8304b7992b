package dev.reelscribe.pipelines.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class BundleBatchTest {
  @Test
  void fillsUpToItsSizeAndDrainsInOrderWithEachElementsTimestampAndWindow() {
    BundleBatch<String> batch = new BundleBatch<>(2);
    assertThat(batch.isEmpty()).isTrue();
    batch.add("a", new Instant(1), GlobalWindow.INSTANCE);
    assertThat(batch.full()).isFalse();
    batch.add("b", new Instant(2), GlobalWindow.INSTANCE);
    assertThat(batch.full()).isTrue();
    var entries = batch.drain();
    assertThat(entries).extracting(BundleBatch.Entry::element).containsExactly("a", "b");
    assertThat(entries.get(1).timestamp()).isEqualTo(new Instant(2));
    assertThat(entries.get(0).window()).isEqualTo(GlobalWindow.INSTANCE);
    assertThat(batch.isEmpty()).isTrue();
    assertThat(batch.drain()).isEmpty();
    assertThatThrownBy(() -> new BundleBatch<String>(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
