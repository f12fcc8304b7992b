package dev.reelscribe.synthworld.truth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClipTruthTest {
  private final ScriptGenerator gen = new ScriptGenerator(WorldConfig.defaults(), 13);

  @Test
  void truthIsDeterministicAndCoversEveryFrame() {
    SceneScript s = gen.script(4);
    ClipTruth a = ClipTruth.of(s);
    ClipTruth b = ClipTruth.of(gen.script(4));
    assertThat(a).isEqualTo(b);
    assertThat(a.frames()).hasSize(s.frames());
    assertThat(a.frames().get(8).timestampSeconds()).isEqualTo(1.0);
    assertThat(a.description()).isNotBlank();
    assertThat(a.prompt().length()).isLessThan(a.description().length());
  }

  @Test
  void descriptionsVaryInShapeNotOnlyInContent() {
    Set<String> openings = new HashSet<>();
    Set<String> skeletons = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String d = ClipTruth.of(gen.script(i)).description();
      openings.add(d.substring(0, d.indexOf(' ', d.indexOf(' ') + 1)));
      skeletons.add(d.replaceAll("\\b(red|orange|yellow|green|cyan|blue|purple|pink|white|brown)\\b", "C"));
    }
    assertThat(openings).hasSizeGreaterThanOrEqualTo(4);
    assertThat(skeletons).hasSize(100);
  }

  @Test
  void theCanonicalDescriptionHasOneWordingForTheSameContent() {
    String a = DescriptionWriter.canonical(gen.script(1));
    assertThat(a).isEqualTo(DescriptionWriter.canonical(gen.script(1)));
    Set<String> openings = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      String d = DescriptionWriter.canonical(gen.script(i));
      openings.add(d.substring(0, d.indexOf(' ', d.indexOf(' ') + 1)));
      assertThat(d).doesNotContain(" while the ", " as the ", "gently", "swiftly");
    }
    assertThat(openings).containsExactly("The video");
  }

  @Test
  void theDescriptionTellsEventsInOrder() {
    ScriptGenerator cuts = new ScriptGenerator(WorldConfig.defaults().withProbabilities(1, 1, 0, 0), 3);
    SceneScript s = cuts.script(0);
    String d = ClipTruth.of(s).description();
    String second = s.parts().get(1).objects().get(0).name();
    int cut = d.indexOf("cuts to");
    assertThat(cut).isPositive();
    assertThat(d.indexOf(second, cut)).isGreaterThan(cut);
    assertThat(d).contains("\"" + s.text().text() + "\"");
  }
}
