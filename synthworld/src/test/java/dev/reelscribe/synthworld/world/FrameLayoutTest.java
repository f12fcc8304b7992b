package dev.reelscribe.synthworld.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.synthworld.script.Background;
import dev.reelscribe.synthworld.script.BackgroundColour;
import dev.reelscribe.synthworld.script.BackgroundKind;
import dev.reelscribe.synthworld.script.CameraMotion;
import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.script.Motion;
import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.ScenePart;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.Shape;
import dev.reelscribe.synthworld.script.SizeClass;
import dev.reelscribe.synthworld.script.Speed;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameLayoutTest {
  static SceneScript script(CameraMotion camera, SceneObject... objects) {
    ScenePart part = new ScenePart(0, new Background(BackgroundKind.SOLID, BackgroundColour.NAVY, null), camera,
        List.of(objects));
    return new SceneScript("t", 0, 128, 128, 8, 33, List.of(part), null, null);
  }

  static SceneObject object(Shape shape, Colour colour, SizeClass size, double x, double y, MotionKind m, int depth) {
    return new SceneObject(shape, colour, size, x, y, new Motion(m, Speed.SLOW), depth);
  }

  @Test
  void aNearerObjectHidesPartOfAFartherOne() {
    SceneObject back = object(Shape.SQUARE, Colour.RED, SizeClass.MEDIUM, 0.5, 0.5, MotionKind.STILL, 0);
    SceneObject front = object(Shape.CIRCLE, Colour.BLUE, SizeClass.MEDIUM, 0.55, 0.5, MotionKind.STILL, 1);
    List<OnScreen> objects = FrameLayout.of(script(CameraMotion.STILL, back, front), 0).objects();
    assertThat(objects.get(0).object()).isEqualTo(back);
    assertThat(objects.get(0).visible()).isLessThan(0.6);
    assertThat(objects.get(1).visible()).isEqualTo(1.0);
  }

  @Test
  void movingObjectsMoveTheWayTheirMotionSays() {
    SceneObject o = object(Shape.STAR, Colour.GREEN, SizeClass.SMALL, 0.7, 0.3, MotionKind.DOWN_LEFT, 0);
    SceneScript s = script(CameraMotion.STILL, o);
    Pose start = FrameLayout.of(s, 0).objects().get(0).pose();
    Pose end = FrameLayout.of(s, 32).objects().get(0).pose();
    assertThat(end.x()).isLessThan(start.x() - 0.1);
    assertThat(end.y()).isGreaterThan(start.y() + 0.1);
  }

  @Test
  void panningLeftMovesStillObjectsRightOnScreenAndZoomingInEnlargesThem() {
    SceneObject o = object(Shape.STAR, Colour.GREEN, SizeClass.SMALL, 0.5, 0.5, MotionKind.STILL, 0);
    Pose panned = FrameLayout.of(script(CameraMotion.PAN_LEFT, o), 32).objects().get(0).pose();
    assertThat(panned.x()).isGreaterThan(0.7);
    Pose zoomed = FrameLayout.of(script(CameraMotion.ZOOM_IN, o), 32).objects().get(0).pose();
    assertThat(zoomed.radius()).isGreaterThan(o.size().radius() * 1.3);
  }

  @Test
  void anObjectPannedOutOfViewIsNotVisible() {
    SceneObject o = object(Shape.SQUARE, Colour.RED, SizeClass.SMALL, 0.93, 0.5, MotionKind.STILL, 0);
    SceneScript s = script(CameraMotion.PAN_LEFT, o);
    assertThat(FrameLayout.of(s, 0).objects().get(0).visible()).isEqualTo(1.0);
    assertThat(FrameLayout.of(s, 32).objects().get(0).visible()).isZero();
  }

  @Test
  void shapesContainTheirCentreAndNotFarPoints() {
    for (Shape shape : Shape.values()) {
      assertThat(ShapeGeometry.contains(shape, 0.95, 0.95)).as(shape.word()).isFalse();
      if (shape != Shape.RING) {
        assertThat(ShapeGeometry.contains(shape, 0, 0.05)).as(shape.word()).isTrue();
      }
    }
    assertThat(ShapeGeometry.contains(Shape.RING, 0, 0)).isFalse();
    assertThat(ShapeGeometry.contains(Shape.RING, 0.8, 0)).isTrue();
  }
}
