package dev.reelscribe.generator.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import dev.reelscribe.generator.config.VaeConfig;
import dev.reelscribe.models.nn.AdamSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;

class CausalVaeTest {
  private static VaeConfig small() {
    return new VaeConfig(3, 3, List.of(8, 16, 16), 4, 1, 1e-6f, 4, 4, 16, 16, 1f);
  }

  @Test
  void fourKPlusOneFramesBecomeKPlusOneLatentsAndBack() {
    CausalVae vae = new CausalVae(small());
    try (NDManager m = NDManager.newBaseManager()) {
      vae.initialize(m, DataType.FLOAT32);
      ParameterStore ps = new ParameterStore(m, false);
      for (int frames : new int[] {1, 5, 9, 17}) {
        NDList dist = vae.encode(ps, m.randomUniform(-1, 1, new Shape(1, 3, frames, 16, 16)), false);
        int latents = (frames - 1) / 4 + 1;
        assertThat(dist.get(0).getShape()).isEqualTo(new Shape(1, 4, latents, 4, 4));
        assertThat(vae.decode(ps, dist.get(0), false).getShape()).isEqualTo(new Shape(1, 3, frames, 16, 16));
      }
      assertThatThrownBy(() -> vae.encode(ps, m.zeros(new Shape(1, 3, 6, 16, 16)), false))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4k+1");
    }
  }

  @Test
  void aCausalConvolutionSeesNoLaterFrameAndFrameZeroAlone() {
    CausalConv3d conv = new CausalConv3d(2, 3, 3);
    try (NDManager m = NDManager.newBaseManager()) {
      conv.initialize(m, DataType.FLOAT32);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = m.randomNormal(new Shape(1, 2, 6, 5, 5));
      NDArray changed = x.duplicate();
      changed.set(new NDIndex(":, :, 3:"), 7f);
      NDArray a = conv.apply(ps, x, false);
      NDArray b = conv.apply(ps, changed, false);
      assertThat(a.getShape()).isEqualTo(new Shape(1, 3, 6, 5, 5));
      assertThat(a.get(":, :, 0:3").sub(b.get(":, :, 0:3")).abs().max().getFloat()).isZero();
      assertThat(a.get(":, :, 3:").sub(b.get(":, :, 3:")).abs().max().getFloat()).isPositive();
      // frame 0 on its own: a one-frame video gives the same first frame
      NDArray alone = conv.apply(ps, x.get(":, :, 0:1"), false);
      assertThat(alone.sub(a.get(":, :, 0:1")).abs().max().getFloat()).isLessThan(1e-5f);
    }
  }

  @Test
  void frameZeroIsKeptApartWhenTimeIsResampled() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.arange(5f).reshape(1, 1, 5, 1, 1);
      assertThat(Resample.halveTime(x).toFloatArray()).containsExactly(0f, 1.5f, 3.5f);
      assertThat(Resample.doubleTime(m.arange(3f).reshape(1, 1, 3, 1, 1)).toFloatArray())
          .containsExactly(0f, 1f, 1f, 2f, 2f);
      NDArray z = m.arange(2f).reshape(1, 1, 2, 1, 1);
      NDArray like = m.zeros(new Shape(1, 1, 5, 2, 2));
      NDArray resized = Resample.nearestLike(z, like);
      assertThat(resized.getShape()).isEqualTo(new Shape(1, 1, 5, 2, 2));
      assertThat(resized.get(":, :, :, 0, 0").toFloatArray()).containsExactly(0f, 1f, 1f, 1f, 1f);
    }
  }

  /** A few dozen Adam steps on one clip: the reconstruction error falls far below the untrained one. */
  @Test
  void itLearnsToReconstructAClip() {
    Engine.getInstance().setRandomSeed(3);
    CausalVae block = new CausalVae(small());
    try (Model model = Model.newInstance("vae-test", "PyTorch")) {
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32);
      AdamSchedule schedule = new AdamSchedule(3e-3f, 60);
      try (Trainer trainer = model.newTrainer(schedule.trainingConfig(schedule.learningRate()))) {
        NDManager m = trainer.getManager();
        // a bright square drifting right over a dark background
        float[] pixels = new float[3 * 5 * 16 * 16];
        for (int c = 0; c < 3; c++) {
          for (int t = 0; t < 5; t++) {
            for (int y = 0; y < 16; y++) {
              for (int x = 0; x < 16; x++) {
                boolean in = y >= 5 && y < 11 && x >= 2 + t && x < 8 + t;
                pixels[((c * 5 + t) * 16 + y) * 16 + x] = in ? (c == 0 ? 0.9f : -0.2f) : -0.8f;
              }
            }
          }
        }
        NDArray clip = m.create(pixels, new Shape(1, 3, 5, 16, 16));
        float first = 0;
        float last = 0;
        for (int step = 0; step < 60; step++) {
          try (GradientCollector gc = trainer.newGradientCollector()) {
            NDList out = trainer.forward(new NDList(clip));
            NDArray loss = VaeLoss.of(out.get(0), clip, out.get(1), out.get(2), 0f, 1e-6f);
            if (step == 0) {
              first = loss.getFloat();
            }
            last = loss.getFloat();
            gc.backward(loss);
          }
          trainer.step();
        }
        assertThat(last).isLessThan(first * 0.35f);
      }
    }
  }
}
