package dev.reelscribe.pipelines.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelscribe.pipelines.cli.Reelscribe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole caption job from a {@code gs://} input to a {@code gs://} output, through an in-process
 * fake of the GCS JSON API on 127.0.0.1 with Beam's no-op credentials: videos listed and read from
 * the bucket, clips, records, the corpus, WebDataset shards and run.json written back to it.
 */
class GcsPipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private FakeGcsServer gcs;

  @BeforeEach
  void start() throws Exception {
    gcs = new FakeGcsServer();
    gcs.createBucket("raw");
    gcs.createBucket("corpus");
  }

  @AfterEach
  void stop() {
    gcs.close();
  }

  private List<String> gcsFlags() {
    return List.of("--gcsEndpoint=" + gcs.endpoint(), "--project=reelscribe-test",
        "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory");
  }

  @Test
  void captionsFromABucketIntoABucket() throws Exception {
    StringWriter log = new StringWriter();
    PrintWriter pw = new PrintWriter(log, true);
    assertThat(Reelscribe.commandLine(pw, pw).execute("synth", "--count", "2", "--seed", "8", "--output",
        dir.resolve("synth").toString())).as(log.toString()).isZero();
    try (Stream<Path> videos = Files.list(dir.resolve("synth/videos"))) {
      for (Path v : videos.toList()) {
        gcs.put("raw", "videos/" + v.getFileName(), Files.readAllBytes(v));
      }
    }
    List<String> args = new ArrayList<>(List.of("caption", "--input", "gs://raw/videos/", "--output", "gs://corpus/run1",
        "--cogvideox-frames", "17"));
    args.addAll(gcsFlags());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Reelscribe.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args.toArray(String[]::new));
    assertThat(code).as(err.toString()).isZero();

    List<String> names = gcs.names("corpus");
    assertThat(names).as("nothing half-written is left behind, and the run's staging area is gone after its commit")
        .noneMatch(n -> n.contains(".tmp-") || n.contains(".temp-") || n.contains(RunOutput.STAGING));
    List<String> clipFiles = names.stream().filter(n -> n.matches("run1/clips/[0-9a-f]+\\.mp4")).toList();
    List<String> clipRecords = jsonl(names, "run1/records/clips/");
    assertThat(clipFiles).isNotEmpty().hasSameSizeAs(clipRecords);
    assertThat(jsonl(names, "run1/records/frame-captions/")).isNotEmpty();
    List<String> corpus = jsonl(names, "run1/corpus/");
    assertThat(corpus).isNotEmpty().hasSameSizeAs(jsonl(names, "run1/records/dense-captions/"));
    for (String line : corpus) {
      assertThat(JSON.readTree(line).at("/clip/clipUri").asText()).startsWith("gs://corpus/run1/clips/");
    }
    assertThat(names).anyMatch(n -> n.matches("run1/corpus/part-.*\\.parquet"))
        .anyMatch(n -> n.matches("run1/webdataset/shard-000000\\.tar"))
        .contains("run1/cogvideox/prompts.txt", "run1/cogvideox/videos.txt", "run1/run.json");
    // every file was uploaded, then renamed into place: copies and deletes, sent in batches
    assertThat(gcs.routed("resumable")).isPositive();
    assertThat(gcs.routed("batch")).isPositive();
    assertThat(gcs.routed("rewrite")).isPositive();
    assertThat(gcs.routed("delete")).isPositive();
    JsonNode report = JSON.readTree(gcs.get("corpus", "run1/run.json"));
    assertThat(report.at("/config/input").asText()).isEqualTo("gs://raw/videos/");
    assertThat(report.at("/captionCounts/corpus_records").asLong()).isEqualTo(corpus.size());
  }

  private List<String> jsonl(List<String> names, String prefix) {
    List<String> lines = new ArrayList<>();
    for (String n : names) {
      if (n.startsWith(prefix) && n.substring(prefix.length()).matches("part-[^/]*\\.jsonl")) {
        new String(gcs.get("corpus", n), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(lines::add);
      }
    }
    return lines;
  }
}
