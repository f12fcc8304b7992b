package dev.reelscribe.fuser.builtin;

import dev.reelscribe.fuser.CaptionFuser;
import dev.reelscribe.fuser.FusionInput;
import dev.reelscribe.fuser.Generation;
import java.nio.file.Path;
import java.util.List;

/**
 * The built-in caption fuser: {@link BuiltinFuserModel} reading a clip's timestamped frame
 * captions. The short caption of a {@link FusionInput} is not read: the model was trained on frame
 * captions alone.
 */
public final class BuiltinCaptionFuser extends BuiltinFuserRole implements CaptionFuser {
  public BuiltinCaptionFuser(BuiltinFuserModel model) {
    super(model);
  }

  /** The committed weights. */
  public static BuiltinCaptionFuser embedded(int batchSize) {
    return new BuiltinCaptionFuser(BuiltinFuserModel.load(FuserModel.unpackEmbedded(), "builtin", batchSize));
  }

  /** A model directory written by {@code reelscribe train fuser}. */
  public static BuiltinCaptionFuser local(Path dir, int batchSize) {
    return new BuiltinCaptionFuser(BuiltinFuserModel.load(dir, "local", batchSize));
  }

  @Override
  public Session open() {
    BuiltinFuserModel.Decoder decoder = model.open();
    return new Session() {
      @Override
      public List<Generation> fuse(List<FusionInput> clips) {
        return decoder.generate(clips.stream().map(model.tokens()::input).toList());
      }

      @Override
      public void close() {
        decoder.close();
      }
    };
  }
}
