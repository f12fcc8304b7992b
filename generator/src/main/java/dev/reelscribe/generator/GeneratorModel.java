package dev.reelscribe.generator;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelscribe.generator.config.GeneratorSpec;
import dev.reelscribe.generator.config.SchedulerConfig;
import dev.reelscribe.generator.config.TransformerConfig;
import dev.reelscribe.generator.config.VaeConfig;
import dev.reelscribe.generator.nn.Weights;
import dev.reelscribe.generator.transformer.CogVideoXTransformer;
import dev.reelscribe.generator.vae.CausalVae;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generator on disk and in memory, laid out as a diffusers {@code CogVideoXPipeline} directory:
 *
 * <pre>
 * DIR/model_index.json                               pipeline class, and what reelscribe needs (frames, size, text encoder)
 * DIR/vae/config.json                                {@link VaeConfig}
 * DIR/vae/diffusion_pytorch_model.safetensors        VAE weights by state-dict name
 * DIR/transformer/config.json                        {@link TransformerConfig}
 * DIR/transformer/diffusion_pytorch_model.safetensors
 * DIR/scheduler/scheduler_config.json                {@link SchedulerConfig}
 * </pre>
 *
 * Owns one DJL {@link Model} per module (so each can train on its own); close it to free them.
 */
public final class GeneratorModel implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final String WEIGHTS = "diffusion_pytorch_model.safetensors";

  private final GeneratorSpec spec;
  private final SchedulerConfig scheduler;
  private final CausalVae vae;
  private final CogVideoXTransformer transformer;
  private final Model vaeModel;
  private final Model transformerModel;
  private float scalingFactor;

  private GeneratorModel(GeneratorSpec spec, SchedulerConfig scheduler, VaeConfig vaeConfig,
      TransformerConfig transformerConfig) {
    this.spec = spec;
    this.scheduler = scheduler;
    vae = new CausalVae(vaeConfig);
    scalingFactor = vaeConfig.scalingFactor();
    transformer = new CogVideoXTransformer(transformerConfig);
    vaeModel = Model.newInstance("cogvideox-vae", "PyTorch");
    vaeModel.setBlock(vae);
    vae.initialize(vaeModel.getNDManager(), DataType.FLOAT32);
    transformerModel = Model.newInstance("cogvideox-transformer", "PyTorch");
    transformerModel.setBlock(transformer);
    transformer.initialize(transformerModel.getNDManager(), DataType.FLOAT32);
  }

  /** A freshly initialised model (random weights from the engine's seed). */
  public static GeneratorModel create(GeneratorSpec spec, SchedulerConfig scheduler, VaeConfig vae,
      TransformerConfig transformer) {
    if (transformer.inChannels() != vae.latentChannels()) {
      throw new IllegalArgumentException("the transformer reads " + transformer.inChannels()
          + " latent channels but the VAE makes " + vae.latentChannels());
    }
    return new GeneratorModel(spec, scheduler, vae, transformer);
  }

  /** Loads a model directory; a missing weights file leaves that module at its initialisation. */
  public static GeneratorModel load(Path dir) throws IOException {
    return load(dir, null);
  }

  /** The transformer configuration a model directory holds. */
  public static TransformerConfig transformerConfig(Path dir) throws IOException {
    return JSON.readValue(dir.resolve("transformer/config.json").toFile(), TransformerConfig.class);
  }

  /**
   * Loads a model directory whose transformer is not trained yet with another transformer
   * configuration (its trained VAE kept), and writes that configuration into the directory.
   *
   * @throws IllegalStateException if the directory holds transformer weights
   */
  public static GeneratorModel loadWithNewTransformer(Path dir, TransformerConfig transformer) throws IOException {
    if (holdsTransformerWeights(dir)) {
      throw new IllegalStateException(dir + " holds a trained transformer; its configuration cannot change");
    }
    GeneratorModel model = load(dir, transformer);
    try {
      model.saveConfigs(dir);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
    return model;
  }

  private static GeneratorModel load(Path dir, TransformerConfig replacement) throws IOException {
    if (!Files.isRegularFile(dir.resolve("model_index.json"))) {
      throw new IOException(dir + " is not a generator model directory (no model_index.json)");
    }
    GeneratorSpec spec = JSON.treeToValue(JSON.readTree(dir.resolve("model_index.json").toFile()).path("reelscribe"),
        GeneratorSpec.class);
    SchedulerConfig scheduler = JSON.readValue(dir.resolve("scheduler/scheduler_config.json").toFile(),
        SchedulerConfig.class);
    VaeConfig vaeConfig = JSON.readValue(dir.resolve("vae/config.json").toFile(), VaeConfig.class);
    TransformerConfig transformerConfig = replacement != null ? replacement : transformerConfig(dir);
    GeneratorModel model = create(spec, scheduler, vaeConfig, transformerConfig);
    try {
      if (model.hasVaeWeights(dir)) {
        Weights.load(model.vae, dir.resolve("vae").resolve(WEIGHTS));
      }
      if (model.hasTransformerWeights(dir)) {
        Weights.load(model.transformer, dir.resolve("transformer").resolve(WEIGHTS));
      }
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
    return model;
  }

  public boolean hasVaeWeights(Path dir) {
    return Files.isRegularFile(dir.resolve("vae").resolve(WEIGHTS));
  }

  public boolean hasTransformerWeights(Path dir) {
    return holdsTransformerWeights(dir);
  }

  /** Whether a model directory holds transformer weights. */
  public static boolean holdsTransformerWeights(Path dir) {
    return Files.isRegularFile(dir.resolve("transformer").resolve(WEIGHTS));
  }

  /** Writes the configurations and both modules' weights. */
  public void save(Path dir) throws IOException {
    saveConfigs(dir);
    saveVae(dir);
    saveTransformer(dir);
  }

  /** Writes model_index.json and the three configurations. */
  public void saveConfigs(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("vae"));
    Files.createDirectories(dir.resolve("transformer"));
    Files.createDirectories(dir.resolve("scheduler"));
    ObjectNode index = JSON.createObjectNode();
    index.put("_class_name", "CogVideoXPipeline");
    index.putArray("vae").add("diffusers").add("AutoencoderKLCogVideoX");
    index.putArray("transformer").add("diffusers").add("CogVideoXTransformer3DModel");
    index.putArray("scheduler").add("diffusers").add("CogVideoXDDIMScheduler");
    index.set("reelscribe", JSON.valueToTree(spec));
    JSON.writeValue(dir.resolve("model_index.json").toFile(), index);
    ObjectNode vaeJson = JSON.valueToTree(vae.config());
    vaeJson.put("scaling_factor", scalingFactor);
    vaeJson.put("_class_name", "AutoencoderKLCogVideoX");
    JSON.writeValue(dir.resolve("vae/config.json").toFile(), vaeJson);
    ObjectNode transformerJson = JSON.valueToTree(transformer.config());
    transformerJson.put("_class_name", "CogVideoXTransformer3DModel");
    transformerJson.put("activation_fn", "gelu-approximate");
    transformerJson.put("timestep_activation_fn", "silu");
    JSON.writeValue(dir.resolve("transformer/config.json").toFile(), transformerJson);
    JSON.writeValue(dir.resolve("scheduler/scheduler_config.json").toFile(), scheduler);
  }

  public void saveVae(Path dir) throws IOException {
    Weights.save(vae, dir.resolve("vae").resolve(WEIGHTS));
  }

  public void saveTransformer(Path dir) throws IOException {
    Weights.save(transformer, dir.resolve("transformer").resolve(WEIGHTS));
  }

  public GeneratorSpec spec() {
    return spec;
  }

  /** The factor the transformer's latents are multiplied by: {@code 1/std} of the VAE's latents, measured after VAE training. */
  public float scalingFactor() {
    return scalingFactor;
  }

  public void setScalingFactor(float value) {
    if (!(value > 0) || Float.isInfinite(value)) {
      throw new IllegalArgumentException("scaling factor must be positive, got " + value);
    }
    scalingFactor = value;
  }

  public SchedulerConfig scheduler() {
    return scheduler;
  }

  public CausalVae vae() {
    return vae;
  }

  public CogVideoXTransformer transformer() {
    return transformer;
  }

  /** The DJL model that holds the VAE (train it with {@code vaeModel().newTrainer(...)}). */
  public Model vaeModel() {
    return vaeModel;
  }

  public Model transformerModel() {
    return transformerModel;
  }

  @Override
  public void close() {
    vaeModel.close();
    transformerModel.close();
  }
}
