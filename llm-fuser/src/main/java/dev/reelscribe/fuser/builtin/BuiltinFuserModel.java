package dev.reelscribe.fuser.builtin;

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
import dev.reelscribe.captioner.builtin.Vocabulary;
import dev.reelscribe.fuser.Generation;
import dev.reelscribe.fuser.prompt.PromptTemplate;
import dev.reelscribe.models.nn.Decoding;
import dev.reelscribe.schemas.ModelRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A built-in (or user-trained) fuser model loaded through DJL: {@code Criteria} with the {@link
 * FuserBlock} built from the directory's {@code config.json}, parameters from {@code
 * caption-fuser-0000.params}, PyTorch engine on the CPU. It serves both roles, {@link
 * BuiltinCaptionFuser} and {@link BuiltinPromptUpsampler}: both hand it input ids and get back
 * greedy descriptions, {@code batchSize} inputs per forward pass.
 */
public final class BuiltinFuserModel implements AutoCloseable {
  /** The prompt version recorded for the built-in model: its fixed input encoding. */
  public static final String ENCODING = "builtin-v1";

  private final ZooModel<long[], int[]> model;
  private final FuserConfig config;
  private final FuserTokens tokens;
  private final ModelRef ref;
  private final int batchSize;

  private BuiltinFuserModel(ZooModel<long[], int[]> model, FuserConfig config, ModelRef ref, int batchSize) {
    this.model = model;
    this.config = config;
    this.tokens = new FuserTokens(config);
    this.ref = ref;
    this.batchSize = batchSize;
  }

  /**
   * Loads the model in {@code dir}.
   *
   * @param backend "builtin" for the committed weights, "local" for a user's directory
   */
  public static BuiltinFuserModel load(Path dir, String backend, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1");
    }
    try {
      FuserConfig config = FuserConfig.read(dir);
      Criteria<long[], int[]> criteria = Criteria.builder()
          .setTypes(long[].class, int[].class)
          .optModelPath(dir)
          .optModelName(FuserModel.NAME)
          .optEngine("PyTorch")
          .optBlock(new FuserBlock(config))
          .optTranslator(new IdsTranslator())
          .build();
      ZooModel<long[], int[]> model = criteria.loadModel();
      ModelRef ref = ModelRef.newBuilder().setBackend(backend).setModelId(FuserModel.MODEL_ID)
          .setVersion(FuserModel.weightsHash(dir).substring(0, 16) + (config.pairGrounding() ? "+pairs" : ""))
          .build();
      return new BuiltinFuserModel(model, config, ref, batchSize);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the fuser model in " + dir + ": " + e.getMessage(), e);
    } catch (ModelNotFoundException | MalformedModelException e) {
      throw new IllegalArgumentException("cannot load the fuser model in " + dir + ": " + e.getMessage(), e);
    }
  }

  public FuserConfig config() {
    return config;
  }

  public FuserTokens tokens() {
    return tokens;
  }

  public ModelRef model() {
    return ref;
  }

  /** The input encoding, as the "prompt" recorded with every output. */
  public PromptTemplate prompt() {
    return PromptTemplate.builtin(ENCODING);
  }

  /** A worker's handle: one predictor, not thread-safe. */
  Decoder open() {
    return new Decoder(model.newPredictor());
  }

  @Override
  public void close() {
    model.close();
  }

  /** Runs input ids through one predictor in batches; a failing batch fails only its own inputs. */
  final class Decoder implements AutoCloseable {
    private final Predictor<long[], int[]> predictor;

    private Decoder(Predictor<long[], int[]> predictor) {
      this.predictor = predictor;
    }

    List<Generation> generate(List<long[]> inputs) {
      List<Generation> out = new ArrayList<>(inputs.size());
      for (int from = 0; from < inputs.size(); from += batchSize) {
        List<long[]> batch = inputs.subList(from, Math.min(inputs.size(), from + batchSize));
        try {
          for (int[] ids : predictor.batchPredict(batch)) {
            out.add(text(ids));
          }
        } catch (TranslateException | RuntimeException e) {
          for (int i = 0; i < batch.size(); i++) {
            out.add(new Generation.Failed(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), 1));
          }
        }
      }
      return out;
    }

    private Generation text(int[] ids) {
      boolean ended = false;
      for (int id : ids) {
        ended |= id == Decoding.EOS;
      }
      return new Generation.Text(tokens.vocabulary().decode(ids), ended);
    }

    @Override
    public void close() {
      predictor.close();
    }
  }

  /** Input ids in, output ids out (EOS included when the model ended the description). */
  static final class IdsTranslator implements Translator<long[], int[]> {
    @Override
    public NDList processInput(TranslatorContext ctx, long[] input) {
      return new NDList(ctx.getNDManager().create(input, new Shape(input.length)));
    }

    @Override
    public int[] processOutput(TranslatorContext ctx, NDList list) {
      long[] ids = list.singletonOrThrow().toLongArray();
      int[] out = new int[ids.length];
      for (int i = 0; i < ids.length; i++) {
        out[i] = (int) ids[i];
      }
      return out;
    }

    @Override
    public Batchifier getBatchifier() {
      return Batchifier.STACK;
    }
  }
}
