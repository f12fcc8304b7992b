package dev.reelscribe.generator.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.reelscribe.generator.diffusion.NoiseSchedule;
import dev.reelscribe.generator.diffusion.Parameterization;

/**
 * The noise scheduler of a generator, in diffusers' {@code scheduler_config.json} terms
 * ({@code CogVideoXDDIMScheduler}): the scaled-linear betas, the SNR shift, zero terminal SNR and
 * trailing timesteps are fixed; what varies is the shift and the prediction type.
 *
 * @param predictionType {@code v_prediction} (CogVideoX) or {@code sample} (x0-prediction)
 * @param snrShiftScale the SNR shift (3.0 in CogVideoX-2B)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchedulerConfig(
    @JsonProperty("prediction_type") String predictionType,
    @JsonProperty("snr_shift_scale") double snrShiftScale) {

  public SchedulerConfig {
    parameterization(predictionType);
    if (!(snrShiftScale > 0)) {
      throw new IllegalArgumentException("snr_shift_scale must be positive, got " + snrShiftScale);
    }
  }

  public static SchedulerConfig of(Parameterization p, double snrShiftScale) {
    return new SchedulerConfig(p == Parameterization.V ? "v_prediction" : "sample", snrShiftScale);
  }

  private static Parameterization parameterization(String type) {
    return switch (type) {
      case "v_prediction" -> Parameterization.V;
      case "sample" -> Parameterization.X0;
      default -> throw new IllegalArgumentException("prediction_type must be v_prediction or sample, got " + type);
    };
  }

  public Parameterization parameterization() {
    return parameterization(predictionType);
  }

  public NoiseSchedule schedule() {
    return NoiseSchedule.cogVideoX(snrShiftScale);
  }

  /** The fixed fields diffusers' scheduler config also carries, for readers of the file. */
  @JsonProperty("_class_name")
  public String className() {
    return "CogVideoXDDIMScheduler";
  }

  @JsonProperty("beta_schedule")
  public String betaSchedule() {
    return "scaled_linear";
  }

  @JsonProperty("beta_start")
  public double betaStart() {
    return 0.00085;
  }

  @JsonProperty("beta_end")
  public double betaEnd() {
    return 0.012;
  }

  @JsonProperty("num_train_timesteps")
  public int numTrainTimesteps() {
    return NoiseSchedule.STEPS;
  }

  @JsonProperty("rescale_betas_zero_snr")
  public boolean rescaleBetasZeroSnr() {
    return true;
  }

  @JsonProperty("timestep_spacing")
  public String timestepSpacing() {
    return "trailing";
  }
}
