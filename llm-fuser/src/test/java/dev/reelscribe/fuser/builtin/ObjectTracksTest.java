package dev.reelscribe.fuser.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.fuser.TimedCaption;
import dev.reelscribe.fuser.builtin.ObjectTracks.Sighting;
import dev.reelscribe.fuser.builtin.ObjectTracks.Track;
import dev.reelscribe.fuser.train.FusionExamples;
import dev.reelscribe.synthworld.script.Cell;
import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.SizeClass;
import dev.reelscribe.synthworld.truth.FrameCaptionWriter;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.OnScreen;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectTracksTest {
  @Test
  void aColourIsOneTrackWithItsSizeAndCellInEachFrameOrAbsent() {
    List<Track> tracks = ObjectTracks.of(List.of(
        new TimedCaption(0.5, "A large red circle in the top left and a small blue star at the bottom on a plain navy background."),
        new TimedCaption(1.5, "A plain navy background with a large red hexagon in the top."),
        new TimedCaption(2.5, "TV static fills the frame."),
        new TimedCaption(3.5, "A medium red circle on the right. The subtitle \"LIVE\" is at the bottom.")));
    assertThat(tracks).extracting(Track::colour).containsExactly(Colour.RED, Colour.BLUE);
    assertThat(tracks.get(0).frames()).containsExactly(new Sighting(SizeClass.LARGE, Cell.TOP_LEFT),
        new Sighting(SizeClass.LARGE, Cell.TOP), null, new Sighting(SizeClass.MEDIUM, Cell.RIGHT));
    assertThat(tracks.get(1).frames()).containsExactly(new Sighting(SizeClass.SMALL, Cell.BOTTOM), null, null, null);
  }

  @Test
  void wordsInAnotherWordingYieldNoTracks() {
    assertThat(ObjectTracks.of(List.of(new TimedCaption(0, "A red car drives past a large tree on the left."),
        new TimedCaption(1, "A small red circle somewhere.")))).isEmpty();
  }

  @Test
  void synthworldsOwnFrameCaptionsGiveEveryDescribedObjectsSizeAndCell() {
    ScriptGenerator generator = new ScriptGenerator(WorldConfig.defaults(), 77);
    int checked = 0;
    for (int i = 0; i < 40; i++) {
      SceneScript script = generator.script(i);
      int[] frames = FusionExamples.frames(script, 8);
      List<TimedCaption> captions = new ArrayList<>();
      List<Map<Colour, Sighting>> truth = new ArrayList<>();
      for (int frame : frames) {
        FrameLayout layout = FrameLayout.of(script, frame);
        captions.add(new TimedCaption(frame / script.fps(), FrameCaptionWriter.canonical(layout)));
        Map<Colour, Sighting> seen = new HashMap<>();
        for (OnScreen o : FrameCaptionWriter.described(layout)) {
          seen.put(o.object().colour(), new Sighting(o.apparentSize(), o.cell()));
        }
        truth.add(seen);
      }
      for (Track track : ObjectTracks.of(captions)) {
        for (int f = 0; f < frames.length; f++) {
          assertThat(track.frames().get(f)).as("clip %d frame %d %s", i, f, track.colour())
              .isEqualTo(truth.get(f).get(track.colour()));
          checked += track.frames().get(f) == null ? 0 : 1;
        }
      }
    }
    assertThat(checked).isGreaterThan(200);
  }
}
