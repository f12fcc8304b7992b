package dev.reelscribe.fuser.builtin;

import dev.reelscribe.captioner.builtin.Vocabulary;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.truth.DescriptionWriter;
import dev.reelscribe.synthworld.truth.PromptWriter;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The word vocabulary of the built-in fuser: every word of synthworld's frame captions and short
 * prompts (its inputs) and of the canonical dense descriptions (its output). The description words are collected from
 * the canonical descriptions of a fixed set of scripts — plain ones, and ones with every event (cut,
 * text, static, camera motion) switched on — which between them use every phrase the writer has; a
 * test checks that descriptions of other seeds need no unknown word.
 */
public final class FuserVocabulary {
  private static final long VOCABULARY_SEED = 7_340_033L;
  private static final int SCRIPTS_PER_WORLD = 1500;

  private FuserVocabulary() {}

  private static final class Holder {
    static final Vocabulary SYNTHWORLD = build();
  }

  /** Built once per JVM (it renders the layouts of 4,500 scripts, about ten seconds). */
  public static Vocabulary synthworld() {
    return Holder.SYNTHWORLD;
  }

  private static Vocabulary build() {
    List<String> texts = new ArrayList<>(Vocabulary.synthworld().tokens());
    for (WorldConfig world : List.of(WorldConfig.defaults(), WorldConfig.defaults().withProbabilities(1, 1, 1, 1),
        WorldConfig.defaults().withProbabilities(0, 0, 0, 0))) {
      ScriptGenerator generator = new ScriptGenerator(world, VOCABULARY_SEED);
      SplittableRandom random = new SplittableRandom(VOCABULARY_SEED);
      for (int i = 0; i < SCRIPTS_PER_WORLD; i++) {
        SceneScript script = generator.script(i);
        texts.add(DescriptionWriter.canonical(script));
        texts.add(PromptWriter.prompt(script, random));
      }
    }
    return Vocabulary.of(texts);
  }
}
