package dev.reelscribe.frames;

import dev.reelscribe.frames.analysis.VideoAnalysis;
import dev.reelscribe.frames.analysis.VideoAnalyzer;
import dev.reelscribe.frames.scores.ClipScorer;
import dev.reelscribe.frames.scores.ClipTagger;
import dev.reelscribe.frames.shots.ClipPlanner;
import dev.reelscribe.frames.shots.ClipSpan;
import dev.reelscribe.frames.shots.ShotDetector;
import dev.reelscribe.frames.shots.Transients;
import dev.reelscribe.schemas.Clip;
import dev.reelscribe.schemas.VideoSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * From one video file to its single-shot clips: decode once, detect hard cuts, cut long shots into
 * pieces, score every clip and tag it with the reasons a filter would reject it.
 *
 * <pre>{@code
 * ClipExtractor extractor = new ClipExtractor(ExtractionConfig.defaults());
 * Result<VideoExtraction> r = extractor.extract(Path.of("movie.mp4"), "gs://bucket/movie.mp4", size);
 * }</pre>
 *
 * <p>The file is read from a local path; {@code sourceUri} and {@code sizeBytes} name the original
 * (which may be remote) and go into the content-addressed clip ids.
 */
public final class ClipExtractor {
  private final ExtractionConfig config;
  private final VideoAnalyzer analyzer;
  private final ShotDetector detector;
  private final ClipPlanner planner;
  private final ClipScorer scorer = new ClipScorer();
  private final ClipTagger tagger;

  public ClipExtractor(ExtractionConfig config) {
    this.config = config;
    this.analyzer = new VideoAnalyzer(config.analysis());
    this.detector = new ShotDetector(config.shots());
    this.planner = new ClipPlanner(config.shots());
    this.tagger = new ClipTagger(config.filter());
  }

  public Result<VideoExtraction> extract(Path localFile, String sourceUri, long sizeBytes) {
    return analyzer.analyze(localFile).map(a -> toExtraction(a, sourceUri, sizeBytes));
  }

  private VideoExtraction toExtraction(VideoAnalysis a, String sourceUri, long sizeBytes) {
    double fps = a.fps();
    VideoSource source = VideoSource.newBuilder()
        .setUri(sourceUri)
        .setSizeBytes(sizeBytes)
        .setContainer(a.info().container())
        .setCodec(a.info().codec())
        .setWidth(a.info().width())
        .setHeight(a.info().height())
        .setFps(fps)
        .setFrameCount(a.frameCount())
        .setClaimedFrameCount(a.info().claimedFrameCount())
        .setDurationSeconds(a.durationSeconds())
        .build();
    double[] change = a.signals().contentChanges();
    double[] skip = a.signals().skipChanges();
    boolean[] transients = Transients.find(change, skip, config.shots().minContentChange());
    List<Integer> cuts = detector.cuts(Transients.removeFrom(change, skip, transients), fps);
    List<ClipSpan> spans = planner.plan(cuts, a.frameCount(), fps);
    List<Clip> clips = new ArrayList<>(spans.size());
    String fingerprint = config.fingerprint();
    for (ClipSpan span : spans) {
      Map<String, Double> scores = scorer.score(a.signals(), transients, span, fps);
      clips.add(Clip.newBuilder()
          .setClipId(ClipIds.of(sourceUri, sizeBytes, span.startFrame(), span.endFrame(), fingerprint))
          .setSourceUri(sourceUri)
          .setShotIndex(span.shotIndex())
          .setPieceIndex(span.pieceIndex())
          .setStartFrame(span.startFrame())
          .setEndFrame(span.endFrame())
          .setStartSeconds(span.startFrame() / fps)
          .setEndSeconds(span.endFrame() / fps)
          .setWidth(a.info().width())
          .setHeight(a.info().height())
          .setFps(fps)
          .setScores(scores)
          .setTags(tagger.tags(scores))
          .setClipUri(null)
          .build());
    }
    return new VideoExtraction(source, clips);
  }

  /** Re-tags a clip from its stored scores under this extractor's filter; no decoding. */
  public Clip retag(Clip clip) {
    return Clip.newBuilder(clip).setTags(tagger.tags(clip.getScores())).build();
  }

  /** The span a clip record covers. */
  public static ClipSpan spanOf(Clip clip) {
    return new ClipSpan(clip.getShotIndex(), clip.getPieceIndex(), clip.getStartFrame(), clip.getEndFrame());
  }
}
