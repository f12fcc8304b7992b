package dev.reelscribe.captioner.builtin;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.reelscribe.captioner.CaptionResult;
import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.captioner.FrameCaptioner;
import dev.reelscribe.captioner.FrameImage;
import dev.reelscribe.captioner.nn.FrameCaptionerBlock;
import dev.reelscribe.schemas.ModelRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A built-in (or user-trained) frame captioner loaded through DJL: {@code Criteria} with the
 * architecture block built from the directory's {@code config.json}, parameters from {@code
 * frame-captioner-0000.params}, PyTorch engine on the CPU. Frames are decoded and resized outside the
 * predictor, so one bad image fails alone; the rest go through {@code batchPredict} in batches of
 * {@code batchSize}.
 */
public final class BuiltinFrameCaptioner implements FrameCaptioner {
  private final ZooModel<float[], String> model;
  private final CaptionerConfig config;
  private final ModelRef ref;
  private final int batchSize;

  private BuiltinFrameCaptioner(ZooModel<float[], String> model, CaptionerConfig config, ModelRef ref, int batchSize) {
    this.model = model;
    this.config = config;
    this.ref = ref;
    this.batchSize = batchSize;
  }

  /**
   * Loads the model in {@code dir}.
   *
   * @param backend "builtin" for the committed weights, "local" for a user's directory
   * @param beamWidth 1 for greedy decoding
   */
  public static BuiltinFrameCaptioner load(Path dir, String backend, int beamWidth, int batchSize) {
    return load(dir, backend, beamWidth, batchSize, CaptionerSpec.MODEL_HEDGE, null);
  }

  /**
   * As {@link #load(Path, String, int, int)}, with the shape-hedging threshold {@code hedgeBelow}
   * instead of the directory's own ({@link CaptionerSpec#MODEL_HEDGE} keeps it; 0 turns hedging off),
   * and grid places on or off ({@code null} keeps the directory's setting).
   */
  public static BuiltinFrameCaptioner load(Path dir, String backend, int beamWidth, int batchSize, double hedgeBelow,
      Boolean gridPlaces) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1");
    }
    try {
      CaptionerConfig config = CaptionerConfig.read(dir);
      if (hedgeBelow != CaptionerSpec.MODEL_HEDGE) {
        config = config.withHedgeBelow(hedgeBelow);
      }
      if (gridPlaces != null) {
        config = config.withGridPlaces(gridPlaces);
      }
      FrameCaptionerBlock block = new FrameCaptionerBlock(config).beamWidth(beamWidth);
      int size = config.imageSize();
      Criteria<float[], String> criteria = Criteria.builder()
          .setTypes(float[].class, String.class)
          .optModelPath(dir)
          .optModelName(BuiltinModel.NAME)
          .optEngine("PyTorch")
          .optBlock(block)
          .optTranslator(new PixelsTranslator(config))
          .build();
      ZooModel<float[], String> model = criteria.loadModel();
      ModelRef ref = ModelRef.newBuilder().setBackend(backend).setModelId(BuiltinModel.MODEL_ID)
          .setVersion(BuiltinModel.weightsHash(dir).substring(0, 16) + decodingSuffix(config, beamWidth))
          .build();
      return new BuiltinFrameCaptioner(model, config, ref, batchSize);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the frame-captioner model in " + dir + ": " + e.getMessage(), e);
    } catch (ModelNotFoundException | MalformedModelException e) {
      throw new IllegalArgumentException("cannot load the frame-captioner model in " + dir + ": " + e.getMessage(), e);
    }
  }

  public CaptionerConfig config() {
    return config;
  }

  /**
   * What the model version says besides the weights: the decoding, so the corpus records whether a
   * caption was hedged ({@code +hedge0.60}) or beam-searched ({@code +beam3}, never hedged), and whether
   * its places were checked against the grid head ({@code +grid}).
   */
  static String decodingSuffix(CaptionerConfig config, int beamWidth) {
    String decoding = beamWidth > 1 ? "+beam" + beamWidth
        : config.hedgeBelow() > 0 ? String.format(java.util.Locale.ROOT, "+hedge%.2f", config.hedgeBelow()) : "";
    return decoding + (config.gridPlaces() ? "+grid" : "");
  }

  @Override
  public ModelRef model() {
    return ref;
  }

  @Override
  public Session open() {
    Predictor<float[], String> predictor = model.newPredictor();
    return new Session() {
      @Override
      public List<CaptionResult> caption(List<FrameImage> frames) {
        return captionWith(predictor, frames);
      }

      @Override
      public void close() {
        predictor.close();
      }
    };
  }

  private List<CaptionResult> captionWith(Predictor<float[], String> predictor, List<FrameImage> frames) {
    CaptionResult[] out = new CaptionResult[frames.size()];
    List<Integer> good = new ArrayList<>();
    List<float[]> pixels = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      try {
        pixels.add(FramePixels.fromEncoded(frames.get(i).jpeg(), config.imageSize()));
        good.add(i);
      } catch (RuntimeException e) {
        out[i] = new CaptionResult.Failed("UndecodableImage", "frame " + frames.get(i).key() + ": " + e.getMessage(), 1);
      }
    }
    for (int from = 0; from < pixels.size(); from += batchSize) {
      int to = Math.min(pixels.size(), from + batchSize);
      try {
        List<String> texts = predictor.batchPredict(pixels.subList(from, to));
        for (int j = from; j < to; j++) {
          String text = texts.get(j - from);
          out[good.get(j)] = text.isBlank()
              ? new CaptionResult.Failed("EmptyAnswer", "the model produced an empty caption", 1)
              : new CaptionResult.Ok(text);
        }
      } catch (TranslateException | RuntimeException e) {
        for (int j = from; j < to; j++) {
          out[good.get(j)] = CaptionResult.failed(e, 1);
        }
      }
    }
    return List.of(out);
  }

  @Override
  public void close() {
    model.close();
  }

  /**
   * Planar pixels in, caption text out; the block's decoding outputs become text through {@link
   * CaptionWriter}.
   */
  static final class PixelsTranslator implements Translator<float[], String> {
    private final CaptionWriter writer;
    private final int size;

    PixelsTranslator(CaptionerConfig config) {
      this.writer = new CaptionWriter(config);
      this.size = config.imageSize();
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[] input) {
      return new NDList(ctx.getNDManager().create(input, new Shape(3, size, size)));
    }

    @Override
    public String processOutput(TranslatorContext ctx, NDList list) {
      return writer.text(list);
    }

    @Override
    public Batchifier getBatchifier() {
      return Batchifier.STACK;
    }
  }
}
