package dev.reelscribe.fuser.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned prompt: a system part (the instructions) and a user part (where the data goes), read
 * from a text file with {@code [system]} and {@code [user]} sections; lines before the first
 * section starting with {@code #} are comments. {@code {{name}}} marks a placeholder.
 *
 * <p>The version recorded with every output is the file's name plus the first 8 hex digits of the
 * SHA-256 of its text ({@code fuse-v1#3fa2c1d0}), so editing a prompt changes the version even when
 * nobody renames the file, and a rerun re-fuses exactly what the edit affects.
 *
 * <pre>{@code
 * PromptTemplate fuse = PromptTemplate.builtin("fuse-v1");
 * PromptTemplate.Rendered r = fuse.render(Map.of("max_words", "120", "duration", "4.1", ...));
 * }</pre>
 */
public final class PromptTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

  /** The two messages of a rendered prompt. */
  public record Rendered(String system, String user) {}

  private final String name;
  private final String text;
  private final String version;
  private final String system;
  private final String user;
  private final Set<String> placeholders = new LinkedHashSet<>();

  private PromptTemplate(String name, String text) {
    this.name = name;
    this.text = text;
    this.version = name + "#" + sha256(text).substring(0, 8);
    int s = text.indexOf("[system]\n");
    int u = text.indexOf("[user]\n");
    if (s < 0 || u < 0 || u < s) {
      throw new IllegalArgumentException("prompt " + name + " needs a [system] section and then a [user] section");
    }
    String head = text.substring(0, s);
    for (String line : head.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        throw new IllegalArgumentException("prompt " + name + ": text before [system] must be # comments: " + line);
      }
    }
    this.system = text.substring(s + "[system]\n".length(), u).strip();
    this.user = text.substring(u + "[user]\n".length()).strip();
    for (String part : new String[] {system, user}) {
      Matcher m = PLACEHOLDER.matcher(part);
      while (m.find()) {
        placeholders.add(m.group(1));
      }
    }
  }

  /** A prompt from its name and text (the text of a prompt file). */
  public static PromptTemplate of(String name, String text) {
    return new PromptTemplate(name, text);
  }

  /** The prompt file's text, to carry it to workers. */
  public String text() {
    return text;
  }

  /** A prompt that ships with Reelscribe, e.g. {@code fuse-v1} or {@code upsample-v1}. */
  public static PromptTemplate builtin(String name) {
    try (InputStream in = PromptTemplate.class.getResourceAsStream("/dev/reelscribe/fuser/prompts/" + name + ".txt")) {
      if (in == null) {
        throw new IllegalArgumentException("no built-in prompt named " + name);
      }
      return new PromptTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in prompt " + name, e);
    }
  }

  /** A prompt file of the user's; its name is the file name without {@code .txt}. */
  public static PromptTemplate load(Path file) throws IOException {
    String fileName = file.getFileName().toString();
    return new PromptTemplate(fileName.endsWith(".txt") ? fileName.substring(0, fileName.length() - 4) : fileName,
        Files.readString(file, StandardCharsets.UTF_8));
  }

  public String name() {
    return name;
  }

  /** Name and content hash, e.g. {@code fuse-v1#3fa2c1d0}. */
  public String version() {
    return version;
  }

  /** The placeholders the prompt uses, in order of first use. */
  public Set<String> placeholders() {
    return Set.copyOf(placeholders);
  }

  /**
   * Fills the placeholders. Every placeholder must have a value; values are inserted as given, so
   * data must already be delimited and escaped ({@link FrameData} does that for captions).
   */
  public Rendered render(Map<String, String> values) {
    for (String p : placeholders) {
      if (!values.containsKey(p)) {
        throw new IllegalArgumentException("prompt " + version + " needs a value for {{" + p + "}}");
      }
    }
    return new Rendered(fill(system, values), fill(user, values));
  }

  private static String fill(String part, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(part);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
