package dev.reelscribe.pipelines.bench;

import dev.reelscribe.captioner.CaptionResult;
import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.captioner.FrameCaptioner;
import dev.reelscribe.captioner.FrameCaptioners;
import dev.reelscribe.captioner.FrameImage;
import dev.reelscribe.captioner.builtin.FramePixels;
import dev.reelscribe.captioner.remote.RemoteFrameCaptioner;
import dev.reelscribe.frames.OpenCv;
import dev.reelscribe.models.chat.ChatClient;
import dev.reelscribe.models.chat.ChatConfig;
import dev.reelscribe.models.chat.ScriptedChatServer;
import dev.reelscribe.synthworld.render.SceneRenderer;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Mat;

/**
 * Frame-captioning throughput. {@code builtin}: the built-in model at batch 1 against batch 32 on
 * the same frames in the same run. {@code remote}: the remote backend against a local
 * chat-completions server with a fixed latency at several concurrency levels, against the ideal
 * concurrency ÷ latency.
 */
public final class CaptionBenchmark {
  private final PrintWriter out;

  public CaptionBenchmark(PrintWriter out) {
    this.out = out;
  }

  /** {@code frames} held-out synthworld frames as JPEG (quality 90), as the pipeline carries them. */
  static List<FrameImage> frames(int n) {
    OpenCv.load();
    ScriptGenerator generator = new ScriptGenerator(WorldConfig.defaults(), 4242);
    List<FrameImage> images = new ArrayList<>();
    for (int i = 0; images.size() < n; i++) {
      SceneScript script = generator.script(i);
      try (SceneRenderer r = new SceneRenderer(script)) {
        Mat m = new Mat();
        r.render(script.frames() / 2, m);
        images.add(new FrameImage(script.id(), FramePixels.jpeg(m, 90)));
        m.release();
      }
    }
    return images;
  }

  public void builtin(int count, List<Integer> batches) {
    List<FrameImage> images = frames(count);
    out.printf(Locale.ROOT, "built-in frame captioner, %d frames (128×128 JPEG), greedy decoding, %d cores%n%n", count,
        Runtime.getRuntime().availableProcessors());
    out.println("| batch | seconds | frames/s | vs batch " + batches.get(0) + " |");
    out.println("|---:|---:|---:|---:|");
    double base = 0;
    for (int batch : batches) {
      try (FrameCaptioner c = FrameCaptioners.open(CaptionerSpec.builtin().withBatchSize(batch));
          FrameCaptioner.Session s = c.open()) {
        s.caption(images.subList(0, Math.min(images.size(), batch))); // warm-up: natives, first allocation
        long t0 = System.nanoTime();
        int ok = 0;
        for (int from = 0; from < images.size(); from += batch) {
          for (CaptionResult r : s.caption(images.subList(from, Math.min(images.size(), from + batch)))) {
            ok += r instanceof CaptionResult.Ok ? 1 : 0;
          }
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        double fps = images.size() / sec;
        if (base == 0) {
          base = fps;
        }
        out.printf(Locale.ROOT, "| %d | %.2f | %.1f | %.2f× |%n", batch, sec, fps, fps / base);
        if (ok != images.size()) {
          out.printf("(%d of %d frames failed)%n", images.size() - ok, images.size());
        }
      }
    }
    out.flush();
  }

  public void remote(long latencyMillis, List<Integer> levels, int perLevel) throws Exception {
    List<FrameImage> images = frames(8);
    out.printf(Locale.ROOT, "remote frame captioner against a local chat-completions server answering after %d ms%n%n",
        latencyMillis);
    out.println("| concurrency | requests | seconds | frames/s | ideal (conc ÷ latency) | of ideal |");
    out.println("|---:|---:|---:|---:|---:|---:|");
    try (ScriptedChatServer server = new ScriptedChatServer().latency(latencyMillis)) {
      for (int conc : levels) {
        int n = perLevel * conc;
        List<FrameImage> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          batch.add(images.get(i % images.size()));
        }
        ChatConfig config = ChatConfig.of(server.endpoint(), "scripted").withConcurrency(conc)
            .withTimeout(Duration.ofSeconds(30));
        try (RemoteFrameCaptioner c = new RemoteFrameCaptioner(new ChatClient(config), null, 64)) {
          c.caption(batch.subList(0, conc)); // warm-up: connections
          long t0 = System.nanoTime();
          List<CaptionResult> results = c.caption(batch);
          double sec = (System.nanoTime() - t0) / 1e9;
          long ok = results.stream().filter(r -> r instanceof CaptionResult.Ok).count();
          double fps = n / sec;
          double ideal = conc * 1000.0 / latencyMillis;
          out.printf(Locale.ROOT, "| %d | %d | %.2f | %.1f | %.1f | %.0f%% |%n", conc, n, sec, fps, ideal,
              100 * fps / ideal);
          if (ok != n) {
            out.printf("(%d of %d requests failed)%n", n - ok, n);
          }
        }
      }
    }
    out.flush();
  }
}
