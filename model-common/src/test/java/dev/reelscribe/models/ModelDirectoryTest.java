package dev.reelscribe.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {
  private static final ModelDirectory A = new ModelDirectory("m", ModelDirectoryTest.class, "/dev/reelscribe/models/unpack/a/");
  private static final ModelDirectory B = new ModelDirectory("m", ModelDirectoryTest.class, "/dev/reelscribe/models/unpack/b/");

  @Test
  void theSameWeightsWithAnotherConfigUnpackToAnotherDirectory(@TempDir Path cache) throws Exception {
    Path a = A.unpackEmbedded(cache, "none");
    Path b = B.unpackEmbedded(cache, "none");
    assertThat(a).isNotEqualTo(b);
    assertThat(Files.readString(a.resolve("config.json"))).contains("plain");
    assertThat(Files.readString(b.resolve("config.json"))).contains("paired");
    assertThat(A.weightsHash(a)).as("the version stays the weights' hash").isEqualTo(B.weightsHash(b));
  }

  @Test
  void anUnpackedDirectoryIsReusedAndLacksNoFile(@TempDir Path cache) throws Exception {
    Path first = A.unpackEmbedded(cache, "none");
    Files.writeString(first.resolve("marker.txt"), "kept");
    Path second = A.unpackEmbedded(cache, "none");
    assertThat(second).isEqualTo(first);
    assertThat(second.resolve("marker.txt")).exists();
    assertThat(second.resolve("m-0000.params")).hasContent("weights");
    assertThat(second.resolve("serving.properties")).as("an optional file the jar lacks").doesNotExist();
  }
}
