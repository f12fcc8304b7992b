package dev.reelscribe.generator.data;

import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The synthworld clips the built-in generator learns and is graded on: single shots with one
 * object, no text, no static, a still camera, {@code size×size} at 8 fps, {@code frames} frames
 * (4k+1). Clip {@code i} of a seed is the {@code i}-th single-object script of that seed, so seeds
 * give disjoint held-out sets.
 *
 * @param size frame side in pixels
 * @param frames frames per clip, 4k+1
 */
public record GeneratorWorld(int size, int frames) {
  public GeneratorWorld {
    if (size < 32 || size % 16 != 0) {
      throw new IllegalArgumentException("size must be a multiple of 16, at least 32, got " + size);
    }
    if (frames < 9 || (frames - 1) % 4 != 0) {
      throw new IllegalArgumentException("frames must be 4k+1 and at least 9, got " + frames);
    }
  }

  /** 64x64, 17 frames: what the built-in generator is trained at. */
  public static GeneratorWorld builtin() {
    return new GeneratorWorld(64, 17);
  }

  public WorldConfig config() {
    return WorldConfig.defaults().withSize(size, size).withFrames(frames).withFps(8).plain();
  }

  /** The first {@code count} single-object scripts of {@code seed}. */
  public List<SceneScript> scripts(long seed, int count) {
    ScriptGenerator generator = new ScriptGenerator(config(), seed);
    List<SceneScript> out = new ArrayList<>(count);
    for (long i = 0; out.size() < count; i++) {
      SceneScript script = generator.script(i);
      if (script.parts().size() == 1 && script.parts().get(0).objects().size() == 1) {
        out.add(script);
      }
    }
    return out;
  }
}
