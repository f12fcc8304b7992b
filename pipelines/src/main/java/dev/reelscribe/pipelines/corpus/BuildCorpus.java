package dev.reelscribe.pipelines.corpus;

import dev.reelscribe.schemas.Clip;
import dev.reelscribe.schemas.CorpusRecord;
import dev.reelscribe.schemas.DenseCaption;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The training pairs: each kept clip joined with its dense caption by clip id, with provenance. A
 * clip without a dense caption (its fusion failed or was rejected; the reason is in {@code failed/})
 * is not a training pair.
 */
public final class BuildCorpus extends PTransform<PCollection<Clip>, PCollection<CorpusRecord>> {
  private static final long serialVersionUID = 1L;
  static final TupleTag<Clip> CLIP = new TupleTag<>() {};
  static final TupleTag<DenseCaption> CAPTION = new TupleTag<>() {};

  private final transient PCollection<DenseCaption> captions;
  private final CorpusProvenance provenance;

  private BuildCorpus(PCollection<DenseCaption> captions, CorpusProvenance provenance) {
    this.captions = captions;
    this.provenance = provenance;
  }

  public static BuildCorpus with(PCollection<DenseCaption> captions, CorpusProvenance provenance) {
    return new BuildCorpus(captions, provenance);
  }

  @Override
  public PCollection<CorpusRecord> expand(PCollection<Clip> kept) {
    var clips = kept.apply("KeyClips", WithKeys.of((Clip c) -> c.getClipId().toString())
        .withKeyType(TypeDescriptors.strings()));
    var dense = captions.apply("KeyDenseCaptions", WithKeys.of((DenseCaption c) -> c.getClipId().toString())
        .withKeyType(TypeDescriptors.strings()));
    return KeyedPCollectionTuple.of(CLIP, clips).and(CAPTION, dense)
        .apply("JoinClipAndCaption", CoGroupByKey.create())
        .apply("ToCorpusRecord", ParDo.of(new JoinFn(provenance)))
        .setCoder(AvroCoder.of(CorpusRecord.class));
  }

  static final class JoinFn extends DoFn<KV<String, CoGbkResult>, CorpusRecord> {
    private static final long serialVersionUID = 1L;
    private final CorpusProvenance provenance;

    JoinFn(CorpusProvenance provenance) {
      this.provenance = provenance;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, OutputReceiver<CorpusRecord> out) {
      Clip clip = joined.getValue().getOnly(CLIP, null);
      DenseCaption caption = joined.getValue().getOnly(CAPTION, null);
      if (clip != null && caption != null) {
        out.output(CorpusRecord.newBuilder().setClip(clip).setCaption(caption).setProvenance(provenance.of(caption))
            .build());
      }
    }
  }
}
