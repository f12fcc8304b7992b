package dev.reelscribe.generator.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * What the denoiser predicts. CogVideoX predicts {@code v}; {@code X0} (the clean sample itself) is
 * the alternative the generator issue asks to measure against it.
 */
public enum Parameterization {
  /** {@code v = sqrt(ᾱ)·ε − sqrt(1-ᾱ)·x_0} (CogVideoX). */
  V,
  /** The clean sample {@code x_0}. */
  X0;

  /** The training target for a clean sample {@code x0} noised with {@code eps} at weights {@code a}, {@code σ}. */
  public NDArray target(NDArray x0, NDArray eps, NDArray a, NDArray sigma) {
    return this == V ? VPrediction.velocity(x0, eps, a, sigma) : x0;
  }

  /** The clean sample a prediction implies. */
  public NDArray clean(NDArray xt, NDArray prediction, NDArray a, NDArray sigma) {
    return this == V ? VPrediction.cleanFromVelocity(xt, prediction, a, sigma) : prediction;
  }

  public static Parameterization parse(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "v", "v-prediction", "v_prediction" -> V;
      case "x0", "x", "sample", "x-prediction" -> X0;
      default -> throw new IllegalArgumentException("unknown prediction type '" + name + "' (v or x0)");
    };
  }
}
