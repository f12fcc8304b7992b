package dev.reelscribe.fuser.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.reelscribe.captioner.builtin.Vocabulary;
import dev.reelscribe.fuser.FusionInput;
import dev.reelscribe.fuser.TimedCaption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seq2seq block learns: a tiny configuration, trained for 150 steps on two clips whose
 * frame captions differ only in where the circle is, writes each clip's own description — so the
 * encoder's reading of the captions, in time order, reaches the decoder.
 */
class FuserBlockTest {
  private static final FusionInput LEFT_TO_RIGHT = new FusionInput("a", List.of(
      new TimedCaption(0.5, "A small red circle on the left."),
      new TimedCaption(3.5, "A small red circle on the right.")), 4.0);
  private static final FusionInput RIGHT_TO_LEFT = new FusionInput("b", List.of(
      new TimedCaption(0.5, "A small red circle on the right."),
      new TimedCaption(3.5, "A small red circle on the left.")), 4.0);
  private static final String RIGHTWARD = "The small red circle moves slowly to the right.";
  private static final String LEFTWARD = "The small red circle moves slowly to the left.";

  @Test
  void learnsTheDirectionOfMotionFromTheOrderOfTheCaptions() {
    Engine.getInstance().setRandomSeed(3);
    List<String> texts = new ArrayList<>(List.of(RIGHTWARD, LEFTWARD));
    LEFT_TO_RIGHT.frames().forEach(c -> texts.add(c.text()));
    Vocabulary vocabulary = Vocabulary.of(texts);
    FuserConfig config = FuserConfig.tiny(vocabulary.tokens());
    FuserTokens tokens = new FuserTokens(config);
    List<FusionInput> inputs = List.of(LEFT_TO_RIGHT, RIGHT_TO_LEFT);
    List<int[]> targets = List.of(tokens.target(RIGHTWARD), tokens.target(LEFTWARD));
    int t = targets.get(0).length;
    long[] in = new long[2 * config.maxInputTokens()];
    long[] prefix = new long[2 * t];
    long[] target = new long[2 * t];
    for (int i = 0; i < 2; i++) {
      System.arraycopy(tokens.input(inputs.get(i)), 0, in, i * config.maxInputTokens(), config.maxInputTokens());
      prefix[i * t] = Vocabulary.BOS;
      for (int j = 0; j < t; j++) {
        target[i * t + j] = targets.get(i)[j];
        if (j + 1 < t) {
          prefix[i * t + j + 1] = targets.get(i)[j];
        }
      }
    }
    try (Model model = Model.newInstance("fuser-test", "PyTorch")) {
      model.setBlock(new FuserBlock(config));
      DefaultTrainingConfig training = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(5e-3f)).build());
      try (Trainer trainer = model.newTrainer(training)) {
        trainer.initialize(new Shape(2, config.maxInputTokens()), new Shape(2, t));
        NDManager m = trainer.getManager();
        NDArray input = m.create(in, new Shape(2, config.maxInputTokens()));
        NDArray prefixes = m.create(prefix, new Shape(2, t));
        NDArray labels = m.create(target, new Shape(2, t));
        for (int step = 0; step < 150; step++) {
          try (GradientCollector gc = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(new NDList(input, prefixes)).head();
            NDArray picked = logits.logSoftmax(-1).mul(labels.oneHot(config.vocabulary().size())
                .toType(DataType.FLOAT32, false)).sum(new int[] {-1});
            gc.backward(picked.mean().neg());
          }
          trainer.step();
        }
        long[] ids = trainer.evaluate(new NDList(input)).head().toLongArray();
        int max = config.maxOutputTokens();
        assertThat(vocabulary.decode(toInts(ids, 0, max))).isEqualTo(RIGHTWARD);
        assertThat(vocabulary.decode(toInts(ids, max, max))).isEqualTo(LEFTWARD);
      }
    }
  }

  @Test
  void paddingDoesNotChangeTheOutput() {
    Engine.getInstance().setRandomSeed(4);
    Vocabulary vocabulary = Vocabulary.of(List.of(RIGHTWARD, LEFTWARD, "A small red circle on the left."));
    FuserConfig config = FuserConfig.tiny(vocabulary.tokens());
    long[] full = new FuserTokens(config).input(LEFT_TO_RIGHT);
    int used = 0;
    while (full[used] != Vocabulary.PAD) {
      used++;
    }
    long[] trimmed = java.util.Arrays.copyOf(full, used);
    long[] prefix = {Vocabulary.BOS, 5, 6, 7};
    try (Model model = Model.newInstance("fuser-test", "PyTorch")) {
      model.setBlock(new FuserBlock(config));
      try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
        trainer.initialize(new Shape(1, config.maxInputTokens()), new Shape(1, prefix.length));
        NDManager m = trainer.getManager();
        float[] a = trainer.evaluate(new NDList(m.create(full, new Shape(1, full.length)),
            m.create(prefix, new Shape(1, prefix.length)))).head().toFloatArray();
        float[] b = trainer.evaluate(new NDList(m.create(trimmed, new Shape(1, used)),
            m.create(prefix, new Shape(1, prefix.length)))).head().toFloatArray();
        assertThat(used).isLessThan(full.length);
        assertThat(b).containsExactly(a, org.assertj.core.data.Offset.offset(1e-4f));
      }
    }
  }

  @Test
  void groundedDecodingNeverWritesAColourOrShapeNoFrameCaptionNames() {
    Engine.getInstance().setRandomSeed(5);
    Vocabulary vocabulary = Vocabulary.of(List.of(RIGHTWARD, "A blue star and a green square on the left."));
    long[] input = new FuserTokens(FuserConfig.tiny(vocabulary.tokens())).input(LEFT_TO_RIGHT);
    int blue = vocabulary.encode("blue")[0];
    int red = vocabulary.encode("red")[0];
    String plain = decodeWithBias(FuserConfig.tiny(vocabulary.tokens()), vocabulary, input, blue);
    String grounded = decodeWithBias(FuserConfig.tiny(vocabulary.tokens()).withGroundedDecoding(true), vocabulary,
        input, blue);
    // the output layer's bias makes "blue" the top word at every step; no frame caption says blue
    assertThat(plain.split(" ")).containsOnly("blue");
    assertThat(grounded).doesNotContain("blue").doesNotContain("green").doesNotContain("star")
        .doesNotContain("square").isNotBlank();
    // an upsampling input is not grounded: the prompt leaves the rest to the model
    long[] prompt = new FuserTokens(FuserConfig.tiny(vocabulary.tokens())).prompt("a red circle");
    assertThat(decodeWithBias(FuserConfig.tiny(vocabulary.tokens()).withGroundedDecoding(true), vocabulary, prompt,
        blue).split(" ")).containsOnly("blue");
    // and the words the captions do name stay open: with the bias on "red", grounded output says red
    assertThat(decodeWithBias(FuserConfig.tiny(vocabulary.tokens()).withGroundedDecoding(true), vocabulary, input,
        red).split(" ")).containsOnly("red");
  }

  /** Greedy output of an untrained block whose output bias favours {@code word} by a wide margin. */
  private static String decodeWithBias(FuserConfig config, Vocabulary vocabulary, long[] input, int word) {
    try (Model model = Model.newInstance("fuser-test", "PyTorch")) {
      FuserBlock block = new FuserBlock(config);
      model.setBlock(block);
      try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
        trainer.initialize(new Shape(1, config.maxInputTokens()), new Shape(1, 4));
        NDArray bias = block.getParameters().get("head_bias").getArray();
        float[] values = new float[config.vocabulary().size()];
        values[word] = 50f;
        values[Vocabulary.EOS] = -50f;
        bias.set(values);
        NDManager m = trainer.getManager();
        long[] ids = trainer.evaluate(new NDList(m.create(input, new Shape(1, input.length)))).head().toLongArray();
        return vocabulary.decode(toInts(ids, 0, config.maxOutputTokens()));
      }
    }
  }

  private static int[] toInts(long[] ids, int from, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = (int) ids[from + i];
    }
    return out;
  }
}
