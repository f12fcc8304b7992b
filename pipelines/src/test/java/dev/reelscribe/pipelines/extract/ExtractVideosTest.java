package dev.reelscribe.pipelines.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.pipelines.TestInputs;
import dev.reelscribe.schemas.Clip;

import dev.reelscribe.schemas.SampledFrame;
import dev.reelscribe.schemas.VideoSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractVideosTest {
  @TempDir Path dir;

  private ExtractJob job(String... flags) {
    List<String> args = new ArrayList<>(List.of(flags));
    args.add("--input=unused");
    args.add("--output=" + dir.resolve("out"));
    return ExtractJob.from(PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(ExtractOptions.class));
  }

  @Test
  void badInputsBecomeFailedRecordsAndTheRestIsProcessedFully() throws Exception {
    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(true);
    String megamind = TestInputs.video("Megamind.avi").toString();
    String bugy = TestInputs.video("Megamind_bugy.avi").toString();
    String tree = TestInputs.video("tree.avi").toString();
    String empty = TestInputs.empty(dir).toString();
    String text = TestInputs.textNamedMp4(dir).toString();
    String truncated = TestInputs.truncated(dir).toString();
    String missing = dir.resolve("missing.mp4").toString();

    ExtractOutputs out = p.apply(Create.of(megamind, bugy, tree, empty, text, truncated, missing))
        .apply(ExtractVideos.with(job("--sampling=uniform:4")));

    PAssert.that(out.failed()).satisfies(failures -> {
      Map<String, String> kindByUri = new TreeMap<>();
      failures.forEach(f -> kindByUri.put(f.getInputUri(), f.getErrorClass()));
      assertThat(kindByUri).containsOnly(
          Map.entry(empty, "EMPTY_FILE"),
          Map.entry(text, "UNREADABLE"),
          Map.entry(truncated, "TRUNCATED"),
          Map.entry(missing, "java.io.FileNotFoundException"));
      assertThat(failures).allSatisfy(f -> {
        assertThat(f.getStage()).isEqualTo("analyze");
        assertThat(f.getMessage()).isNotBlank();
      });
      return null;
    });
    PAssert.that(out.sources()).satisfies(sources -> {
      assertThat(sources).extracting(VideoSource::getUri).containsExactlyInAnyOrder(megamind, bugy, tree);
      return null;
    });
    // Megamind: 4 shots kept. tree.avi: 1 shot kept. Megamind_bugy: the 2 shots with garbage frames
    // are rejected, the other 2 kept.
    PAssert.that(out.kept()).satisfies(kept -> {
      assertThat(kept).hasSize(7).allSatisfy(c -> {
        assertThat(c.getTags()).isEmpty();
        assertThat(c.getClipUri()).endsWith("/clips/" + c.getClipId() + ".mp4");
        assertThat(Path.of(c.getClipUri())).isRegularFile();
      });
      assertThat(count(kept, megamind)).isEqualTo(4);
      assertThat(count(kept, tree)).isEqualTo(1);
      return null;
    });
    PAssert.that(out.rejected()).satisfies(rejected -> {
      assertThat(rejected).hasSize(2).allSatisfy(c -> {
        assertThat(c.getSourceUri()).isEqualTo(bugy);
        assertThat(c.getTags()).containsExactly("garbage_frames");
        assertThat(c.getClipUri()).isNull();
      });
      return null;
    });
    PAssert.that(out.frames()).satisfies(frames -> {
      assertThat(frames).hasSize(7 * 4).allSatisfy(f -> {
        assertThat(Math.max(f.getWidth(), f.getHeight())).isLessThanOrEqualTo(512);
        assertThat(f.getJpeg().remaining()).isGreaterThan(1000);
      });
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void happyPathHasNoFailures() {
    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(true);
    ExtractOutputs out = p.apply(Create.of(TestInputs.video("cup.mp4").toString()))
        .apply(ExtractVideos.with(job("--sampling=fps:1", "--encodeClips=false")));
    PAssert.that(out.failed()).empty();
    PAssert.that(out.rejected()).empty();
    PAssert.that(out.kept()).satisfies(kept -> {
      assertThat(kept).singleElement().satisfies(c -> assertThat(c.getClipUri()).isNull());
      return null;
    });
    // cup.mp4: 8.1 s at 1 fps.
    PAssert.that(out.frames()).satisfies(frames -> {
      assertThat(frames).extracting(SampledFrame::getIndex).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8);
      return null;
    });
    p.run().waitUntilFinish();
    assertThat(dir.resolve("out/clips")).doesNotExist();
  }

  private static long count(Iterable<Clip> clips, String source) {
    return StreamSupport.stream(clips.spliterator(), false).filter(c -> c.getSourceUri().equals(source)).count();
  }

}
