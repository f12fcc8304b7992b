package dev.reelscribe.synthworld.world;

import dev.reelscribe.synthworld.script.Shape;
import java.util.EnumMap;
import java.util.Map;

/**
 * The outline of every shape in its own unit frame (radius 1, y down, not rotated). The renderer
 * draws these outlines and {@link Visibility} tests points against the same ones, so what the truth
 * says is visible is what was drawn.
 */
public final class ShapeGeometry {
  /** Inner radius of a ring, as a fraction of its outer radius. */
  public static final double RING_INNER = 0.55;

  private static final Map<Shape, double[][]> POLYGONS = new EnumMap<>(Shape.class);

  static {
    POLYGONS.put(Shape.SQUARE, new double[][] {{-0.8, -0.8}, {0.8, -0.8}, {0.8, 0.8}, {-0.8, 0.8}});
    POLYGONS.put(Shape.TRIANGLE, regular(3, 1.0, -Math.PI / 2, 0.25));
    POLYGONS.put(Shape.DIAMOND, new double[][] {{0, -1}, {0.7, 0}, {0, 1}, {-0.7, 0}});
    POLYGONS.put(Shape.HEXAGON, regular(6, 0.95, 0, 0));
    POLYGONS.put(Shape.STAR, star());
    double a = 0.32;
    double b = 0.9;
    POLYGONS.put(Shape.CROSS, new double[][] {
        {-a, -b}, {a, -b}, {a, -a}, {b, -a}, {b, a}, {a, a}, {a, b}, {-a, b}, {-a, a}, {-b, a}, {-b, -a}, {-a, -a}});
  }

  private ShapeGeometry() {}

  private static double[][] regular(int n, double radius, double phase, double dy) {
    double[][] p = new double[n][];
    for (int i = 0; i < n; i++) {
      double t = phase + 2 * Math.PI * i / n;
      p[i] = new double[] {radius * Math.cos(t), radius * Math.sin(t) + dy};
    }
    return p;
  }

  private static double[][] star() {
    double[][] p = new double[10][];
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? 1.0 : 0.45;
      double t = -Math.PI / 2 + Math.PI * i / 5;
      p[i] = new double[] {r * Math.cos(t), r * Math.sin(t) + 0.08};
    }
    return p;
  }

  /** The polygon of a shape, or null for the circle and ring, which are drawn as circles. */
  public static double[][] polygon(Shape shape) {
    double[][] p = POLYGONS.get(shape);
    if (p == null) {
      return null;
    }
    double[][] copy = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      copy[i] = p[i].clone();
    }
    return copy;
  }

  /** Whether the point (u, v) of the shape's unit frame is inside it. */
  public static boolean contains(Shape shape, double u, double v) {
    double rr = u * u + v * v;
    switch (shape) {
      case CIRCLE:
        return rr <= 1;
      case RING:
        return rr <= 1 && rr >= RING_INNER * RING_INNER;
      default:
        return insidePolygon(POLYGONS.get(shape), u, v);
    }
  }

  private static boolean insidePolygon(double[][] p, double u, double v) {
    boolean inside = false;
    for (int i = 0, j = p.length - 1; i < p.length; j = i++) {
      double xi = p[i][0];
      double yi = p[i][1];
      double xj = p[j][0];
      double yj = p[j][1];
      if ((yi > v) != (yj > v) && u < (xj - xi) * (v - yi) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  }
}
