package dev.reelscribe.generator.config;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelscribe.generator.nn.ParameterTree;
import dev.reelscribe.generator.transformer.CogVideoXTransformer;
import dev.reelscribe.generator.vae.CausalVae;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published configurations built as DJL blocks, without allocating a weight: parameter counts
 * match what CogVideoX's module shapes give (1.69 B for 2B, 5.57 B for 5B) and the names and shapes
 * are diffusers' state-dict keys.
 */
class ParameterCountTest {

  @Test
  void cogVideoX2bHasTheParametersOfThePublishedModel() {
    CogVideoXTransformer model = new CogVideoXTransformer(TransformerConfig.cogVideoX2b());
    long total = ParameterTree.count(model);
    assertThat(total).isEqualTo(1_693_783_872L);   // 1.69 B, by hand from the module shapes
    Map<String, Shape> shapes = ParameterTree.shapes(model);
    long block = shapes.entrySet().stream().filter(e -> e.getKey().startsWith("transformer_blocks.0."))
        .mapToLong(e -> e.getValue().size()).sum();
    assertThat(block).isEqualTo(56_081_536L);      // 56.1 M a block
    assertThat(shapes)
        .containsEntry("patch_embed.proj.weight", new Shape(1920, 16, 2, 2))
        .containsEntry("patch_embed.text_proj.weight", new Shape(1920, 4096))
        .containsEntry("time_embedding.linear_1.weight", new Shape(512, 1920))
        .containsEntry("time_embedding.linear_2.weight", new Shape(512, 512))
        .containsEntry("transformer_blocks.29.norm1.linear.weight", new Shape(11520, 512))
        .containsEntry("transformer_blocks.29.norm1.norm.weight", new Shape(1920))
        .containsEntry("transformer_blocks.0.attn1.norm_q.weight", new Shape(64))
        .containsEntry("transformer_blocks.0.attn1.to_q.weight", new Shape(1920, 1920))
        .containsEntry("transformer_blocks.0.attn1.to_q.bias", new Shape(1920))
        .containsEntry("transformer_blocks.0.attn1.to_out.0.weight", new Shape(1920, 1920))
        .containsEntry("transformer_blocks.0.ff.net.0.proj.weight", new Shape(7680, 1920))
        .containsEntry("transformer_blocks.0.ff.net.2.weight", new Shape(1920, 7680))
        .containsEntry("norm_final.weight", new Shape(1920))
        .containsEntry("norm_out.linear.weight", new Shape(3840, 512))
        .containsEntry("proj_out.weight", new Shape(64, 1920));
    assertThat(shapes).doesNotContainKey("transformer_blocks.30.norm1.linear.weight");
    assertThat(shapes.keySet()).allMatch(k -> k.matches("[a-z_0-9.]+\\.(weight|bias)"));
  }

  @Test
  void cogVideoX5bHasTheParametersOfThePublishedModel() {
    CogVideoXTransformer model = new CogVideoXTransformer(TransformerConfig.cogVideoX5b());
    assertThat(ParameterTree.count(model) / 1e9).isBetween(5.565, 5.575);
    long block = ParameterTree.shapes(model).entrySet().stream()
        .filter(e -> e.getKey().startsWith("transformer_blocks.0.")).mapToLong(e -> e.getValue().size()).sum();
    assertThat(block / 1e6).isBetween(132.15, 132.25);
  }

  @Test
  void theVaeHasDiffusersKeys() {
    Map<String, Shape> shapes = ParameterTree.shapes(new CausalVae(VaeConfig.cogVideoX2b()));
    assertThat(shapes)
        .containsEntry("encoder.conv_in.conv.weight", new Shape(128, 3, 3, 3, 3))
        .containsEntry("encoder.down_blocks.0.resnets.0.norm1.weight", new Shape(128))
        .containsEntry("encoder.down_blocks.1.resnets.0.conv_shortcut.weight", new Shape(256, 128, 1, 1, 1))
        .containsEntry("encoder.down_blocks.2.downsamplers.0.conv.weight", new Shape(256, 256, 3, 3))
        .containsEntry("encoder.mid_block.resnets.1.conv2.conv.weight", new Shape(512, 512, 3, 3, 3))
        .containsEntry("encoder.conv_out.conv.weight", new Shape(32, 512, 3, 3, 3))
        .containsEntry("decoder.conv_in.conv.weight", new Shape(512, 16, 3, 3, 3))
        .containsEntry("decoder.mid_block.resnets.0.norm1.conv_y.conv.weight", new Shape(512, 16, 1, 1, 1))
        .containsEntry("decoder.mid_block.resnets.0.norm1.norm_layer.weight", new Shape(512))
        .containsEntry("decoder.up_blocks.0.resnets.3.conv2.conv.weight", new Shape(512, 512, 3, 3, 3))
        .containsEntry("decoder.up_blocks.2.upsamplers.0.conv.weight", new Shape(256, 256, 3, 3))
        .containsEntry("decoder.norm_out.conv_b.conv.weight", new Shape(128, 16, 1, 1, 1))
        .containsEntry("decoder.conv_out.conv.weight", new Shape(3, 128, 3, 3, 3));
    assertThat(shapes).doesNotContainKey("encoder.down_blocks.3.downsamplers.0.conv.weight")
        .doesNotContainKey("decoder.up_blocks.3.upsamplers.0.conv.weight");
  }

  @Test
  void aDiffusersConfigFileReads() throws Exception {
    String json = """
        {"_class_name": "CogVideoXTransformer3DModel", "_diffusers_version": "0.31.0",
         "activation_fn": "gelu-approximate", "attention_bias": true, "attention_head_dim": 64, "dropout": 0.0,
         "flip_sin_to_cos": true, "freq_shift": 0, "in_channels": 16, "max_text_seq_length": 226,
         "norm_elementwise_affine": true, "norm_eps": 1e-05, "num_attention_heads": 30, "num_layers": 30,
         "out_channels": 16, "patch_size": 2, "sample_frames": 49, "sample_height": 60, "sample_width": 90,
         "spatial_interpolation_scale": 1.875, "temporal_compression_ratio": 4, "temporal_interpolation_scale": 1.0,
         "text_embed_dim": 4096, "time_embed_dim": 512, "timestep_activation_fn": "silu",
         "use_rotary_positional_embeddings": false}
        """;
    TransformerConfig read = new ObjectMapper().readValue(json, TransformerConfig.class);
    assertThat(read).isEqualTo(TransformerConfig.cogVideoX2b());
    assertThat(read.latentFrames()).isEqualTo(13);
  }
}
