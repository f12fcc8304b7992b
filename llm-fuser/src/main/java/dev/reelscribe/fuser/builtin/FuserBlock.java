package dev.reelscribe.fuser.builtin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.reelscribe.models.nn.Decoding;
import dev.reelscribe.models.nn.TransformerLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in fuser: a sequence-to-sequence transformer. The encoder reads the input ids of
 * {@link FuserTokens} (frame markers, time buckets, caption words) with learned positions; the
 * decoder writes the description with causal self-attention and cross-attention to the encoder.
 *
 * <p>{@code forward} with {@code (input [B,Tin], tokens [B,T])} returns next-token logits {@code
 * [B,T,V]} (teacher forcing); with {@code (input)} alone it decodes greedily and returns ids {@code
 * [B,maxOutputTokens]}, PAD after EOS.
 */
public final class FuserBlock extends AbstractBlock {
  private final FuserConfig config;
  private final Parameter inputEmbedding;
  private final Parameter inputPositions;
  private final List<TransformerLayer> encoder = new ArrayList<>();
  private final LayerNorm encoderNorm;
  private final Parameter tokenEmbedding;
  private final Parameter tokenPositions;
  private final List<TransformerLayer> decoder = new ArrayList<>();
  private final LayerNorm decoderNorm;
  private final Linear head;

  public FuserBlock(FuserConfig config) {
    this.config = config;
    int d = config.width();
    inputEmbedding = addParameter(weight("input_embedding", new Shape(config.inputVocabularySize(), d)));
    inputPositions = addParameter(weight("input_positions", new Shape(config.maxInputTokens(), d)));
    for (int i = 0; i < config.encoderLayers(); i++) {
      encoder.add(addChildBlock("encoder_" + i, new TransformerLayer(d, config.heads(), false)));
    }
    encoderNorm = addChildBlock("encoder_norm", LayerNorm.builder().axis(2).build());
    tokenEmbedding = addParameter(weight("token_embedding", new Shape(config.vocabulary().size(), d)));
    tokenPositions = addParameter(weight("token_positions", new Shape(config.maxOutputTokens(), d)));
    for (int i = 0; i < config.decoderLayers(); i++) {
      decoder.add(addChildBlock("decoder_" + i, new TransformerLayer(d, config.heads(), true)));
    }
    decoderNorm = addChildBlock("decoder_norm", LayerNorm.builder().axis(2).build());
    head = addChildBlock("head", Linear.builder().setUnits(config.vocabulary().size()).build());
  }

  private static Parameter weight(String name, Shape shape) {
    return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(shape)
        .optInitializer(new NormalInitializer(0.02f)).build();
  }

  public FuserConfig config() {
    return config;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray memory = encode(ps, inputs.get(0), training);
    if (inputs.size() > 1) {
      return new NDList(decode(ps, memory, inputs.get(1), training));
    }
    return new NDList(Decoding.greedy(memory.getManager(), (int) memory.getShape().get(0), config.maxOutputTokens(),
        prefixes -> decode(ps, memory, prefixes, false)));
  }

  /** Encoder states {@code [B,Tin,D]}. */
  NDArray encode(ParameterStore ps, NDArray input, boolean training) {
    long t = input.getShape().get(1);
    NDArray embedding = ps.getValue(inputEmbedding, input.getDevice(), training);
    NDArray positions = ps.getValue(inputPositions, input.getDevice(), training).get(new NDIndex("0:" + t));
    NDArray x = embedding.get(input.toType(DataType.INT64, false)).add(positions);
    for (TransformerLayer layer : encoder) {
      x = layer.forward(ps, new NDList(x), training).head();
    }
    return encoderNorm.forward(ps, new NDList(x), training).head();
  }

  /** Next-token logits {@code [B,T,V]} for prefixes {@code [B,T]} (BOS first). */
  NDArray decode(ParameterStore ps, NDArray memory, NDArray tokens, boolean training) {
    long t = tokens.getShape().get(1);
    NDArray embedding = ps.getValue(tokenEmbedding, memory.getDevice(), training);
    NDArray positions = ps.getValue(tokenPositions, memory.getDevice(), training).get(new NDIndex("0:" + t));
    NDArray x = embedding.get(tokens.toType(DataType.INT64, false)).add(positions);
    NDArray mask = Decoding.causalMask(memory.getManager(), (int) t);
    for (TransformerLayer layer : decoder) {
      x = layer.forward(ps, new NDList(x, memory, mask), training).head();
    }
    x = decoderNorm.forward(ps, new NDList(x), training).head();
    return head.forward(ps, new NDList(x), training).head();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long b = inputShapes[0].get(0);
    if (inputShapes.length > 1) {
      return new Shape[] {new Shape(b, inputShapes[1].get(1), config.vocabulary().size())};
    }
    return new Shape[] {new Shape(b, config.maxOutputTokens())};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape seq = new Shape(1, 1, config.width());
    for (TransformerLayer layer : encoder) {
      layer.initialize(manager, dataType, seq);
    }
    encoderNorm.initialize(manager, dataType, seq);
    for (TransformerLayer layer : decoder) {
      layer.initialize(manager, dataType, seq, seq, new Shape(1, 1));
    }
    decoderNorm.initialize(manager, dataType, seq);
    head.initialize(manager, dataType, new Shape(1, config.width()));
  }
}
