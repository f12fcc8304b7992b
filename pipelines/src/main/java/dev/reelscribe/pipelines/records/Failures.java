package dev.reelscribe.pipelines.records;

import dev.reelscribe.frames.Result;
import dev.reelscribe.schemas.FailedRecord;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Builds {@link FailedRecord}s, the one dead-letter shape of every stage. */
public final class Failures {
  private Failures() {}

  public static FailedRecord of(String stage, String inputUri, String key, Result.Failed<?> failed) {
    return FailedRecord.newBuilder()
        .setStage(stage)
        .setInputUri(inputUri)
        .setKey(key)
        .setErrorClass(failed.kind().name())
        .setMessage(failed.reason())
        .setAttempt(1)
        .setStackTrace(null)
        .build();
  }

  public static FailedRecord of(String stage, String inputUri, String key, Exception e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return FailedRecord.newBuilder()
        .setStage(stage)
        .setInputUri(inputUri)
        .setKey(key)
        .setErrorClass(e.getClass().getName())
        .setMessage(String.valueOf(e.getMessage()))
        .setAttempt(1)
        .setStackTrace(trace.toString())
        .build();
  }
}
