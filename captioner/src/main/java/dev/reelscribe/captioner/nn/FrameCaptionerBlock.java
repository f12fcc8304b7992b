package dev.reelscribe.captioner.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.reelscribe.captioner.builtin.CaptionerConfig;
import dev.reelscribe.captioner.builtin.Vocabulary;
import dev.reelscribe.models.nn.Decoding;
import dev.reelscribe.models.nn.TransformerLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in image-to-text model: a four-stage convolutional encoder whose output grid becomes
 * image tokens (with learned 2D positions and transformer layers over them), and an autoregressive
 * transformer decoder with causal self-attention over the words so far and cross-attention to the
 * image tokens.
 *
 * <p>{@code forward} with {@code (images [B,3,S,S], tokens [B,T])} returns next-token logits {@code
 * [B,T,V]} (teacher forcing, for training) and the auxiliary head's logits {@code [B,grid²,24]}: what
 * object (shape, colour, size) has its centre in each image token's cell. The auxiliary loss on them
 * shapes training (it gives the encoder a direct signal about shapes); decoding uses only its colours,
 * to check places. With {@code (images)} alone it decodes: greedily, or
 * with beam search when {@link #beamWidth(int)} is above 1, and returns token ids {@code
 * [B,maxTokens]} padded with PAD after EOS; greedy decoding with shape hedging on ({@link
 * CaptionerConfig#hedgeBelow()} above 0) also returns each chosen token's probability {@code
 * [B,maxTokens]}; with {@link CaptionerConfig#gridPlaces()} the auxiliary head's colour probabilities
 * {@code [B,grid²,AUX_COLOURS]} come last, for {@code GridPlaces}.
 */
public final class FrameCaptionerBlock extends AbstractBlock {
  private final CaptionerConfig config;
  private final SequentialBlock convolutions;
  private final Linear imageProjection;
  private final Parameter imagePositions;
  private final List<TransformerLayer> encoder = new ArrayList<>();
  private final LayerNorm encoderNorm;
  private final Parameter tokenEmbedding;
  private final Parameter tokenPositions;
  private final List<TransformerLayer> decoder = new ArrayList<>();
  private final LayerNorm decoderNorm;
  private final Linear head;
  private final Linear auxiliary;
  private volatile int beamWidth = 1;

  /** Per image token, the auxiliary head predicts shape (none + 8), colour (none + 10) and size (none + 3). */
  public static final int AUX_SHAPES = 9;
  public static final int AUX_COLOURS = 11;
  public static final int AUX_SIZES = 4;

  public FrameCaptionerBlock(CaptionerConfig config) {
    this.config = config;
    int d = config.width();
    SequentialBlock conv = new SequentialBlock();
    if (config.stem() > 0) {
      conv.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(config.stem())
          .optBias(false).build());
      conv.add(BatchNorm.builder().build());
      conv.add(Activation::relu);
    }
    for (int stage = 0; stage < 4; stage++) {
      int c = config.channels().get(stage);
      conv.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1))
          .setFilters(c).optBias(false).build());
      conv.add(BatchNorm.builder().build());
      conv.add(Activation::relu);
      if (stage >= 1) {
        conv.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(c)
            .optBias(false).build());
        conv.add(BatchNorm.builder().build());
        conv.add(Activation::relu);
      }
    }
    convolutions = addChildBlock("convolutions", conv);
    imageProjection = addChildBlock("image_projection", Linear.builder().setUnits(d).build());
    int grid = config.gridSide() * config.gridSide();
    imagePositions = addParameter(Parameter.builder().setName("image_positions").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(grid, d)).optInitializer(new NormalInitializer(0.02f)).build());
    for (int i = 0; i < config.encoderLayers(); i++) {
      encoder.add(addChildBlock("encoder_" + i, new TransformerLayer(d, config.heads(), false)));
    }
    encoderNorm = addChildBlock("encoder_norm", LayerNorm.builder().axis(2).build());
    int v = config.vocabulary().size();
    tokenEmbedding = addParameter(Parameter.builder().setName("token_embedding").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(v, d)).optInitializer(new NormalInitializer(0.02f)).build());
    tokenPositions = addParameter(Parameter.builder().setName("token_positions").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(config.maxTokens(), d)).optInitializer(new NormalInitializer(0.02f)).build());
    for (int i = 0; i < config.decoderLayers(); i++) {
      decoder.add(addChildBlock("decoder_" + i, new TransformerLayer(d, config.heads(), true)));
    }
    decoderNorm = addChildBlock("decoder_norm", LayerNorm.builder().axis(2).build());
    head = addChildBlock("head", Linear.builder().setUnits(v).build());
    auxiliary = addChildBlock("auxiliary_head",
        Linear.builder().setUnits(AUX_SHAPES + AUX_COLOURS + AUX_SIZES).build());
  }

  public CaptionerConfig config() {
    return config;
  }

  /** Beam width for decoding; 1 is greedy. */
  public FrameCaptionerBlock beamWidth(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("beam width must be at least 1");
    }
    this.beamWidth = width;
    return this;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray memory = encode(ps, inputs.get(0), training);
    if (inputs.size() > 1) {
      NDArray aux = auxiliary.forward(ps, new NDList(memory), training).head();
      return new NDList(decode(ps, memory, inputs.get(1), training), aux);
    }
    NDList out = beamWidth == 1 && config.hedgeBelow() > 0 ? greedyWithProbabilities(ps, memory)
        : new NDList(beamWidth == 1 ? greedy(ps, memory) : beam(ps, memory, beamWidth));
    if (config.gridPlaces()) {
      out.add(gridColours(ps, memory));
    }
    return out;
  }

  /** The auxiliary head's colour probabilities {@code [B, grid², AUX_COLOURS]} (none first). */
  private NDArray gridColours(ParameterStore ps, NDArray memory) {
    NDArray aux = auxiliary.forward(ps, new NDList(memory), false).head();
    return aux.get(new NDIndex(":, :, " + AUX_SHAPES + ":" + (AUX_SHAPES + AUX_COLOURS))).softmax(-1);
  }

  /** Image tokens {@code [B, grid², D]}. */
  public NDArray encode(ParameterStore ps, NDArray images, boolean training) {
    NDArray features = convolutions.forward(ps, new NDList(images), training).head();
    Shape s = features.getShape();
    NDArray tokens = features.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).transpose(0, 2, 1);
    NDArray x = imageProjection.forward(ps, new NDList(tokens), training).head();
    x = x.add(ps.getValue(imagePositions, x.getDevice(), training));
    for (TransformerLayer layer : encoder) {
      x = layer.forward(ps, new NDList(x), training).head();
    }
    return encoderNorm.forward(ps, new NDList(x), training).head();
  }

  /** Next-token logits {@code [B,T,V]} for token prefixes {@code [B,T]} (BOS first). */
  public NDArray decode(ParameterStore ps, NDArray memory, NDArray tokens, boolean training) {
    long t = tokens.getShape().get(1);
    int v = config.vocabulary().size();
    NDArray embedding = ps.getValue(tokenEmbedding, memory.getDevice(), training);
    // index on the tokens' manager: slicing a parameter would attach the slice to the model's manager
    NDArray positions = ps.getValue(tokenPositions, memory.getDevice(), training)
        .get(tokens.getManager(), new NDIndex("0:" + t));
    NDArray x = tokens.oneHot(v).toType(DataType.FLOAT32, false).matMul(embedding).add(positions);
    NDArray mask = Decoding.causalMask(tokens.getManager(), (int) t);
    for (TransformerLayer layer : decoder) {
      x = layer.forward(ps, new NDList(x, memory, mask), training).head();
    }
    x = decoderNorm.forward(ps, new NDList(x), training).head();
    return head.forward(ps, new NDList(x), training).head();
  }

  private NDArray greedy(ParameterStore ps, NDArray memory) {
    return Decoding.greedy(memory.getManager(), (int) memory.getShape().get(0), config.maxTokens(),
        prefixes -> {
          memory.tempAttach(prefixes.getManager());
          return decode(ps, memory, prefixes, false);
        });
  }

  /** Greedy ids and each chosen token's probability, for shape hedging. */
  private NDList greedyWithProbabilities(ParameterStore ps, NDArray memory) {
    return Decoding.greedyWithProbabilities(memory.getManager(), (int) memory.getShape().get(0), config.maxTokens(),
        prefixes -> {
          memory.tempAttach(prefixes.getManager());
          return decode(ps, memory, prefixes, false);
        });
  }

  private NDArray beam(ParameterStore ps, NDArray memory, int k) {
    NDManager manager = memory.getManager();
    int b = (int) memory.getShape().get(0);
    int max = config.maxTokens();
    int v = config.vocabulary().size();
    // beams of one image are rows [i*k, (i+1)*k)
    NDArray repeated = memory.repeat(0, k);
    long[][] seqs = new long[b * k][max + 1];
    double[] scores = new double[b * k];
    boolean[] done = new boolean[b * k];
    for (int r = 0; r < b * k; r++) {
      seqs[r][0] = Vocabulary.BOS;
      scores[r] = r % k == 0 ? 0 : Double.NEGATIVE_INFINITY; // one live beam per image at the start
    }
    for (int step = 1; step <= max; step++) {
      NDArray logits = decode(ps, repeated, Decoding.prefix(manager, seqs, step), false);
      float[] logp = logits.get(new NDIndex(":, -1, :")).logSoftmax(-1).toFloatArray();
      long[][] nextSeqs = new long[b * k][];
      double[] nextScores = new double[b * k];
      boolean[] nextDone = new boolean[b * k];
      boolean all = true;
      for (int i = 0; i < b; i++) {
        // candidates: (score, source row, token); a finished beam carries itself forward once
        List<double[]> cand = new ArrayList<>();
        for (int r = i * k; r < (i + 1) * k; r++) {
          if (scores[r] == Double.NEGATIVE_INFINITY) {
            continue;
          }
          if (done[r]) {
            cand.add(new double[] {scores[r], r, Vocabulary.PAD});
            continue;
          }
          for (int w = 0; w < v; w++) {
            cand.add(new double[] {scores[r] + logp[r * v + w], r, w});
          }
        }
        cand.sort((x, y) -> Double.compare(y[0], x[0]));
        for (int j = 0; j < k; j++) {
          int row = i * k + j;
          if (j >= cand.size()) {
            nextSeqs[row] = seqs[i * k].clone();
            nextScores[row] = Double.NEGATIVE_INFINITY;
            nextDone[row] = true;
            continue;
          }
          double[] c = cand.get(j);
          int src = (int) c[1];
          nextSeqs[row] = seqs[src].clone();
          nextSeqs[row][step] = (long) c[2];
          nextScores[row] = c[0];
          nextDone[row] = done[src] || c[2] == Vocabulary.EOS;
        }
        all &= nextDone[i * k];
      }
      seqs = nextSeqs;
      scores = nextScores;
      done = nextDone;
      if (all) {
        break;
      }
    }
    long[][] best = new long[b][];
    for (int i = 0; i < b; i++) {
      best[i] = seqs[i * k];
    }
    return Decoding.result(manager, best);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long b = inputShapes[0].get(0);
    if (inputShapes.length > 1) {
      int grid = config.gridSide() * config.gridSide();
      return new Shape[] {new Shape(b, inputShapes[1].get(1), config.vocabulary().size()),
          new Shape(b, grid, AUX_SHAPES + AUX_COLOURS + AUX_SIZES)};
    }
    List<Shape> out = new ArrayList<>();
    out.add(new Shape(b, config.maxTokens()));
    if (beamWidth == 1 && config.hedgeBelow() > 0) {
      out.add(new Shape(b, config.maxTokens()));
    }
    if (config.gridPlaces()) {
      out.add(new Shape(b, config.gridSide() * config.gridSide(), AUX_COLOURS));
    }
    return out.toArray(Shape[]::new);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    int s = config.imageSize();
    convolutions.initialize(manager, dataType, new Shape(1, 3, s, s));
    imageProjection.initialize(manager, dataType, new Shape(1, config.channels().get(3)));
    TransformerLayer.initializeStack(encoder, encoderNorm, manager, dataType, config.width());
    TransformerLayer.initializeStack(decoder, decoderNorm, manager, dataType, config.width());
    head.initialize(manager, dataType, new Shape(1, config.width()));
    auxiliary.initialize(manager, dataType, new Shape(1, config.width()));
  }
}
