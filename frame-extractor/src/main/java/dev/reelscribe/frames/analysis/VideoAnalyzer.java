package dev.reelscribe.frames.analysis;

import dev.reelscribe.frames.FailureKind;
import dev.reelscribe.frames.Result;
import dev.reelscribe.frames.decode.Deadline;
import dev.reelscribe.frames.decode.FrameReader;
import dev.reelscribe.frames.decode.TimeBound;
import dev.reelscribe.frames.probe.ContainerCheck;
import dev.reelscribe.frames.probe.ContainerInspector;
import java.io.IOException;
import java.nio.file.Path;
import org.opencv.core.Mat;

/**
 * Decodes a whole video once and measures every frame: the real frame count and the signals the shot
 * detector and the clip scores need.
 *
 * <p>Bad input never throws: a missing, empty, unreadable, truncated or frameless file, or one that
 * takes longer than the configured time bound, becomes a {@link Result.Failed} with the reason.
 */
public final class VideoAnalyzer {
  private final AnalysisConfig config;

  public VideoAnalyzer(AnalysisConfig config) {
    this.config = config;
  }

  public Result<VideoAnalysis> analyze(Path file) {
    return TimeBound.run(file.getFileName().toString(), config.timeout(), () -> analyzeNow(file));
  }

  private Result<VideoAnalysis> analyzeNow(Path file) {
    Deadline deadline = Deadline.after(config.timeout());
    Result<FrameReader> opened = FrameReader.open(file, deadline);
    if (opened instanceof Result.Failed<FrameReader> f) {
      return Result.failed(f.kind(), f.reason());
    }
    ContainerCheck structure;
    try {
      structure = ContainerInspector.inspect(file);
    } catch (IOException e) {
      return Result.failed(FailureKind.IO_ERROR, "cannot read " + file + ": " + e.getMessage());
    }
    try (FrameReader reader = ((Result.Ok<FrameReader>) opened).value();
        FrameMeasurer measurer = new FrameMeasurer(config, reader.info().fps())) {
      Mat frame = new Mat();
      try {
        while (reader.read(frame)) {
          measurer.accept(frame);
        }
      } finally {
        frame.release();
      }
      long decoded = reader.position();
      long claimed = reader.info().claimedFrameCount();
      if (decoded == 0) {
        return Result.failed(
            FailureKind.NO_FRAMES,
            "the file opens but no frame decodes (container claims " + claimed + " frames)");
      }
      if (structure.truncated()) {
        return Result.failed(
            FailureKind.TRUNCATED,
            "file is cut short: " + structure.truncation().orElseThrow() + "; decoded " + decoded
                + " of " + claimed + " claimed frames");
      }
      return Result.ok(new VideoAnalysis(reader.info(), decoded, measurer.signals()));
    }
  }
}
