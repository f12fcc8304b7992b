package dev.reelscribe.synthworld.script;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/**
 * Scene scripts to and from one-line JSON. The output is deterministic: the same script always gives
 * the same bytes.
 */
public final class ScriptJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ScriptJson() {}

  public static String write(SceneScript script) {
    try {
      return MAPPER.writeValueAsString(script);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a script; throws {@link IllegalArgumentException} naming what is wrong. */
  public static SceneScript read(String json) {
    try {
      return MAPPER.readValue(json, SceneScript.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a scene script: " + e.getOriginalMessage(), e);
    }
  }

  /** The shared mapper, configured as above, for other synthworld JSON. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
