package dev.reelscribe.pipelines.corpus;

import dev.reelscribe.pipelines.io.LocalCopy;
import dev.reelscribe.pipelines.records.AvroJson;
import dev.reelscribe.schemas.CorpusRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
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
 * Writes corpus records as WebDataset shards, the format video training loaders stream: {@code
 * OUT/webdataset/shard-000000.tar, …}, each a ustar archive of samples {@code <clipId>.mp4} (the
 * clip), {@code <clipId>.txt} (the dense caption) and {@code <clipId>.json} (the whole record).
 *
 * <ol>
 *   <li>Measure each sample's bytes in the archive (the clip file's size from the filesystem).
 *   <li>Plan the shards in one place: samples in clip-id order, a new shard whenever the next sample
 *       would take the current one past {@code maxShardBytes} (a sample larger than that gets a shard
 *       of its own). Only ids and sizes meet there, so the plan scales to millions of clips.
 *   <li>Write the shards in parallel, each to a temporary name and renamed into place: a retried
 *       bundle rewrites the same bytes, and no reader ever sees half a shard.
 * </ol>
 *
 * The same records always make the same shards, byte for byte. Output: one line per shard, {@code
 * name samples bytes}.
 */
public final class WriteWebDataset extends PTransform<PCollection<CorpusRecord>, PCollection<String>> {
  private static final long serialVersionUID = 1L;
  static final TupleTag<CorpusRecord> RECORD = new TupleTag<>() {};
  static final TupleTag<Integer> SHARD = new TupleTag<>() {};

  private final String directory;
  private final long maxShardBytes;

  private WriteWebDataset(String directory, long maxShardBytes) {
    if (maxShardBytes < TarWriter.BLOCK * 4L) {
      throw new IllegalArgumentException("a shard must be allowed at least 2 KiB, got " + maxShardBytes);
    }
    this.directory = directory;
    this.maxShardBytes = maxShardBytes;
  }

  public static WriteWebDataset to(String directory, long maxShardBytes) {
    return new WriteWebDataset(directory, maxShardBytes);
  }

  /** The shard's file name. */
  public static String shardName(int index) {
    return String.format(Locale.ROOT, "shard-%06d.tar", index);
  }

  @Override
  public PCollection<String> expand(PCollection<CorpusRecord> records) {
    PCollection<KV<String, CorpusRecord>> keyed = records.apply("KeyRecords",
        WithKeys.of((CorpusRecord r) -> r.getClip().getClipId().toString()).withKeyType(TypeDescriptors.strings()));
    PCollection<KV<String, Integer>> plan = keyed
        .apply("MeasureSamples", ParDo.of(new MeasureFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("AllSizes", WithKeys.of(""))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
        .apply("GatherSizes", GroupByKey.create())
        .apply("PlanShards", ParDo.of(new PlanFn(maxShardBytes)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()));
    return KeyedPCollectionTuple.of(RECORD, keyed).and(SHARD, plan)
        .apply("JoinPlan", CoGroupByKey.create())
        .apply("KeyByShard", ParDo.of(new ByShardFn()))
        .setCoder(KvCoder.of(VarIntCoder.of(), AvroCoder.of(CorpusRecord.class)))
        .apply("GroupShards", GroupByKey.create())
        .apply("WriteShards", ParDo.of(new WriteShardFn(directory)));
  }

  /** A sample's parts: caption text and record JSON (the clip comes from its file). */
  static byte[] text(CorpusRecord r) {
    return r.getCaption().getText().toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] json(CorpusRecord r) {
    return AvroJson.toJsonLine(r).getBytes(StandardCharsets.UTF_8);
  }

  static String clipUri(CorpusRecord r) {
    CharSequence uri = r.getClip().getClipUri();
    if (uri == null) {
      throw new IllegalArgumentException("clip " + r.getClip().getClipId() + " has no clip file; WebDataset "
          + "and CogVideoX outputs need encoded clips (do not pass --no-clips)");
    }
    return uri.toString();
  }

  static final class MeasureFn extends DoFn<KV<String, CorpusRecord>, KV<String, Long>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, CorpusRecord> e, OutputReceiver<KV<String, Long>> out) throws IOException {
      CorpusRecord r = e.getValue();
      long video = FileSystems.matchSingleFileSpec(clipUri(r)).sizeBytes();
      out.output(KV.of(e.getKey(),
          TarWriter.entrySize(video) + TarWriter.entrySize(text(r).length) + TarWriter.entrySize(json(r).length)));
    }
  }

  static final class PlanFn extends DoFn<KV<String, Iterable<KV<String, Long>>>, KV<String, Integer>> {
    private static final long serialVersionUID = 1L;
    private final long maxShardBytes;

    PlanFn(long maxShardBytes) {
      this.maxShardBytes = maxShardBytes;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, Long>>> all, OutputReceiver<KV<String, Integer>> out) {
      List<KV<String, Long>> sizes = new ArrayList<>();
      all.getValue().forEach(sizes::add);
      sizes.sort(Comparator.comparing(KV::getKey));
      int shard = 0;
      long used = 0;
      for (KV<String, Long> s : sizes) {
        // the two zero blocks that end every archive count against the bound too
        if (used > 0 && used + s.getValue() + 2L * TarWriter.BLOCK > maxShardBytes) {
          shard++;
          used = 0;
        }
        used += s.getValue();
        out.output(KV.of(s.getKey(), shard));
      }
    }
  }

  static final class ByShardFn extends DoFn<KV<String, CoGbkResult>, KV<Integer, CorpusRecord>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<KV<Integer, CorpusRecord>> out) {
      CorpusRecord r = e.getValue().getOnly(RECORD, null);
      Integer shard = e.getValue().getOnly(SHARD, null);
      if (r != null && shard != null) {
        out.output(KV.of(shard, r));
      }
    }
  }

  static final class WriteShardFn extends DoFn<KV<Integer, Iterable<CorpusRecord>>, String> {
    private static final long serialVersionUID = 1L;
    private final String directory;

    WriteShardFn(String directory) {
      this.directory = directory;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<CorpusRecord>> shard, OutputReceiver<String> out)
        throws IOException {
      List<CorpusRecord> records = new ArrayList<>();
      shard.getValue().forEach(records::add);
      records.sort(Comparator.comparing(r -> r.getClip().getClipId().toString()));
      String name = shardName(shard.getKey());
      Path local = Files.createTempFile("reelscribe-", "-" + name);
      try {
        long bytes;
        try (OutputStream file = Files.newOutputStream(local); TarWriter tar = new TarWriter(file)) {
          for (CorpusRecord r : records) {
            String id = r.getClip().getClipId().toString();
            try (LocalCopy clip = LocalCopy.of(clipUri(r)); InputStream video = Files.newInputStream(clip.path())) {
              tar.add(id + ".mp4", video, clip.size());
            }
            tar.add(id + ".txt", text(r));
            tar.add(id + ".json", json(r));
          }
          bytes = tar.size() + 2L * TarWriter.BLOCK;
        }
        LocalCopy.publish(local, directory + "/" + name);
        out.output(name + " " + records.size() + " " + bytes);
      } finally {
        Files.deleteIfExists(local);
      }
    }
  }
}
