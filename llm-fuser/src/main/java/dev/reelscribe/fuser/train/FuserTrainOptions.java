package dev.reelscribe.fuser.train;

import java.nio.file.Path;

/**
 * Settings of {@code reelscribe train fuser}.
 *
 * @param seed training seed: clips of {@code seed} train, clips of {@code seed + 1} validate, scripts
 *     of {@code seed + 2} give the upsampling examples
 * @param clips captioned training clips
 * @param framesPerClip frames sampled and captioned per clip
 * @param steps optimizer steps
 * @param batch examples per step
 * @param learningRate peak learning rate (warm-up, then cosine decay)
 * @param evalEvery steps between validations
 * @param validationClips held-out clips per validation
 * @param upsampleShare the share of each batch that is upsampling (short prompt → description)
 * @param truthShare the share of each batch that is fusion of truth-captioned clips: fresh clips of
 *     {@code seed + 3} whose frame captions are synthworld's own ({@link FusionExamples#truthCaptioned}),
 *     never repeated, so the model learns to read positions across frames from more clips than
 *     the captioner can caption; the rest of the batch is the captioner's real output
 * @param output the model directory to write
 * @param examplesDir where captioned training examples are cached (made once per seed and captioner)
 */
public record FuserTrainOptions(long seed, int clips, int framesPerClip, int steps, int batch, float learningRate,
    int evalEvery, int validationClips, double upsampleShare, double truthShare, Path output, Path examplesDir) {
  public FuserTrainOptions {
    if (clips < 1 || framesPerClip < 1 || steps < 1 || batch < 1 || evalEvery < 1 || validationClips < 1) {
      throw new IllegalArgumentException("clips, frames, steps, batch, eval-every and validation clips must be positive");
    }
    if (upsampleShare < 0 || upsampleShare >= 1) {
      throw new IllegalArgumentException("the upsampling share must be in [0, 1): " + upsampleShare);
    }
    if (truthShare < 0 || upsampleShare + truthShare >= 1) {
      throw new IllegalArgumentException("the truth-captioned share must be at least 0, and with the upsampling share "
          + "below 1 (some of each batch must be the captioner's output): " + truthShare);
    }
  }
}
