package dev.reelscribe.generator.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.reelscribe.generator.nn.ParameterTree;
import dev.reelscribe.generator.nn.Weights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adam whose moments go into the checkpoint, so that a rerun continues an interrupted run where it
 * stopped instead of restarting the optimiser mid-schedule.
 *
 * <p>The update is DJL's Adam (the same fused kernel: gradients clipped element-wise, bias-corrected
 * moments, β = 0.9 / 0.999, ε = 1e-8), so a fresh run trains exactly as {@code Optimizer.adam()}
 * with the same schedule did. What differs is the bookkeeping: the learning rate is read from the
 * whole run's schedule at the global step ({@code stepsBefore} + the updates of this optimiser), the
 * bias correction counts the updates each parameter's moments have seen, and {@link #save} /
 * {@link #restore} write and read the moments under the parameters' state-dict names
 * ({@code <name>.exp_avg}, {@code <name>.exp_avg_sq}, {@code <name>.step}, as PyTorch's Adam names
 * them).
 *
 * <p>A run continued without saved moments (a checkpoint from before they were kept, or a finished
 * stage extended to more steps) would otherwise take full-size, sign-like steps at the schedule's
 * mid-run rate — measured: a VAE continued that way lost 2 dB it never regained. Its learning rate
 * therefore ramps up linearly over the first {@link #RAMP} updates.
 */
final class ResumableAdam extends Optimizer {
  /** Updates over which a continued run without saved moments ramps its learning rate up. */
  static final int RAMP = 100;
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final Tracker schedule;
  private final int stepsBefore;
  private final Map<String, Moments> moments = new ConcurrentHashMap<>();
  private final Map<String, float[][]> restored = new ConcurrentHashMap<>();
  private volatile boolean carried;

  private static final class Moments {
    NDArray mean;
    NDArray variance;
    int count;
    boolean carried;
  }

  /**
   * @param schedule the whole run's learning rate by global step (1 = the run's first update)
   * @param stepsBefore the steps the run had taken before this optimiser's first update
   * @param clipGrad the element-wise gradient clip
   */
  ResumableAdam(Tracker schedule, int stepsBefore, float clipGrad) {
    super(Optimizer.adam().optClipGrad(clipGrad).optBeginNumUpdate(stepsBefore));
    if (stepsBefore < 0) {
      throw new IllegalArgumentException("stepsBefore must be >= 0, got " + stepsBefore);
    }
    this.schedule = schedule;
    this.stepsBefore = stepsBefore;
  }

  /** A training configuration that optimises with this (the loss is computed by the trainer itself). */
  DefaultTrainingConfig trainingConfig() {
    return new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(this);
  }

  /** The learning rate global step {@code step} updates with (for progress lines). */
  float rate(int step) {
    float rate = schedule.getNewValue(step);
    return stepsBefore > 0 && !carried ? rate * ramp(step - stepsBefore) : rate;
  }

  private static float ramp(int updates) {
    return Math.min(1f, updates / (float) RAMP);
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    int global = updateCount(parameterId);
    Moments m = moments.computeIfAbsent(parameterId, id -> start(id, weight));
    m.count++;
    float rate = schedule.getNewValue(global);
    if (stepsBefore > 0 && !m.carried) {
      rate *= ramp(m.count);
    }
    double coef1 = 1.0 - Math.pow(BETA1, m.count);
    double coef2 = 1.0 - Math.pow(BETA2, m.count);
    float corrected = (float) (rate * Math.sqrt(coef2) / coef1);
    if (!Float.isFinite(corrected)) {
      throw new IllegalStateException("learning rate is not finite at step " + global);
    }
    weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, m.mean, m.variance), new NDList(weight), rate,
        corrected, getWeightDecay(), rescaleGrad, clipGrad, BETA1, BETA2, EPSILON, true, false);
  }

  private Moments start(String parameterId, NDArray weight) {
    Moments m = new Moments();
    float[][] saved = restored.remove(parameterId);
    NDManager manager = weight.getManager();
    if (saved != null) {
      m.mean = manager.create(saved[0], weight.getShape());
      m.variance = manager.create(saved[1], weight.getShape());
      m.count = (int) saved[2][0];
      m.carried = true;
    } else {
      m.mean = weight.zerosLike();
      m.variance = weight.zerosLike();
    }
    // the moments outlive every sub-manager a training step opens
    m.mean.detach();
    m.variance.detach();
    return m;
  }

  /** Writes the moments of {@code block}'s parameters (those updated so far) to {@code file}, atomically. */
  void save(Block block, Path file) throws IOException {
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      for (Map.Entry<String, Parameter> e : ParameterTree.parameters(block).entrySet()) {
        Moments m = moments.get(e.getValue().getId());
        if (m != null) {
          tensors.put(e.getKey() + ".exp_avg", m.mean);
          tensors.put(e.getKey() + ".exp_avg_sq", m.variance);
          tensors.put(e.getKey() + ".step", manager.create(new float[] {m.count}));
        }
      }
      Weights.write(tensors, file);
    }
  }

  /**
   * Reads moments saved by {@link #save} for {@code block}'s parameters; each is used from the
   * parameter's next update on. Every parameter must be present with its shape.
   */
  void restore(Block block, Path file) throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Map<String, NDArray> saved = Weights.read(manager, file);
      Map<String, float[][]> byId = new LinkedHashMap<>();
      for (Map.Entry<String, Parameter> e : ParameterTree.parameters(block).entrySet()) {
        String name = e.getKey();
        NDArray mean = saved.get(name + ".exp_avg");
        NDArray variance = saved.get(name + ".exp_avg_sq");
        NDArray step = saved.get(name + ".step");
        Shape shape = e.getValue().getShape();
        if (mean == null || variance == null || step == null || !mean.getShape().equals(shape)
            || !variance.getShape().equals(shape)) {
          throw new IOException(file + " does not hold the optimiser state of this model (" + name + ")");
        }
        byId.put(e.getValue().getId(), new float[][] {floats(mean), floats(variance), floats(step)});
      }
      restored.putAll(byId);
      carried = true;
    }
  }

  private static float[] floats(NDArray a) {
    return a.toType(DataType.FLOAT32, false).toFloatArray();
  }
}
