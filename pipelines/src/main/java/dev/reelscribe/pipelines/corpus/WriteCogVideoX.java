package dev.reelscribe.pipelines.corpus;

import dev.reelscribe.frames.FailureKind;
import dev.reelscribe.frames.Result;
import dev.reelscribe.frames.decode.Deadline;
import dev.reelscribe.frames.encode.Retimer;
import dev.reelscribe.frames.encode.Retiming;
import dev.reelscribe.pipelines.io.LocalCopy;
import dev.reelscribe.schemas.Clip;
import dev.reelscribe.schemas.CorpusRecord;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes the CogVideoX fine-tune layout, usable by its fine-tuning scripts as is:
 *
 * <pre>
 * OUT/cogvideox/videos/&lt;clipId&gt;.mp4   each clip re-timed to the layout's fps, frame count and size
 * OUT/cogvideox/videos.txt              videos/&lt;clipId&gt;.mp4, one a line, in clip-id order
 * OUT/cogvideox/prompts.txt             the dense caption of the video on the same line
 * </pre>
 *
 * CogVideoX 1.0 trains on 49 frames (8N+1) at 8 fps and 720×480. A clip too short to fill the frames
 * at that rate is left out of the layout (counted as {@value CorpusMetrics#COGVIDEOX_TOO_SHORT}); it
 * stays in the Parquet/JSONL corpus and the WebDataset shards. The two index files are written last,
 * each atomically, so they never name a video that is not there. Output: the number of videos.
 */
public final class WriteCogVideoX extends PTransform<PCollection<CorpusRecord>, PCollection<Integer>> {
  private static final long serialVersionUID = 1L;

  /**
   * The layout's constraints.
   *
   * @param fps frames per second (CogVideoX: 8)
   * @param frames frames per video, 8N+1 (CogVideoX 1.0: 49)
   * @param width video width (CogVideoX: 720)
   * @param height video height (CogVideoX: 480)
   */
  public record Layout(double fps, int frames, int width, int height) implements Serializable {
    public Layout {
      if (frames < 9 || (frames - 1) % 8 != 0) {
        throw new IllegalArgumentException("CogVideoX needs 8N+1 frames (9, 17, 25, 33, 41, 49, ...), got " + frames);
      }
      new Retiming(fps, frames, width, height); // validates
    }

    public static Layout cogVideoX() {
      return new Layout(8, 49, 720, 480);
    }

    Retiming retiming() {
      return new Retiming(fps, frames, width, height);
    }
  }

  private final String directory;
  private final String videosDir;
  private final Layout layout;
  private final boolean reuse;

  private WriteCogVideoX(String directory, String videosDir, Layout layout, boolean reuse) {
    this.directory = directory;
    this.videosDir = videosDir;
    this.layout = layout;
    this.reuse = reuse;
  }

  public static WriteCogVideoX to(String directory, Layout layout) {
    return new WriteCogVideoX(directory, directory + "/videos", layout, false);
  }

  /**
   * The index files to {@code directory}, the videos to {@code videosDir} (normally {@code
   * directory/videos}); with {@code reuse}, a video already there is kept, not re-timed again.
   */
  public static WriteCogVideoX to(String directory, String videosDir, Layout layout, boolean reuse) {
    return new WriteCogVideoX(directory, videosDir, layout, reuse);
  }

  @Override
  public PCollection<Integer> expand(PCollection<CorpusRecord> records) {
    return records
        .apply("RetimeClips", ParDo.of(new RetimeFn(videosDir, layout, reuse)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        // a global combine yields one (possibly empty) list even when no clip qualifies, so the
        // index files are always written
        .apply("GatherVideos", Combine.globally(new ToList()))
        .apply("WriteIndex", ParDo.of(new IndexFn(directory)));
  }

  /** The prompt line: the caption on one line. */
  static String promptLine(CharSequence caption) {
    return caption.toString().replaceAll("\\s+", " ").strip();
  }

  static final class RetimeFn extends DoFn<CorpusRecord, KV<String, String>> {
    private static final long serialVersionUID = 1L;
    private final String videosDir;
    private final Layout layout;
    private final boolean reuse;
    private final Counter videos = CorpusMetrics.counter(CorpusMetrics.COGVIDEOX_VIDEOS);
    private final Counter reused = CorpusMetrics.counter(CorpusMetrics.COGVIDEOX_REUSED);
    private final Counter tooShort = CorpusMetrics.counter(CorpusMetrics.COGVIDEOX_TOO_SHORT);

    RetimeFn(String videosDir, Layout layout, boolean reuse) {
      this.videosDir = videosDir;
      this.layout = layout;
      this.reuse = reuse;
    }

    @ProcessElement
    public void process(@Element CorpusRecord r, OutputReceiver<KV<String, String>> out) throws IOException {
      String id = r.getClip().getClipId().toString();
      String target = videosDir + "/" + id + ".mp4";
      Clip source = r.getClip();
      if (!layout.retiming().fits(source.getFps(), source.getEndFrame() - source.getStartFrame())) {
        tooShort.inc(); // known from the record: no need to decode the clip to find out
        return;
      }
      if (reuse && LocalCopy.exists(target)) {
        reused.inc();
        out.output(KV.of(id, promptLine(r.getCaption().getText())));
        return;
      }
      Path local = Files.createTempFile("reelscribe-cogvideox-", ".mp4");
      try (LocalCopy clip = LocalCopy.of(WriteWebDataset.clipUri(r))) {
        Result<Integer> done = Retimer.retime(clip.path(), local, layout.retiming(), Deadline.after(Duration.ofMinutes(10)));
        if (done instanceof Result.Failed<Integer> f) {
          if (f.kind() == FailureKind.NO_FRAMES) {
            tooShort.inc();
            return;
          }
          throw new IOException("cannot re-time clip " + id + " for CogVideoX: " + f.kind() + ": " + f.reason());
        }
        LocalCopy.publish(local, target);
        videos.inc();
        out.output(KV.of(id, promptLine(r.getCaption().getText())));
      } finally {
        Files.deleteIfExists(local);
      }
    }
  }

  /** Collects (clip id, prompt) pairs into one list. */
  static final class ToList extends Combine.CombineFn<KV<String, String>, List<KV<String, String>>, List<KV<String, String>>> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<KV<String, String>> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<KV<String, String>> addInput(List<KV<String, String>> acc, KV<String, String> input) {
      acc.add(input);
      return acc;
    }

    @Override
    public List<KV<String, String>> mergeAccumulators(Iterable<List<KV<String, String>>> accs) {
      List<KV<String, String>> out = new ArrayList<>();
      accs.forEach(out::addAll);
      return out;
    }

    @Override
    public List<KV<String, String>> extractOutput(List<KV<String, String>> acc) {
      return acc;
    }
  }

  static final class IndexFn extends DoFn<List<KV<String, String>>, Integer> {
    private static final long serialVersionUID = 1L;
    private final String directory;

    IndexFn(String directory) {
      this.directory = directory;
    }

    @ProcessElement
    public void process(@Element List<KV<String, String>> all, OutputReceiver<Integer> out) throws IOException {
      List<KV<String, String>> videos = new ArrayList<>(all);
      videos.sort(Comparator.comparing(KV::getKey));
      StringBuilder prompts = new StringBuilder();
      StringBuilder paths = new StringBuilder();
      for (KV<String, String> v : videos) {
        prompts.append(v.getValue()).append('\n');
        paths.append("videos/").append(v.getKey()).append(".mp4\n");
      }
      publish(paths.toString(), directory + "/videos.txt");
      publish(prompts.toString(), directory + "/prompts.txt");
      out.output(videos.size());
    }

    private static void publish(String text, String target) throws IOException {
      Path local = Files.createTempFile("reelscribe-", ".txt");
      try {
        Files.writeString(local, text, StandardCharsets.UTF_8);
        LocalCopy.publish(local, target);
      } finally {
        Files.deleteIfExists(local);
      }
    }
  }
}
