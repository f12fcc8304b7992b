package dev.reelscribe.fuser.builtin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.reelscribe.fuser.check.Lexicon;
import dev.reelscribe.models.nn.Decoding;
import dev.reelscribe.models.nn.TransformerLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in fuser: a sequence-to-sequence transformer. The encoder reads the input ids of
 * {@link FuserTokens} (frame markers, time buckets, caption words; or a prompt marker and a short
 * prompt) with learned positions; the decoder writes the description with causal self-attention and
 * cross-attention to the encoder. One embedding table serves the encoder's input, the decoder's
 * input and (transposed) the output layer, so copying a word from the captions is the easy thing to
 * learn. PAD input positions are masked, so an input may be cut to its batch's longest row without
 * changing the output.
 *
 * <p>{@code forward} with {@code (input [B,Tin], tokens [B,T])} returns next-token logits {@code
 * [B,T,V]} (teacher forcing); with {@code (input)} alone it decodes greedily and returns ids {@code
 * [B,maxOutputTokens]}, PAD after EOS; with {@link FuserConfig#groundedDecoding} it never writes a
 * colour or object noun that the input does not contain ({@link #groundingMask}); with {@link
 * FuserConfig#pairGrounding} colours, nouns and sizes stay paired as the captions pair them ({@link
 * PairGrounding}).
 */
public final class FuserBlock extends AbstractBlock {
  private final FuserConfig config;
  private final Parameter embedding;
  private final Parameter inputPositions;
  private final List<TransformerLayer> encoder = new ArrayList<>();
  private final LayerNorm encoderNorm;
  private final Parameter tokenPositions;
  private final List<TransformerLayer> decoder = new ArrayList<>();
  private final LayerNorm decoderNorm;
  private final Parameter headBias;
  private final PairGrounding pairGrounding;

  /** 1 for each vocabulary word the grounding governs (a colour or an object noun), else 0. */
  private final float[] groundedWords;

  public FuserBlock(FuserConfig config) {
    this.config = config;
    groundedWords = new float[config.vocabulary().size()];
    for (int i = 0; i < groundedWords.length; i++) {
      String word = config.vocabulary().get(i).toLowerCase(java.util.Locale.ROOT);
      groundedWords[i] = Lexicon.COLOURS.contains(word) || Lexicon.OBJECTS.contains(word) ? 1 : 0;
    }
    pairGrounding = new PairGrounding(config.vocabulary());
    int d = config.width();
    embedding = addParameter(weight("embedding", new Shape(config.inputVocabularySize(), d)));
    inputPositions = addParameter(weight("input_positions", new Shape(config.maxInputTokens(), d)));
    for (int i = 0; i < config.encoderLayers(); i++) {
      encoder.add(addChildBlock("encoder_" + i, new TransformerLayer(d, config.heads(), false, config.dropout())));
    }
    encoderNorm = addChildBlock("encoder_norm", LayerNorm.builder().axis(2).build());
    tokenPositions = addParameter(weight("token_positions", new Shape(config.maxOutputTokens(), d)));
    for (int i = 0; i < config.decoderLayers(); i++) {
      decoder.add(addChildBlock("decoder_" + i, new TransformerLayer(d, config.heads(), true, config.dropout())));
    }
    decoderNorm = addChildBlock("decoder_norm", LayerNorm.builder().axis(2).build());
    headBias = addParameter(Parameter.builder().setName("head_bias").setType(Parameter.Type.BIAS)
        .optShape(new Shape(config.vocabulary().size())).optInitializer(Initializer.ZEROS).build());
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
    NDArray input = inputs.get(0);
    NDArray memoryMask = paddingMask(input);
    NDArray memory = encode(ps, input, memoryMask, training);
    if (inputs.size() > 1) {
      return new NDList(decode(ps, memory, memoryMask, inputs.get(1), training));
    }
    NDArray grounding = config.groundedDecoding() ? groundingMask(input) : null;
    PairGrounding.Pairs[] pairs = config.pairGrounding() ? rowPairs(input) : null;
    return new NDList(Decoding.greedy(memory.getManager(), (int) memory.getShape().get(0), config.maxOutputTokens(),
        prefixes -> {
          memory.tempAttach(prefixes.getManager());
          memoryMask.tempAttach(prefixes.getManager());
          NDArray logits = decode(ps, memory, memoryMask, prefixes, false);
          if (grounding != null) {
            grounding.tempAttach(prefixes.getManager());
            logits = logits.add(grounding);
          }
          return pairs == null ? logits : logits.add(pairMask(prefixes, pairs));
        }));
  }

  /**
   * An additive {@code [B,1,V]} mask over the output words: -1e9 on each colour and object noun that
   * the row's input does not contain, for rows that fuse frame captions; 0 elsewhere, and on every
   * upsampling row (led by the prompt marker).
   */
  NDArray groundingMask(NDArray input) {
    int v = config.vocabulary().size();
    NDManager m = input.getManager();
    NDArray present = input.toType(DataType.INT32, false).oneHot(config.inputVocabularySize())
        .toType(DataType.FLOAT32, false).sum(new int[] {1}).get(new NDIndex(":, 0:" + v)).gt(0);
    NDArray grounded = m.create(groundedWords);
    NDArray fusing = input.get(new NDIndex(":, 0")).neq(config.promptMarker()).toType(DataType.FLOAT32, false)
        .reshape(-1, 1);
    NDArray forbidden = present.logicalNot().toType(DataType.FLOAT32, false).mul(grounded).mul(fusing);
    return forbidden.mul(-1e9f).expandDims(1);
  }

  /** Each fusing row's word pairs; null for upsampling rows (led by the prompt marker). */
  private PairGrounding.Pairs[] rowPairs(NDArray input) {
    int b = (int) input.getShape().get(0);
    int t = (int) input.getShape().get(1);
    long[] ids = input.toType(DataType.INT64, false).toLongArray();
    PairGrounding.Pairs[] out = new PairGrounding.Pairs[b];
    for (int i = 0; i < b; i++) {
      long[] row = java.util.Arrays.copyOfRange(ids, i * t, (i + 1) * t);
      out[i] = row[0] == config.promptMarker() ? null : pairGrounding.pairs(row);
    }
    return out;
  }

  /** An additive {@code [B,1,V]} mask: -1e9 on each word its row's pairs forbid after the prefix's last word. */
  private NDArray pairMask(NDArray prefixes, PairGrounding.Pairs[] pairs) {
    int b = (int) prefixes.getShape().get(0);
    int v = config.vocabulary().size();
    long[] last = prefixes.get(new NDIndex(":, -1")).toLongArray();
    float[] mask = new float[b * v];
    for (int i = 0; i < b; i++) {
      if (pairs[i] != null) {
        pairs[i].mask(last[i], -1e9f, mask, i * v);
      }
    }
    return prefixes.getManager().create(mask, new Shape(b, 1, v));
  }

  /** An additive {@code [B,1,1,Tin]} mask that hides PAD input positions from attention. */
  static NDArray paddingMask(NDArray input) {
    Shape s = input.getShape();
    return input.eq(Decoding.PAD).toType(DataType.FLOAT32, false).mul(-1e9f).reshape(s.get(0), 1, 1, s.get(1));
  }

  /** Encoder states {@code [B,Tin,D]}; PAD positions are masked out. */
  NDArray encode(ParameterStore ps, NDArray input, NDArray mask, boolean training) {
    NDManager m = input.getManager();
    long t = input.getShape().get(1);
    NDArray table = ps.getValue(embedding, input.getDevice(), training);
    NDArray positions = ps.getValue(inputPositions, input.getDevice(), training).get(m, new NDIndex("0:" + t));
    NDArray x = table.get(m, new NDIndex("{}", input.toType(DataType.INT64, false))).add(positions);
    for (TransformerLayer layer : encoder) {
      x = layer.forward(ps, new NDList(x, mask), training).head();
    }
    return encoderNorm.forward(ps, new NDList(x), training).head();
  }

  /** Next-token logits {@code [B,T,V]} for prefixes {@code [B,T]} (BOS first). */
  NDArray decode(ParameterStore ps, NDArray memory, NDArray memoryMask, NDArray tokens, boolean training) {
    NDManager m = tokens.getManager();
    long t = tokens.getShape().get(1);
    NDArray table = ps.getValue(embedding, memory.getDevice(), training);
    NDArray positions = ps.getValue(tokenPositions, memory.getDevice(), training).get(m, new NDIndex("0:" + t));
    NDArray x = table.get(m, new NDIndex("{}", tokens.toType(DataType.INT64, false))).add(positions);
    NDArray mask = Decoding.causalMask(m, (int) t);
    for (TransformerLayer layer : decoder) {
      x = layer.forward(ps, new NDList(x, memory, mask, memoryMask), training).head();
    }
    x = decoderNorm.forward(ps, new NDList(x), training).head();
    // the output layer is the word embeddings, transposed: a word reads the same going in and out
    NDArray words = table.get(m, new NDIndex("0:" + config.vocabulary().size()));
    return x.matMul(words.transpose()).add(ps.getValue(headBias, memory.getDevice(), training));
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
    TransformerLayer.initializeStack(encoder, encoderNorm, manager, dataType, config.width());
    TransformerLayer.initializeStack(decoder, decoderNorm, manager, dataType, config.width());
  }
}
