package dev.reelscribe.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.generator.diffusion.Guidance;
import dev.reelscribe.generator.sample.GeneratedClip;
import dev.reelscribe.generator.sample.VideoGenerator;
import org.junit.jupiter.api.Test;

/** The committed weights load into the code's architecture and generate a clip. */
class BuiltinGeneratorTest {

  @Test
  void theCommittedGeneratorLoadsAndGenerates() throws Exception {
    assertThat(BuiltinGenerator.embedded()).isTrue();
    try (VideoGenerator g = VideoGenerator.builtin()) {
      assertThat(g.model().spec().frames()).isEqualTo(17);
      assertThat(g.model().scalingFactor()).isBetween(0.5f, 2f);
      GeneratedClip clip = g.generate("There is one object on a plain navy background: a large red circle in the middle.",
          1, 4, new Guidance(4, false));
      assertThat(clip.rgb()).hasSize(17 * 64 * 64 * 3);
      int distinct = (int) java.util.stream.IntStream.range(0, clip.rgb().length).map(i -> clip.rgb()[i] & 0xff)
          .distinct().count();
      assertThat(distinct).as("a generated clip is not one flat colour").isGreaterThan(20);
    }
  }
}
