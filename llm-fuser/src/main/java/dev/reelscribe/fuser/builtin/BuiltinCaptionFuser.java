package dev.reelscribe.fuser.builtin;

import dev.reelscribe.fuser.CaptionFuser;
import dev.reelscribe.fuser.FusionInput;
import dev.reelscribe.fuser.Generation;
import dev.reelscribe.schemas.ModelRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in caption fuser: {@link BuiltinFuserModel} reading a clip's timestamped frame
 * captions. The short caption of a {@link FusionInput} is not read: the model was trained on frame
 * captions alone. With a {@link MotionTable} in the model directory, each fused description's motions
 * are checked against the frame captions' evidence ({@link MotionCheck}); the version says {@code
 * +motions}.
 */
public final class BuiltinCaptionFuser extends BuiltinFuserRole implements CaptionFuser {
  private final MotionCheck motionCheck;
  private final ModelRef ref;

  /** @param motions the directory's motion table, if it has one: the fused motions are checked against it */
  public BuiltinCaptionFuser(BuiltinFuserModel model, Optional<MotionTable> motions) {
    super(model);
    this.motionCheck = motions.map(MotionCheck::new).orElse(null);
    this.ref = motions.isEmpty() ? model.model()
        : ModelRef.newBuilder(model.model()).setVersion(model.model().getVersion() + "+motions").build();
  }

  /** The committed weights. */
  public static BuiltinCaptionFuser embedded(int batchSize) {
    return local(FuserModel.unpackEmbedded(), "builtin", batchSize);
  }

  /** A model directory written by {@code reelscribe train fuser}. */
  public static BuiltinCaptionFuser local(Path dir, int batchSize) {
    return local(dir, "local", batchSize);
  }

  private static BuiltinCaptionFuser local(Path dir, String backend, int batchSize) {
    try {
      return new BuiltinCaptionFuser(BuiltinFuserModel.load(dir, backend, batchSize), MotionTable.read(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the motion table in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public ModelRef model() {
    return ref;
  }

  @Override
  public Session open() {
    BuiltinFuserModel.Decoder decoder = model.open();
    return new Session() {
      @Override
      public List<Generation> fuse(List<FusionInput> clips) {
        List<Generation> out = decoder.generate(clips.stream().map(model.tokens()::input).toList());
        if (motionCheck == null) {
          return out;
        }
        List<Generation> checked = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
          checked.add(out.get(i) instanceof Generation.Text t
              ? new Generation.Text(motionCheck.check(t.text(), clips.get(i).frames()), t.complete())
              : out.get(i));
        }
        return checked;
      }

      @Override
      public void close() {
        decoder.close();
      }
    };
  }
}
