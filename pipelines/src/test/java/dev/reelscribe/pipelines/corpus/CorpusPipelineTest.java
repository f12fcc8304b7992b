package dev.reelscribe.pipelines.corpus;

import static dev.reelscribe.pipelines.TestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelscribe.frames.OpenCv;
import dev.reelscribe.frames.Result;
import dev.reelscribe.frames.decode.Deadline;
import dev.reelscribe.frames.decode.FrameReader;
import dev.reelscribe.frames.encode.ClipWriter;
import dev.reelscribe.schemas.Clip;
import dev.reelscribe.schemas.CorpusRecord;
import dev.reelscribe.schemas.DenseCaption;
import dev.reelscribe.schemas.ModelRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * The corpus writers on real mp4 clips: only clips with a dense caption become records; Parquet and
 * JSONL hold the same records with provenance; WebDataset shards stay under their bound, hold every
 * sample once (mp4 + txt + json) and come out byte-identical from a second run; the CogVideoX layout
 * has line-aligned prompts and videos, re-timed, without the clip that is too short.
 */
class CorpusPipelineTest {
  @TempDir Path dir;

  private static final ModelRef FUSER = ModelRef.newBuilder().setBackend("builtin").setModelId("fuser").setVersion("v1").build();

  /** An mp4 of {@code frames} frames at 8 fps, 96×64, whose grey level is {@code level}. */
  private static Path clipFile(Path file, int frames, int level) {
    OpenCv.load();
    try (ClipWriter w = ClipWriter.open(file, 8, 96, 64)) {
      Mat m = new Mat(64, 96, CvType.CV_8UC3, new Scalar(level, level, level));
      for (int i = 0; i < frames; i++) {
        w.write(m);
      }
      m.release();
    }
    return file;
  }

  private static Clip clip(String id, Path file) {
    return Clip.newBuilder().setClipId(id).setSourceUri("file:///videos/" + id + ".mp4").setShotIndex(0)
        .setPieceIndex(0).setStartFrame(0).setEndFrame(20).setStartSeconds(0).setEndSeconds(2.5).setWidth(96)
        .setHeight(64).setFps(8).setClipUri(file.toString()).build();
  }

  private static DenseCaption caption(String id, String text) {
    return DenseCaption.newBuilder().setClipId(id).setText(text).setModel(FUSER).setPromptVersion("builtin-v1#00")
        .setTokenCount(10).build();
  }

  private static CorpusSpec spec(long shardBytes) {
    return new CorpusSpec(EnumSet.allOf(CorpusSpec.Format.class), shardBytes, new WriteCogVideoX.Layout(8, 17, 48, 32),
        new CorpusProvenance("test", "abc", 1_700_000_000_000L));
  }

  private void run(Path out, long shardBytes) throws IOException {
    Path clips = Files.createDirectories(dir.resolve("clips"));
    List<Clip> kept = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = "clip" + i;
      // clip3 has 10 frames: too short for 17 frames at 8 fps
      kept.add(clip(id, clipFile(clips.resolve(id + ".mp4"), i == 3 ? 10 : 20, 40 * i)));
    }
    List<DenseCaption> dense = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      if (i != 4) { // clip4's fusion failed: no caption, no record
        dense.add(caption("clip" + i, "Clip " + i + " shows\na grey frame."));
      }
    }
    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    PCollection<CorpusRecord> records = WriteCorpus.apply(
        p.apply("Clips", Create.of(kept).withCoder(AvroCoder.of(Clip.class))),
        p.apply("Captions", Create.of(dense).withCoder(AvroCoder.of(DenseCaption.class))),
        spec(shardBytes), out.toString());
    PAssert.that(records.apply(MapElements.into(TypeDescriptors.strings())
        .via((CorpusRecord r) -> r.getClip().getClipId() + "|" + r.getProvenance().getModelIds().get("fuser"))))
        .containsInAnyOrder("clip0|builtin:fuser@v1", "clip1|builtin:fuser@v1", "clip2|builtin:fuser@v1",
            "clip3|builtin:fuser@v1");
    assertThat(p.run().waitUntilFinish()).isEqualTo(PipelineResult.State.DONE);
  }

  @Test
  void writesEveryFormat() throws Exception {
    Path out = dir.resolve("out");
    long bound = 12 * 1024;
    run(out, bound);

    List<JsonNode> jsonl = records(out.resolve("corpus"));
    assertThat(jsonl).hasSize(4).allSatisfy(r -> {
      assertThat(r.at("/provenance/configHash").asText()).isEqualTo("abc");
      assertThat(r.at("/provenance/promptVersion").asText()).isEqualTo("builtin-v1#00");
      assertThat(r.at("/caption/clipId").asText()).isEqualTo(r.at("/clip/clipId").asText());
    });
    assertThat(parquetCount(out.resolve("corpus"))).isEqualTo(4);

    // WebDataset: every sample exactly once, three files each, shards within the bound
    Set<String> members = new HashSet<>();
    List<Path> shards = list(out.resolve("webdataset"));
    assertThat(shards).hasSizeGreaterThan(1).allMatch(s -> s.getFileName().toString().matches("shard-\\d{6}\\.tar"));
    for (Path shard : shards) {
      assertThat(Files.size(shard)).isLessThanOrEqualTo(bound);
      for (String name : tarList(shard)) {
        assertThat(members.add(name)).as("%s appears once", name).isTrue();
      }
    }
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      expected.addAll(List.of("clip" + i + ".mp4", "clip" + i + ".txt", "clip" + i + ".json"));
    }
    assertThat(members).isEqualTo(expected);

    // CogVideoX: line-aligned, re-timed, the short clip left out
    Path cog = out.resolve("cogvideox");
    List<String> videos = Files.readAllLines(cog.resolve("videos.txt"));
    List<String> prompts = Files.readAllLines(cog.resolve("prompts.txt"));
    assertThat(videos).containsExactly("videos/clip0.mp4", "videos/clip1.mp4", "videos/clip2.mp4");
    assertThat(prompts).containsExactly("Clip 0 shows a grey frame.", "Clip 1 shows a grey frame.",
        "Clip 2 shows a grey frame.");
    for (String v : videos) {
      try (FrameReader r = ((Result.Ok<FrameReader>) FrameReader.open(cog.resolve(v), Deadline.after(Duration.ofMinutes(1)))).value()) {
        assertThat(r.info().width()).isEqualTo(48);
        assertThat(r.info().height()).isEqualTo(32);
        int n = 0;
        Mat m = new Mat();
        while (r.read(m)) {
          n++;
        }
        m.release();
        assertThat(n).isEqualTo(17);
      }
    }
    assertThat(cog.resolve("videos/clip3.mp4")).doesNotExist();

    // a second run writes the same shards, byte for byte
    Path again = dir.resolve("again");
    run(again, bound);
    for (Path shard : shards) {
      assertThat(again.resolve("webdataset").resolve(shard.getFileName())).hasSameBinaryContentAs(shard);
    }
    assertThat(list(again.resolve("webdataset"))).hasSameSizeAs(shards);
  }

  private static List<Path> list(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  private static List<String> tarList(Path tar) throws Exception {
    Process p = new ProcessBuilder("tar", "-tf", tar.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    return out.lines().toList();
  }

  private static long parquetCount(Path d) throws IOException {
    long n = 0;
    for (Path f : list(d)) {
      if (!f.toString().endsWith(".parquet")) {
        continue;
      }
      try (ParquetReader<Object> reader = AvroParquetReader.builder(new LocalInputFile(f)).build()) {
        while (reader.read() != null) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void formatsParse() {
    assertThat(CorpusSpec.parseFormats("all")).hasSize(4);
    assertThat(CorpusSpec.parseFormats("none")).isEmpty();
    assertThat(CorpusSpec.parseFormats("parquet, WebDataset"))
        .containsExactlyInAnyOrder(CorpusSpec.Format.PARQUET, CorpusSpec.Format.WEBDATASET);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CorpusSpec.parseFormats("tfrecord"))
        .hasMessageContaining("unknown corpus format 'tfrecord'");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WriteCogVideoX.Layout(8, 48, 720, 480))
        .hasMessageContaining("8N+1");
  }
}
