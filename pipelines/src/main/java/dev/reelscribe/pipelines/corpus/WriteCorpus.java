package dev.reelscribe.pipelines.corpus;

import dev.reelscribe.pipelines.io.WriteRecords;
import dev.reelscribe.schemas.Clip;
import dev.reelscribe.schemas.CorpusRecord;
import dev.reelscribe.schemas.DenseCaption;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * The corpus of a run (DESIGN.md "Corpus layout"): kept clips joined with their dense captions
 * ({@link BuildCorpus}), written as the formats the {@link CorpusSpec} asks for:
 *
 * <pre>
 * OUT/corpus/part-*.parquet        CorpusRecord (Avro schema)
 * OUT/corpus/part-*.jsonl          the same, one JSON object a line
 * OUT/webdataset/shard-*.tar       &lt;clipId&gt;.mp4 + .txt + .json ({@link WriteWebDataset})
 * OUT/cogvideox/                   prompts.txt, videos.txt, videos/ ({@link WriteCogVideoX})
 * </pre>
 */
public final class WriteCorpus {
  private WriteCorpus() {}

  public static PCollection<CorpusRecord> apply(PCollection<Clip> kept, PCollection<DenseCaption> captions,
      CorpusSpec spec, String output) {
    return apply(kept, captions, spec, output, output);
  }

  /**
   * As above, with the sharded outputs and index files under {@code staging} (published when the run
   * commits, {@link dev.reelscribe.pipelines.io.RunOutput}) and the per-clip CogVideoX videos under
   * {@code output} directly.
   */
  public static PCollection<CorpusRecord> apply(PCollection<Clip> kept, PCollection<DenseCaption> captions,
      CorpusSpec spec, String staging, String output) {
    PCollection<CorpusRecord> records = kept.apply("BuildCorpus", BuildCorpus.with(captions, spec.provenance()))
        .apply("CountCorpusRecords", ParDo.of(new CountFn()))
        .setCoder(org.apache.beam.sdk.extensions.avro.coders.AvroCoder.of(CorpusRecord.class));
    boolean parquet = spec.formats().contains(CorpusSpec.Format.PARQUET);
    boolean jsonl = spec.formats().contains(CorpusSpec.Format.JSONL);
    if (parquet || jsonl) {
      WriteRecords<CorpusRecord> write = WriteRecords.to(staging + "/corpus", CorpusRecord.getClassSchema());
      records.apply("WriteCorpusRecords", parquet && jsonl ? write : parquet ? write.withoutJsonl() : write.withoutParquet());
    }
    if (spec.formats().contains(CorpusSpec.Format.WEBDATASET)) {
      records.apply("WriteWebDataset", WriteWebDataset.to(staging + "/webdataset", spec.maxShardBytes()));
    }
    if (spec.formats().contains(CorpusSpec.Format.COGVIDEOX)) {
      records.apply("WriteCogVideoX", WriteCogVideoX.to(staging + "/cogvideox", output + "/cogvideox/videos", spec.layout(), spec.reuseVideos()));
    }
    return records;
  }

  static final class CountFn extends DoFn<CorpusRecord, CorpusRecord> {
    private static final long serialVersionUID = 1L;
    private final Counter records = CorpusMetrics.counter(CorpusMetrics.RECORDS);

    @ProcessElement
    public void process(@Element CorpusRecord r, OutputReceiver<CorpusRecord> out) {
      records.inc();
      out.output(r);
    }
  }
}
