package dev.reelscribe.pipelines.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.io.FileIO;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A {@link FileIO.Sink} that writes Avro specific records as Parquet (Snappy), for {@code
 * FileIO.write()}. Works on any Beam filesystem (local, {@code gs://}); FileIO writes each shard to a
 * temporary file and renames it into place, so a retried bundle never leaves a partial file.
 */
public final class ParquetSink<T extends SpecificRecordBase> implements FileIO.Sink<T> {
  private static final long serialVersionUID = 1L;

  private final String schemaJson;
  private transient ParquetWriter<T> writer;

  private ParquetSink(Schema schema) {
    this.schemaJson = schema.toString();
  }

  public static <T extends SpecificRecordBase> ParquetSink<T> of(Schema schema) {
    return new ParquetSink<>(schema);
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    Schema schema = new Schema.Parser().parse(schemaJson);
    writer = AvroParquetWriter.<T>builder(new ChannelOutputFile(channel))
        .withSchema(schema)
        .withDataModel(SpecificData.getForSchema(schema)) // the generated class's model: it knows timestamp-millis
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build();
  }

  @Override
  public void write(T element) throws IOException {
    writer.write(element);
  }

  @Override
  public void flush() throws IOException {
    writer.close();
  }

  /** Parquet's output abstraction over a Beam channel; the channel is closed by FileIO. */
  private static final class ChannelOutputFile implements OutputFile {
    private final WritableByteChannel channel;

    ChannelOutputFile(WritableByteChannel channel) {
      this.channel = channel;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new CountingStream(Channels.newOutputStream(channel));
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }

  private static final class CountingStream extends PositionOutputStream {
    private final OutputStream out;
    private long position;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      position += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      // FileIO owns the channel and closes it after flush().
      out.flush();
    }
  }
}
