package dev.reelscribe.pipelines.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.util.MimeTypes;

/** Reads a run's Beam counters and writes {@code run.json}. */
final class RunReport {
  private RunReport() {}

  /**
   * Counter values by name in {@code namespace}. Committed values where the runner has them,
   * attempted ones otherwise (Flink reports attempted only).
   */
  static Map<String, Long> counters(PipelineResult result, String namespace) {
    Map<String, Long> out = new TreeMap<>();
    for (MetricResult<Long> c : query(result).getCounters()) {
      if (c.getName().getNamespace().equals(namespace)) {
        Long v = value(c);
        out.merge(c.getName().getName(), v == null ? 0L : v, Long::sum);
      }
    }
    return out;
  }

  /** Distributions by name in {@code namespace}: count, min, max, mean (committed or attempted, as above). */
  static Map<String, Map<String, Object>> distributions(PipelineResult result, String namespace) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (MetricResult<DistributionResult> d : query(result).getDistributions()) {
      DistributionResult v = d.getName().getNamespace().equals(namespace) ? value(d) : null;
      if (v == null || v.getCount() == 0) {
        continue;
      }
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("count", v.getCount());
      figures.put("min", v.getMin());
      figures.put("max", v.getMax());
      figures.put("mean", Math.round(v.getMean() * 100) / 100.0);
      out.put(d.getName().getName(), figures);
    }
    return out;
  }

  /** All of the run's metrics; a runner that reports none gives empty lists. */
  private static MetricQueryResults query(PipelineResult result) {
    try {
      return result.metrics().queryMetrics(MetricsFilter.builder().build());
    } catch (UnsupportedOperationException e) {
      return MetricQueryResults.create(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
  }

  private static <T> T value(MetricResult<T> metric) {
    try {
      return metric.getCommitted();
    } catch (UnsupportedOperationException e) {
      return metric.getAttempted();
    }
  }

  static void write(String path, Map<String, Object> report) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try (OutputStream out = Channels.newOutputStream(
        FileSystems.create(FileSystems.matchNewResource(path, false), MimeTypes.TEXT))) {
      mapper.writeValue(out, report);
    }
  }
}
