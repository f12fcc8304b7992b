package dev.reelscribe.fuser.builtin;

import dev.reelscribe.fuser.Generation;
import dev.reelscribe.fuser.PromptUpsampler;
import java.nio.file.Path;
import java.util.List;

/**
 * The built-in prompt upsampler: the same {@link BuiltinFuserModel} as the caption fuser, given a
 * short prompt after its prompt marker. It writes the canonical dense style the generator is
 * trained on; details the short prompt leaves open (where objects start, their sizes) it fills in
 * the way the training data does.
 */
public final class BuiltinPromptUpsampler extends BuiltinFuserRole implements PromptUpsampler {
  public BuiltinPromptUpsampler(BuiltinFuserModel model) {
    super(model);
  }

  public static BuiltinPromptUpsampler embedded(int batchSize) {
    return new BuiltinPromptUpsampler(BuiltinFuserModel.load(FuserModel.unpackEmbedded(), "builtin", batchSize));
  }

  public static BuiltinPromptUpsampler local(Path dir, int batchSize) {
    return new BuiltinPromptUpsampler(BuiltinFuserModel.load(dir, "local", batchSize));
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
}
