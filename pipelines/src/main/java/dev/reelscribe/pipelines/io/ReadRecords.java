package dev.reelscribe.pipelines.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Reads back the {@code part-*.parquet} shards that {@link WriteRecords} wrote to a directory, as
 * Avro specific records; a directory with no shards (or none at all) gives an empty collection.
 * Works on any Beam filesystem.
 *
 * <pre>{@code
 * PCollection<Clip> clips = p.apply(ReadRecords.from("out/records/clips", Clip.class));
 * }</pre>
 */
public final class ReadRecords<T extends SpecificRecordBase> extends PTransform<PBegin, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  private final String directory;
  private final Class<T> type;

  private ReadRecords(String directory, Class<T> type) {
    this.directory = directory;
    this.type = type;
  }

  public static <T extends SpecificRecordBase> ReadRecords<T> from(String directory, Class<T> type) {
    return new ReadRecords<>(directory, type);
  }

  @Override
  public PCollection<T> expand(PBegin begin) {
    return begin
        .apply("MatchShards", FileIO.match().filepattern(directory + "/part-*.parquet")
            .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("OpenShards", FileIO.readMatches())
        .apply("ReadShards", ParDo.of(new ReadFn<>(type)))
        .setCoder(AvroCoder.of(type));
  }

  private static final class ReadFn<T extends SpecificRecordBase> extends DoFn<FileIO.ReadableFile, T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> type;

    ReadFn(Class<T> type) {
      this.type = type;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, OutputReceiver<T> out) throws IOException {
      Schema schema = SpecificData.get().getSchema(type);
      try (ParquetReader<T> reader = AvroParquetReader.<T>builder(new ChannelInputFile(file))
          .withDataModel(SpecificData.getForSchema(schema))
          .build()) {
        for (T record = reader.read(); record != null; record = reader.read()) {
          out.output(record);
        }
      }
    }
  }

  /** Parquet's input abstraction over a Beam file: each stream opens its own seekable channel. */
  private static final class ChannelInputFile implements InputFile {
    private final FileIO.ReadableFile file;

    ChannelInputFile(FileIO.ReadableFile file) {
      this.file = file;
    }

    @Override
    public long getLength() {
      return file.getMetadata().sizeBytes();
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
      SeekableByteChannel channel = file.openSeekable();
      return new DelegatingSeekableInputStream(java.nio.channels.Channels.newInputStream(channel)) {
        @Override
        public long getPos() throws IOException {
          return channel.position();
        }

        @Override
        public void seek(long position) throws IOException {
          channel.position(position);
        }

        @Override
        public void close() throws IOException {
          channel.close();
        }

        @Override
        public int read(ByteBuffer buffer) throws IOException {
          return channel.read(buffer);
        }

        @Override
        public void readFully(ByteBuffer buffer) throws IOException {
          while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
              throw new java.io.EOFException("parquet shard " + file.getMetadata().resourceId() + " ends early");
            }
          }
        }
      };
    }
  }
}
