package dev.reelscribe.frames.analysis;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.opencv.video.Video;

/**
 * Measures each decoded frame of one video, in order, into {@link FrameSignals}. Keeps the previous
 * frame's downscaled images for the change and flow measures. One instance per video; not
 * thread-safe.
 */
public final class FrameMeasurer implements AutoCloseable {
  private static final double NOISE_NORM = Math.sqrt(Math.PI / 2.0) / 6.0;

  private final AnalysisConfig config;
  private final double fps;
  private final int flowStride;
  private final int textStride;
  private final FrameSignals signals = new FrameSignals();
  private final TextRegionDetector textDetector = new TextRegionDetector();
  private final Mat noiseKernel;

  private final Mat small = new Mat();
  private final Mat hsv = new Mat();
  private Mat prevHsv = new Mat();
  private Mat prevPrevHsv = new Mat();
  private final Mat diff = new Mat();
  private final Mat grey = new Mat();
  private final Mat lap = new Mat();
  private final Mat noiseResponse = new Mat();
  private final Mat flowGrey = new Mat();
  private Mat prevFlowGrey = new Mat();
  private final Mat flow = new Mat();
  private final Mat textFrame = new Mat();
  private final Mat textGrey = new Mat();
  private final List<Mat> flowChannels = new ArrayList<>(2);
  private final Mat magnitude = new Mat();
  private final MatOfDouble mean = new MatOfDouble();
  private final MatOfDouble std = new MatOfDouble();

  public FrameMeasurer(AnalysisConfig config, double fps) {
    this.config = config;
    this.fps = fps;
    this.flowStride = Math.max(1, (int) Math.round(fps / config.flowPerSecond()));
    this.textStride = Math.max(1, (int) Math.round(fps / config.textPerSecond()));
    this.noiseKernel = new Mat(3, 3, CvType.CV_32F);
    noiseKernel.put(0, 0, 1, -2, 1, -2, 4, -2, 1, -2, 1);
  }

  /** Measures the next frame (BGR, any size). */
  public void accept(Mat bgr) {
    int index = signals.frameCount();
    Resize.toLongestSide(bgr, small, config.analysisSize(), Imgproc.INTER_LINEAR);

    Imgproc.cvtColor(small, hsv, Imgproc.COLOR_BGR2HSV);
    double change = 0;
    if (!prevHsv.empty() && prevHsv.size().equals(hsv.size())) {
      Core.absdiff(hsv, prevHsv, diff);
      Scalar m = Core.mean(diff);
      change = (m.val[0] + m.val[1] + m.val[2]) / 3.0;
    }
    double skip = 0;
    if (!prevPrevHsv.empty() && prevPrevHsv.size().equals(hsv.size())) {
      Core.absdiff(hsv, prevPrevHsv, diff);
      Scalar m = Core.mean(diff);
      skip = (m.val[0] + m.val[1] + m.val[2]) / 3.0;
    }
    Mat oldest = prevPrevHsv;
    prevPrevHsv = prevHsv;
    prevHsv = hsv.clone();
    oldest.release();

    Imgproc.cvtColor(small, grey, Imgproc.COLOR_BGR2GRAY);
    Core.meanStdDev(grey, mean, std);
    double luma = mean.get(0, 0)[0];
    double lumaStd = std.get(0, 0)[0];

    Imgproc.Laplacian(grey, lap, CvType.CV_64F);
    Core.meanStdDev(lap, mean, std);
    double sharpness = std.get(0, 0)[0] * std.get(0, 0)[0];

    double noise = noiseSigma(grey);

    double motion = Double.NaN;
    boolean flowFrame = index % flowStride == 0 || index % flowStride == flowStride - 1 || flowStride == 1;
    if (flowFrame) {
      Resize.toLongestSide(grey, flowGrey, config.flowSize(), Imgproc.INTER_AREA);
      if (index % flowStride == 0 && index > 0 && !prevFlowGrey.empty()
          && prevFlowGrey.size().equals(flowGrey.size())) {
        motion = meanFlow(prevFlowGrey, flowGrey) * fps;
      }
      Mat tmp = prevFlowGrey;
      prevFlowGrey = flowGrey.clone();
      tmp.release();
    }

    double text = Double.NaN;
    if (index % textStride == textStride / 2) {
      Resize.toLongestSide(bgr, textFrame, config.textSize(), Imgproc.INTER_LINEAR);
      Imgproc.cvtColor(textFrame, textGrey, Imgproc.COLOR_BGR2GRAY);
      text = textDetector.textArea(textGrey);
    }
    signals.add(change, skip, luma, lumaStd, sharpness, noise, motion, text);
  }

  /** Immerkær (1996): sigma ≈ sqrt(pi/2) / (6 (W-2)(H-2)) · Σ |I * N|. */
  private double noiseSigma(Mat g) {
    Imgproc.filter2D(g, noiseResponse, CvType.CV_32F, noiseKernel);
    Mat inner = noiseResponse.submat(1, g.rows() - 1, 1, g.cols() - 1);
    double sum = Core.norm(inner, Core.NORM_L1);
    inner.release();
    return NOISE_NORM * sum / ((double) (g.cols() - 2) * (g.rows() - 2));
  }

  /** Mean Farneback flow magnitude, as a fraction of the frame diagonal. */
  private double meanFlow(Mat prev, Mat next) {
    Video.calcOpticalFlowFarneback(prev, next, flow, 0.5, 3, 15, 3, 5, 1.2, 0);
    flowChannels.clear();
    Core.split(flow, flowChannels);
    Core.magnitude(flowChannels.get(0), flowChannels.get(1), magnitude);
    double meanMagnitude = Core.mean(magnitude).val[0];
    for (Mat c : flowChannels) {
      c.release();
    }
    double diagonal = Math.hypot(next.cols(), next.rows());
    return meanMagnitude / diagonal;
  }

  public FrameSignals signals() {
    return signals;
  }

  @Override
  public void close() {
    textDetector.close();
    for (Mat m : List.of(noiseKernel, small, hsv, prevHsv, prevPrevHsv, diff, grey, lap, noiseResponse, flowGrey,
        prevFlowGrey, flow, textFrame, textGrey, magnitude, mean, std)) {
      m.release();
    }
  }
}
