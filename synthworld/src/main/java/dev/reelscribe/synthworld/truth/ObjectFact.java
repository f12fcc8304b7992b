package dev.reelscribe.synthworld.truth;

import dev.reelscribe.synthworld.script.Cell;
import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.Shape;
import dev.reelscribe.synthworld.script.SizeClass;
import java.util.Set;

/**
 * What is true of one object, for grading.
 *
 * @param part the scene part it belongs to
 * @param sizes every size a caption may correctly give it
 * @param cells every cell a caption may correctly place it in
 * @param mainCells the cells a caption must name one of to be credited with its position: at frame
 *     level where it is, at clip level where it starts (with a tolerance band at cell borders)
 * @param motion what it does; null at frame level
 * @param required whether a caption must mention it (false for an object mostly hidden in a frame)
 */
public record ObjectFact(
    int part, Shape shape, Colour colour, Set<SizeClass> sizes, Set<Cell> cells, Set<Cell> mainCells,
    MotionKind motion, boolean required) {}
