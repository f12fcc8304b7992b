package dev.reelscribe.generator.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.reelscribe.generator.config.VaeConfig;
import dev.reelscribe.generator.vae.CausalVae;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsTest {
  private static VaeConfig small(int latent) {
    return new VaeConfig(3, 3, List.of(8, 16), latent, 1, 1e-6f, 4, 2, 16, 16, 1f);
  }

  @Test
  void safetensorsRoundTripByStateDictName(@TempDir Path dir) throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      CausalVae a = new CausalVae(small(4));
      a.initialize(m, DataType.FLOAT32);
      Weights.save(a, dir.resolve("vae.safetensors"));
      CausalVae b = new CausalVae(small(4));
      b.initialize(m, DataType.FLOAT32);
      String key = "encoder.conv_in.conv.weight";
      assertThat(ParameterTree.parameters(b).get(key).getArray().toFloatArray())
          .isNotEqualTo(ParameterTree.parameters(a).get(key).getArray().toFloatArray());
      Weights.load(b, dir.resolve("vae.safetensors"));
      ParameterTree.parameters(a).forEach((name, p) -> assertThat(ParameterTree.parameters(b).get(name).getArray()
          .toFloatArray()).as(name).containsExactly(p.getArray().toFloatArray()));
      CausalVae other = new CausalVae(small(2));
      other.initialize(m, DataType.FLOAT32);
      assertThatThrownBy(() -> Weights.load(other, dir.resolve("vae.safetensors")))
          .hasMessageContaining("does not fit the model").hasMessageContaining("encoder.conv_out.conv.weight");
    }
  }
}
