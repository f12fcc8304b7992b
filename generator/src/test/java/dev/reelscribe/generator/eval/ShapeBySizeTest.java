package dev.reelscribe.generator.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.script.Motion;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.Shape;
import dev.reelscribe.synthworld.script.SizeClass;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeBySizeTest {
  private static ClipGrader.Grade clip(SizeClass size, boolean shape) {
    MotionTrack.Direction none = new MotionTrack.Direction(0, 0);
    SceneObject object = new SceneObject(Shape.CIRCLE, Colour.BLUE, size, 0.5, 0.5, Motion.still(), 0);
    return new ClipGrader.Grade(true, shape, true, List.of(), none, object);
  }

  @Test
  void eachClipCountsUnderItsObjectsSize() {
    ShapeBySize t = ShapeBySize.NONE
        .add(clip(SizeClass.SMALL, false))
        .add(clip(SizeClass.SMALL, false))
        .add(clip(SizeClass.SMALL, true))
        .add(clip(SizeClass.LARGE, true));
    assertThat(t.clips(SizeClass.SMALL)).isEqualTo(3);
    assertThat(t.right(SizeClass.SMALL)).isEqualTo(1);
    assertThat(t.clips(SizeClass.MEDIUM)).isZero();
    assertThat(t.right(SizeClass.LARGE)).isEqualTo(1);
    assertThat(t.cells()).isEqualTo("1/3 small, 0/0 medium, 1/1 large");
    assertThat(t.json().toString())
        .isEqualTo("{\"small\":{\"right\":1,\"clips\":3},\"medium\":{\"right\":0,\"clips\":0},"
            + "\"large\":{\"right\":1,\"clips\":1}}");
  }

  @Test
  void addingLeavesTheTallyItWasAddedToAsItWas() {
    ShapeBySize one = ShapeBySize.NONE.add(clip(SizeClass.MEDIUM, true));
    one.add(clip(SizeClass.MEDIUM, false));
    assertThat(one).isEqualTo(ShapeBySize.NONE.add(clip(SizeClass.MEDIUM, true)));
    assertThat(ShapeBySize.NONE.clips(SizeClass.MEDIUM)).isZero();
  }
}
