package dev.reelscribe.captioner;

import dev.reelscribe.captioner.builtin.BuiltinFrameCaptioner;
import dev.reelscribe.captioner.builtin.BuiltinModel;
import dev.reelscribe.captioner.remote.RemoteFrameCaptioner;
import dev.reelscribe.models.chat.ChatClient;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/** Opens frame captioners from a {@link CaptionerSpec}; {@link #shared} keeps one per spec per JVM. */
public final class FrameCaptioners {
  private static final ConcurrentHashMap<CaptionerSpec, FrameCaptioner> SHARED = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> SHARED.values().forEach(FrameCaptioner::close),
        "close-frame-captioners"));
  }

  private FrameCaptioners() {}

  /** A new captioner; the caller closes it. */
  public static FrameCaptioner open(CaptionerSpec spec) {
    return switch (spec.backend()) {
      case "builtin" -> BuiltinFrameCaptioner.load(BuiltinModel.unpackEmbedded(cacheRoot()), "builtin",
          spec.beamWidth(), spec.batchSize(), spec.hedgeBelow(), spec.gridPlaces());
      case "local" -> BuiltinFrameCaptioner.load(Path.of(spec.modelDir()), "local", spec.beamWidth(), spec.batchSize(),
          spec.hedgeBelow(), spec.gridPlaces());
      case "remote" -> new RemoteFrameCaptioner(new ChatClient(spec.chat()), spec.prompt(), spec.maxTokens());
      default -> throw new IllegalArgumentException(spec.backend());
    };
  }

  /** The JVM's one captioner for this spec, opened on first use and closed at exit. */
  public static FrameCaptioner shared(CaptionerSpec spec) {
    return SHARED.computeIfAbsent(spec, FrameCaptioners::open);
  }

  /** Where embedded weights are unpacked: {@code -Dreelscribe.cache}, else {@code ~/.cache/reelscribe}. */
  public static Path cacheRoot() {
    return BuiltinModel.cacheRoot();
  }
}
