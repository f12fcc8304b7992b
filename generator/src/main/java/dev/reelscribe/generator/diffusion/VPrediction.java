package dev.reelscribe.generator.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * The v-parameterisation CogVideoX trains with, on tensors whose first axis is the batch:
 * {@code x_t = a·x_0 + σ·ε}, {@code v = a·ε − σ·x_0}, {@code x̂_0 = a·x_t − σ·v̂}, with {@code a =
 * sqrt(ᾱ_t)} and {@code σ = sqrt(1-ᾱ_t)} per sample. Its loss, {@code ‖v̂ − v‖²}, equals
 * {@code ‖x̂_0 − x_0‖²/(1-ᾱ)}.
 */
public final class VPrediction {
  private VPrediction() {}

  /** {@code x_t} from the clean sample, the noise and per-sample weights {@code a}, {@code σ} (shape {@code [B]}). */
  public static NDArray noisy(NDArray x0, NDArray eps, NDArray a, NDArray sigma) {
    return x0.mul(broadcast(a, x0)).add(eps.mul(broadcast(sigma, x0)));
  }

  /** The target {@code v = a·ε − σ·x_0}. */
  public static NDArray velocity(NDArray x0, NDArray eps, NDArray a, NDArray sigma) {
    return eps.mul(broadcast(a, x0)).sub(x0.mul(broadcast(sigma, x0)));
  }

  /** The clean sample a predicted {@code v} implies: {@code x̂_0 = a·x_t − σ·v̂}. */
  public static NDArray cleanFromVelocity(NDArray xt, NDArray v, NDArray a, NDArray sigma) {
    return xt.mul(broadcast(a, xt)).sub(v.mul(broadcast(sigma, xt)));
  }

  /** Reshapes {@code [B]} weights to {@code [B, 1, 1, …]} for {@code like}. */
  static NDArray broadcast(NDArray perSample, NDArray like) {
    long[] shape = new long[like.getShape().dimension()];
    java.util.Arrays.fill(shape, 1);
    shape[0] = like.getShape().get(0);
    return perSample.reshape(shape);
  }
}
