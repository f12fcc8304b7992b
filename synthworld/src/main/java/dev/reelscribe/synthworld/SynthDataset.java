package dev.reelscribe.synthworld;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelscribe.synthworld.render.Mp4Renderer;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.ScriptJson;
import dev.reelscribe.synthworld.truth.ClipTruth;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Renders a synthworld dataset to a directory:
 *
 * <pre>
 * OUT/videos/&lt;id&gt;.mp4    one H.264 clip per script
 * OUT/scripts.jsonl       one scene script per line
 * OUT/truth.jsonl         per clip: frame captions with timestamps, dense description, prompt, facts
 * OUT/manifest.txt        the clip paths, one a line (an input `reelscribe extract` reads)
 * </pre>
 *
 * Clip {@code i} depends only on (seed, i, config): the same call gives byte-identical JSONL and the
 * same frames. Clips are rendered in parallel; the JSONL files are written in index order, each
 * under a temporary name and renamed when complete.
 */
public final class SynthDataset {
  private final WorldConfig config;
  private final long seed;
  private final int threads;

  public SynthDataset(WorldConfig config, long seed, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    this.config = config;
    this.seed = seed;
    this.threads = threads;
  }

  /** What {@link #write} made. */
  public record Written(Path directory, List<Path> videos, long frames) {}

  /**
   * Writes clips {@code first … first+count-1}; {@code progress} is told how many clips are done
   * after each one.
   */
  public Written write(Path out, long first, int count, IntConsumer progress) throws IOException {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
    Path videos = out.resolve("videos");
    Files.createDirectories(videos);
    ScriptGenerator generator = new ScriptGenerator(config, seed);
    List<SceneScript> scripts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      scripts.add(generator.script(first + i));
    }
    List<Path> files = new ArrayList<>(count);
    for (SceneScript s : scripts) {
      files.add(videos.resolve(s.id() + ".mp4"));
    }
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "synthworld-render");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<ClipTruth>> truths = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        SceneScript script = scripts.get(i);
        Path file = files.get(i);
        truths.add(pool.submit(() -> {
          Mp4Renderer.write(script, file);
          ClipTruth truth = ClipTruth.of(script);
          progress.accept(done.incrementAndGet());
          return truth;
        }));
      }
      ObjectMapper mapper = ScriptJson.mapper();
      writeAtomically(out.resolve("scripts.jsonl"), w -> {
        for (SceneScript s : scripts) {
          w.write(ScriptJson.write(s));
          w.write('\n');
        }
      });
      List<ClipTruth> results = new ArrayList<>(count);
      for (Future<ClipTruth> f : truths) {
        results.add(await(f));
      }
      writeAtomically(out.resolve("truth.jsonl"), w -> {
        for (int i = 0; i < count; i++) {
          w.write(mapper.writeValueAsString(new TruthLine(results.get(i), "videos/" + files.get(i).getFileName())));
          w.write('\n');
        }
      });
      writeAtomically(out.resolve("manifest.txt"), w -> {
        for (Path p : files) {
          w.write(p.toAbsolutePath().toString());
          w.write('\n');
        }
      });
    } finally {
      pool.shutdownNow();
    }
    return new Written(out, List.copyOf(files), (long) count * config.frames());
  }

  /** One line of truth.jsonl. */
  public record TruthLine(
      String id, String video, List<ClipTruth.FrameText> frames, String description, String prompt,
      dev.reelscribe.synthworld.truth.Facts facts) {
    TruthLine(ClipTruth t, String video) {
      this(t.id(), video, t.frames(), t.description(), t.prompt(), t.facts());
    }
  }

  private static ClipTruth await(Future<ClipTruth> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while rendering", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause);
    }
  }

  private interface Body {
    void write(Writer w) throws IOException;
  }

  private static void writeAtomically(Path file, Body body) throws IOException {
    Path tmp = file.resolveSibling(".tmp-" + file.getFileName());
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      body.write(w);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

}
