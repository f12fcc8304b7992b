package dev.reelscribe.fuser;

import dev.reelscribe.fuser.builtin.BuiltinCaptionFuser;
import dev.reelscribe.fuser.remote.RemoteCaptionFuser;
import dev.reelscribe.models.chat.ChatClient;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/** Opens caption fusers from a {@link FuserSpec}; {@link #shared} keeps one per spec per JVM. */
public final class CaptionFusers {
  private static final ConcurrentHashMap<FuserSpec, CaptionFuser> SHARED = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> SHARED.values().forEach(CaptionFuser::close),
        "close-caption-fusers"));
  }

  private CaptionFusers() {}

  /** A new fuser; the caller closes it. */
  public static CaptionFuser open(FuserSpec spec) {
    return switch (spec.backend()) {
      case "builtin" -> BuiltinCaptionFuser.embedded(spec.batchSize());
      case "local" -> BuiltinCaptionFuser.local(Path.of(spec.modelDir()), spec.batchSize());
      case "remote" -> new RemoteCaptionFuser(new ChatClient(spec.chat()), spec.prompt(), spec.maxWords(),
          spec.maxTokens());
      default -> throw new IllegalArgumentException(spec.backend());
    };
  }

  /** The JVM's one fuser for this spec, opened on first use and closed at exit. */
  public static CaptionFuser shared(FuserSpec spec) {
    return SHARED.computeIfAbsent(spec, CaptionFusers::open);
  }
}
