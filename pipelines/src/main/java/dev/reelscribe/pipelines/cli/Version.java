package dev.reelscribe.pipelines.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The build's version, for {@code --version} and provenance. */
public final class Version implements CommandLine.IVersionProvider {
  public static final String VALUE = load();

  private static String load() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/reelscribe-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"reelscribe " + VALUE};
  }
}
