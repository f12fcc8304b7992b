package dev.reelscribe.pipelines.io;

import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Expands an {@link InputSpec} into the uris of the videos to process, one element each, spread
 * across workers.
 *
 * <pre>{@code
 * PCollection<String> uris = p.apply(MatchVideos.from(InputSpec.resolve("gs://bucket/raw/")));
 * }</pre>
 */
public final class MatchVideos extends PTransform<PBegin, PCollection<String>> {
  private static final long serialVersionUID = 1L;

  private final InputSpec spec;

  private MatchVideos(InputSpec spec) {
    this.spec = spec;
  }

  public static MatchVideos from(InputSpec spec) {
    return new MatchVideos(spec);
  }

  @Override
  public PCollection<String> expand(PBegin begin) {
    PCollection<String> fromDirs = begin
        .apply("DirectoryPatterns", Create.of(spec.directoryPatterns()).withCoder(StringUtf8Coder.of()))
        .apply("MatchDirectories", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("DirectoryUris", MapElements.into(TypeDescriptors.strings())
            .via((MatchResult.Metadata m) -> m.resourceId().toString()))
        .apply("KeepVideoFiles", Filter.by(InputSpec::looksLikeVideo));
    PCollection<String> fromGlobs = begin
        .apply("Globs", Create.of(spec.globs()).withCoder(StringUtf8Coder.of()))
        .apply("MatchGlobs", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("GlobUris", MapElements.into(TypeDescriptors.strings())
            .via((MatchResult.Metadata m) -> m.resourceId().toString()));
    PCollection<String> files = begin
        .apply("Files", Create.of(spec.files()).withCoder(StringUtf8Coder.of()));
    return PCollectionList.of(fromDirs).and(fromGlobs).and(files)
        .apply("AllVideos", Flatten.pCollections())
        .apply("Spread", Reshuffle.viaRandomKey());
  }
}
