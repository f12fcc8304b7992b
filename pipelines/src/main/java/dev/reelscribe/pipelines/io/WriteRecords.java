package dev.reelscribe.pipelines.io;

import dev.reelscribe.pipelines.records.AvroJson;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes a collection of Avro records to a directory as {@code part-*.parquet} and {@code
 * part-*.jsonl} (one JSON object a line), both through {@link FileIO#write()}, so every shard appears
 * atomically.
 *
 * <pre>{@code
 * clips.apply(WriteRecords.to("out/records/clips", Clip.getClassSchema()));
 * }</pre>
 */
public final class WriteRecords<T extends SpecificRecordBase> extends PTransform<PCollection<T>, PDone> {
  private static final long serialVersionUID = 1L;

  private final String directory;
  private final String schemaJson;
  private final boolean parquet;
  private final boolean jsonl;
  private final int shards;

  private WriteRecords(String directory, Schema schema, boolean parquet, boolean jsonl, int shards) {
    this.directory = directory;
    this.schemaJson = schema.toString();
    this.parquet = parquet;
    this.jsonl = jsonl;
    this.shards = shards;
  }

  public static <T extends SpecificRecordBase> WriteRecords<T> to(String directory, Schema schema) {
    return new WriteRecords<>(directory, schema, true, true, 0);
  }

  /** JSONL only (for small side outputs such as failures). */
  public WriteRecords<T> withoutParquet() {
    return new WriteRecords<>(directory, new Schema.Parser().parse(schemaJson), false, true, shards);
  }

  /** Parquet only. */
  public WriteRecords<T> withoutJsonl() {
    return new WriteRecords<>(directory, new Schema.Parser().parse(schemaJson), true, false, shards);
  }

  /** A fixed number of shards; 0 lets the runner choose. */
  public WriteRecords<T> withNumShards(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("shards must be >= 0, got " + n);
    }
    return new WriteRecords<>(directory, new Schema.Parser().parse(schemaJson), parquet, jsonl, n);
  }

  @Override
  public PDone expand(PCollection<T> records) {
    if (parquet) {
      records.apply("WriteParquet", FileIO.<T>write()
          .via(ParquetSink.of(new Schema.Parser().parse(schemaJson)))
          .to(directory)
          .withPrefix("part")
          .withSuffix(".parquet")
          .withNumShards(shards));
    }
    if (!jsonl) {
      return PDone.in(records.getPipeline());
    }
    records
        .apply("ToJson", MapElements.into(TypeDescriptors.strings()).via((T r) -> AvroJson.toJsonLine(r)))
        .apply("WriteJsonl", FileIO.<String>write()
            .via(TextIO.sink())
            .to(directory)
            .withPrefix("part")
            .withSuffix(".jsonl")
            .withNumShards(shards));
    return PDone.in(records.getPipeline());
  }
}
