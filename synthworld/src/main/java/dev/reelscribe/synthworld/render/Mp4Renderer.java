package dev.reelscribe.synthworld.render;

import dev.reelscribe.frames.OpenCv;
import dev.reelscribe.frames.encode.ClipWriter;
import dev.reelscribe.synthworld.script.SceneScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.opencv.core.Mat;

/**
 * Renders a whole script to an H.264 mp4. The file is written under a temporary name and renamed, so
 * an interrupted render never leaves a partial clip under the final name.
 */
public final class Mp4Renderer {
  private Mp4Renderer() {}

  public static void write(SceneScript script, Path mp4) throws IOException {
    OpenCv.load();
    Path dir = mp4.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(".tmp-" + mp4.getFileName());
    Mat frame = new Mat();
    try (SceneRenderer renderer = new SceneRenderer(script);
        ClipWriter writer = ClipWriter.open(tmp, script.fps(), script.width(), script.height())) {
      for (int i = 0; i < script.frames(); i++) {
        renderer.render(i, frame);
        writer.write(frame);
      }
    } catch (RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    } finally {
      frame.release();
    }
    Files.move(tmp, mp4, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
