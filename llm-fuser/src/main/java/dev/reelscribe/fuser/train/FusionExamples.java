package dev.reelscribe.fuser.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelscribe.captioner.CaptionResult;
import dev.reelscribe.captioner.FrameCaptioner;
import dev.reelscribe.captioner.FrameImage;
import dev.reelscribe.captioner.builtin.FramePixels;
import dev.reelscribe.fuser.TimedCaption;
import dev.reelscribe.synthworld.render.SceneRenderer;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.truth.DescriptionWriter;
import dev.reelscribe.synthworld.truth.FrameCaptionWriter;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Mat;

/**
 * Makes the built-in fuser's training data: synthworld clips of one seed, {@code framesPerClip}
 * frames sampled at the middles of equal spans (as {@code --sampling uniform:N} samples them),
 * JPEG-encoded at quality 90 and captioned by a frame captioner, paired with the clip's canonical
 * description. Frames come straight from the renderer: on held-out clips the built-in captioner
 * scores the same on rendered frames as on frames that went through H.264 (docs/benchmarks.md), and
 * skipping the codec halves the cost. The examples depend only on the seed and the captioner.
 */
public final class FusionExamples {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FusionExamples() {}

  /** Clips {@code first .. first+count-1} of {@code seed}; captions go through {@code session} in batches. */
  public static List<FusionExample> make(FrameCaptioner.Session session, long seed, int first, int count,
      int framesPerClip, PrintStream progress) {
    if (count < 1 || framesPerClip < 1) {
      throw new IllegalArgumentException("count and framesPerClip must be positive");
    }
    ScriptGenerator generator = new ScriptGenerator(WorldConfig.defaults(), seed);
    List<FusionExample> out = new ArrayList<>();
    final int clipsPerBatch = Math.max(1, 32 / framesPerClip);
    for (int from = 0; from < count; from += clipsPerBatch) {
      List<SceneScript> scripts = new ArrayList<>();
      List<FrameImage> images = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + clipsPerBatch); i++) {
        SceneScript script = generator.script(first + i);
        scripts.add(script);
        try (SceneRenderer renderer = new SceneRenderer(script)) {
          Mat mat = new Mat();
          for (int frame : frames(script, framesPerClip)) {
            renderer.render(frame, mat);
            images.add(new FrameImage(script.id() + "#" + frame, FramePixels.jpeg(mat, 90)));
          }
          mat.release();
        }
      }
      List<CaptionResult> results = session.caption(images);
      for (int c = 0; c < scripts.size(); c++) {
        SceneScript script = scripts.get(c);
        int[] frames = frames(script, framesPerClip);
        List<TimedCaption> captions = new ArrayList<>();
        for (int j = 0; j < frames.length; j++) {
          CaptionResult r = results.get(c * framesPerClip + j);
          String text = r instanceof CaptionResult.Ok ok ? ok.text() : "";
          captions.add(new TimedCaption(frames[j] / script.fps(), text));
        }
        out.add(new FusionExample(script.id(), captions, script.frames() / script.fps(),
            DescriptionWriter.canonical(script)));
      }
      if (progress != null) {
        progress.printf(Locale.ROOT, "\rfusion examples: %d/%d clips captioned", out.size(), count);
      }
    }
    if (progress != null) {
      progress.println();
    }
    return out;
  }

  /**
   * One clip with synthworld's own frame captions ({@link FrameCaptionWriter#canonical}, the wording
   * the built-in frame captioner learned) at the frames {@code uniform:k} samples, paired with its
   * canonical description: what a perfect frame captioner would hand the fuser. Costs no rendering
   * and no captioning, so a trainer can draw as many as it likes.
   */
  public static FusionExample truthCaptioned(SceneScript script, int framesPerClip) {
    List<TimedCaption> captions = new ArrayList<>();
    for (int frame : frames(script, framesPerClip)) {
      captions.add(new TimedCaption(frame / script.fps(), FrameCaptionWriter.canonical(FrameLayout.of(script, frame))));
    }
    return new FusionExample(script.id(), captions, script.frames() / script.fps(), DescriptionWriter.canonical(script));
  }

  /** The frames {@code uniform:k} samples: the middles of k equal spans. */
  public static int[] frames(SceneScript script, int k) {
    int[] out = new int[k];
    for (int j = 0; j < k; j++) {
      out[j] = (int) ((j + 0.5) * script.frames() / k);
    }
    return out;
  }

  /** Writes examples as JSON lines, atomically (a temporary file renamed into place). */
  public static void write(List<FusionExample> examples, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (FusionExample e : examples) {
        ObjectNode node = JSON.createObjectNode();
        node.put("clipId", e.clipId()).put("durationSeconds", e.durationSeconds()).put("description", e.description());
        ArrayNode captions = node.putArray("captions");
        for (TimedCaption c : e.captions()) {
          captions.addObject().put("t", c.seconds()).put("text", c.text());
        }
        w.write(JSON.writeValueAsString(node));
        w.newLine();
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static List<FusionExample> read(Path file) throws IOException {
    List<FusionExample> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = JSON.readTree(line);
        List<TimedCaption> captions = new ArrayList<>();
        node.path("captions").forEach(c -> captions.add(new TimedCaption(c.path("t").asDouble(), c.path("text").asText())));
        out.add(new FusionExample(node.path("clipId").asText(), captions, node.path("durationSeconds").asDouble(),
            node.path("description").asText()));
      }
    }
    return out;
  }
}
