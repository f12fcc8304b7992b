package dev.reelscribe.frames;

import org.opencv.core.Core;

/**
 * Loads OpenCV's native library once per JVM.
 *
 * <p>Reelscribe uses Debian's {@code libopencv-java} (OpenCV 4.6 with FFmpeg); the native library
 * lives in {@code /usr/lib/jni}, which must be on {@code java.library.path}. The build, the tests and
 * the {@code ./reelscribe} launcher all set it.
 */
public final class OpenCv {
  private static volatile boolean loaded;

  private OpenCv() {}

  /** Loads the native library if it is not loaded yet; throws a clear error if it cannot be found. */
  public static void load() {
    if (loaded) {
      return;
    }
    synchronized (OpenCv.class) {
      if (loaded) {
        return;
      }
      try {
        System.loadLibrary(Core.NATIVE_LIBRARY_NAME);
      } catch (UnsatisfiedLinkError e) {
        throw new IllegalStateException(
            "OpenCV native library "
                + Core.NATIVE_LIBRARY_NAME
                + " not found on java.library.path="
                + System.getProperty("java.library.path")
                + ". Install Debian's libopencv-java (apt-get install libopencv-java) and run with"
                + " -Djava.library.path=/usr/lib/jni, or use the ./reelscribe launcher.",
            e);
      }
      loaded = true;
    }
  }
}
