package dev.reelscribe.fuser.builtin;

import dev.reelscribe.fuser.Generation;
import dev.reelscribe.fuser.PromptUpsampler;
import dev.reelscribe.fuser.prompt.PromptTemplate;
import dev.reelscribe.schemas.ModelRef;
import java.nio.file.Path;
import java.util.List;

/**
 * The built-in prompt upsampler: the same {@link BuiltinFuserModel} as the caption fuser, given a
 * short prompt after its prompt marker. It writes the canonical dense style the generator is
 * trained on; details the short prompt leaves open (where objects start, their sizes) it fills in
 * the way the training data does.
 */
public final class BuiltinPromptUpsampler implements PromptUpsampler {
  private final BuiltinFuserModel model;

  public BuiltinPromptUpsampler(BuiltinFuserModel model) {
    this.model = model;
  }

  public static BuiltinPromptUpsampler embedded(int batchSize) {
    return new BuiltinPromptUpsampler(BuiltinFuserModel.load(FuserModel.unpackEmbedded(), "builtin", batchSize));
  }

  public static BuiltinPromptUpsampler local(Path dir, int batchSize) {
    return new BuiltinPromptUpsampler(BuiltinFuserModel.load(dir, "local", batchSize));
  }

  @Override
  public ModelRef model() {
    return model.model();
  }

  @Override
  public PromptTemplate prompt() {
    return model.prompt();
  }

  @Override
  public Session open() {
    BuiltinFuserModel.Decoder decoder = model.open();
    return new Session() {
      @Override
      public List<Generation> upsample(List<String> shortPrompts) {
        return decoder.generate(shortPrompts.stream().map(model.tokens()::prompt).toList());
      }

      @Override
      public void close() {
        decoder.close();
      }
    };
  }

  @Override
  public void close() {
    model.close();
  }
}
