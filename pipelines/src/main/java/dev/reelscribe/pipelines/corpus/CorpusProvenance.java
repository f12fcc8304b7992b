package dev.reelscribe.pipelines.corpus;

import dev.reelscribe.schemas.DenseCaption;
import dev.reelscribe.schemas.FrameCaption;
import dev.reelscribe.schemas.ModelRef;
import dev.reelscribe.schemas.Provenance;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every corpus record of one run says about how it was made: the pipeline version, the hash of
 * the run's configuration and the run's start time; the model ids and prompt version come from
 * the record's own dense caption (a resumed run may hold records of several).
 *
 * @param pipelineVersion the build's version
 * @param configHash SHA-256 (hex) of the canonical extraction and captioning configuration
 * @param createdAtMillis when the run started
 */
public record CorpusProvenance(String pipelineVersion, String configHash, long createdAtMillis) implements Serializable {
  public static final String FRAME_CAPTIONER = "frame-captioner";
  public static final String FUSER = "fuser";

  public Provenance of(DenseCaption caption) {
    Map<String, String> models = new TreeMap<>();
    for (FrameCaption frame : caption.getFrameCaptions()) {
      models.put(FRAME_CAPTIONER, id(frame.getModel()));
    }
    models.put(FUSER, id(caption.getModel()));
    return Provenance.newBuilder()
        .setPipelineVersion(pipelineVersion)
        .setConfigHash(configHash)
        .setModelIds(Map.copyOf(models))
        .setPromptVersion(caption.getPromptVersion().toString())
        .setCreatedAtMillis(java.time.Instant.ofEpochMilli(createdAtMillis))
        .build();
  }

  static String id(ModelRef ref) {
    return ref.getBackend() + ":" + ref.getModelId() + "@" + ref.getVersion();
  }
}
