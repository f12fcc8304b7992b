package dev.reelscribe.pipelines.flink;

import static dev.reelscribe.pipelines.TestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelscribe.pipelines.TestRecords;
import dev.reelscribe.pipelines.cli.Reelscribe;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caption pipeline on a real Flink session cluster (a JobManager and two TaskManagers, each its
 * own JVM on 127.0.0.1): one TaskManager is killed while the job runs; the job restarts on the other
 * and writes the corpus the DirectRunner writes, nothing lost, nothing duplicated.
 */
class FlinkClusterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static int cli(StringWriter log, String... args) {
    PrintWriter w = new PrintWriter(log, true);
    return Reelscribe.commandLine(w, w).execute(args);
  }

  private JsonNode rest(int port, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  @Test
  void aJobThatLosesATaskManagerRestartsAndWritesTheDirectRunnersCorpus(@TempDir Path dir) throws Exception {
    StringWriter log = new StringWriter();
    assertThat(cli(log, "synth", "--count", "4", "--seed", "31", "--output", dir.resolve("synth").toString()))
        .as(log.toString()).isZero();
    Path videos = dir.resolve("synth/videos");
    Path direct = dir.resolve("direct");
    assertThat(cli(log, caption(videos, direct))).as(log.toString()).isZero();

    int port = freePort();
    LocalFlinkCluster cluster = new LocalFlinkCluster(dir.resolve("cluster"));
    try {
      LocalFlinkCluster.Status up = cluster.start(new LocalFlinkCluster.Settings(dir.resolve("cluster"), 2, 2, port,
          freePort(), "4g"), new PrintWriter(log, true));
      assertThat(up.taskManagersRegistered()).isEqualTo(2);
      assertThat(up.slotsTotal()).isEqualTo(4);

      Path onFlink = dir.resolve("flink");
      String classes = Path.of(LocalFlinkCluster.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      String[] args = caption(videos, onFlink, "--runner=FlinkRunner", "--flinkMaster=127.0.0.1:" + port,
          "--streaming=false", "--parallelism=2", "--filesToStage=" + classes);
      StringWriter jobLog = new StringWriter();
      CompletableFuture<Integer> job = CompletableFuture.supplyAsync(() -> cli(jobLog, args));

      // kill TaskManager 1 once the job runs and has published a clip: it holds half the job's tasks
      long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (!(running(port) && countClips(onFlink) > 0)) {
        assertThat(job.isDone()).as("the job ended before a TaskManager could be killed: " + jobLog).isFalse();
        assertThat(System.nanoTime()).as("waited for the job to run").isLessThan(end);
        Thread.sleep(100);
      }
      assertThat(cluster.killTaskManager(1)).isTrue();

      assertThat(job.get(8, TimeUnit.MINUTES)).as(jobLog.toString()).isZero();
      JsonNode jobs = rest(port, "/jobs/overview").get("jobs");
      assertThat(jobs).hasSize(1);
      String jobId = jobs.get(0).get("jid").asText();
      assertThat(jobs.get(0).get("state").asText()).isEqualTo("FINISHED");
      assertThat(rest(port, "/jobs/" + jobId + "/exceptions").at("/exceptionHistory/entries"))
          .as("the job failed over when the TaskManager was lost").isNotEmpty();
      assertThat(cluster.status().taskManagersAlive()).isEqualTo(1);

      List<String> flinkCorpus = corpus(onFlink);
      List<String> directCorpus = corpus(direct);
      assertThat(flinkCorpus).as(() -> TestRecords.differences(flinkCorpus, directCorpus))
          .isNotEmpty().isEqualTo(directCorpus);
      for (String d : List.of("records/clips", "records/frames", "records/frame-captions", "records/dense-captions", "corpus")) {
        assertThat(countLines(onFlink.resolve(d))).as(d + ": nothing lost, nothing duplicated")
            .isEqualTo(countLines(direct.resolve(d)));
      }
      assertThat(Files.readAllLines(onFlink.resolve("cogvideox/prompts.txt")))
          .isEqualTo(Files.readAllLines(direct.resolve("cogvideox/prompts.txt")));
    } finally {
      cluster.stop(new PrintWriter(log, true));
    }
    assertThat(cluster.status().jobManagerAlive()).isFalse();
  }

  private static String[] caption(Path input, Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("caption", "--input", input.toString(), "--output", output.toString(),
        "--filter", "none", "--cogvideox-frames", "17", "--shard-size", "1"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private boolean running(int port) {
    try {
      for (JsonNode j : rest(port, "/jobs/overview").path("jobs")) {
        if (j.path("state").asText().equals("RUNNING")) {
          return true;
        }
      }
    } catch (Exception e) {
      // not up yet
    }
    return false;
  }

  private static long countClips(Path output) {
    Path clips = output.resolve("clips");
    if (!Files.isDirectory(clips)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(clips)) {
      return files.filter(p -> p.toString().endsWith(".mp4")).count();
    } catch (IOException e) {
      return 0;
    }
  }

  /** Corpus records, sorted, without the start time and the output directory (where two runs differ). */
  private static List<String> corpus(Path output) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode r : records(output.resolve("corpus"))) {
      ((ObjectNode) r.get("provenance")).remove("createdAtMillis");
      ObjectNode clip = (ObjectNode) r.get("clip");
      clip.put("clipUri", output.relativize(Path.of(clip.get("clipUri").asText())).toString());
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }

  private static long countLines(Path dir) throws IOException {
    long n = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        n += Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count();
      }
    }
    return n;
  }
}
