package dev.reelscribe.pipelines.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.schemas.Clip;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A record's JSON line does not depend on the order its map entries happen to be in. */
class AvroJsonTest {
  private static Clip clip(Map<String, Double> scores) {
    return Clip.newBuilder().setClipId("c").setSourceUri("v.mp4").setShotIndex(0).setPieceIndex(0)
        .setStartFrame(0).setEndFrame(8).setStartSeconds(0).setEndSeconds(1).setWidth(8).setHeight(8).setFps(8)
        .setScores(scores).setTags(List.of()).setClipUri(null).build();
  }

  @Test
  void mapEntriesAreWrittenInKeyOrder() {
    Map<String, Double> forward = new LinkedHashMap<>();
    forward.put("brightness", 1.0);
    forward.put("motion", 2.0);
    forward.put("sharpness", 3.0);
    Map<String, Double> backward = new LinkedHashMap<>();
    backward.put("sharpness", 3.0);
    backward.put("motion", 2.0);
    backward.put("brightness", 1.0);

    String line = AvroJson.toJsonLine(clip(backward));
    assertThat(line).isEqualTo(AvroJson.toJsonLine(clip(forward)))
        .contains("\"scores\":{\"brightness\":1.0,\"motion\":2.0,\"sharpness\":3.0}");
  }
}
