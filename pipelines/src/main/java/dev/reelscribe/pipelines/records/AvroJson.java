package dev.reelscribe.pipelines.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Avro records as plain JSON, one object per line: unions unwrapped (a nullable field is the value or
 * {@code null}), bytes as base64, maps as objects. This is what {@code jq}, pandas and DuckDB expect;
 * Avro's own JSON encoding wraps every union value in a type object.
 */
public final class AvroJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  public static String toJsonLine(GenericRecord record) {
    try {
      return MAPPER.writeValueAsString(toNode(record, record.getSchema()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write record as JSON", e);
    }
  }

  public static JsonNode toNode(Object value, Schema schema) {
    if (value == null) {
      return NODES.nullNode();
    }
    switch (schema.getType()) {
      case RECORD: {
        GenericRecord r = (GenericRecord) value;
        ObjectNode o = NODES.objectNode();
        for (Schema.Field f : schema.getFields()) {
          o.set(f.name(), toNode(r.get(f.pos()), f.schema()));
        }
        return o;
      }
      case UNION: {
        for (Schema branch : schema.getTypes()) {
          if (branch.getType() != Schema.Type.NULL && matches(value, branch)) {
            return toNode(value, branch);
          }
        }
        return NODES.nullNode();
      }
      case ARRAY: {
        ArrayNode a = NODES.arrayNode();
        for (Object item : (Collection<?>) value) {
          a.add(toNode(item, schema.getElementType()));
        }
        return a;
      }
      case MAP: {
        // keys in order: a map's iteration order changes when a runner encodes and decodes it, and
        // the same record must always make the same bytes (WebDataset shards, reruns, Direct vs Flink)
        java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          sorted.put(e.getKey().toString(), e.getValue());
        }
        ObjectNode o = NODES.objectNode();
        sorted.forEach((k, v) -> o.set(k, toNode(v, schema.getValueType())));
        return o;
      }
      case BYTES: {
        ByteBuffer b = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
      }
      case STRING:
      case ENUM:
        return NODES.textNode(value.toString());
      case INT:
        return NODES.numberNode((Integer) value);
      case LONG:
        // timestamp-millis fields arrive as java.time.Instant from the generated classes
        return NODES.numberNode(value instanceof java.time.Instant t ? (long) t.toEpochMilli() : (long) (Long) value);
      case FLOAT:
        return NODES.numberNode((Float) value);
      case DOUBLE: {
        double d = (Double) value;
        return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(Double.toString(d));
      }
      case BOOLEAN:
        return NODES.booleanNode((Boolean) value);
      default:
        throw new IllegalArgumentException("unsupported Avro type " + schema.getType());
    }
  }

  private static boolean matches(Object value, Schema branch) {
    return switch (branch.getType()) {
      case STRING -> value instanceof CharSequence;
      case RECORD -> value instanceof GenericRecord g && g.getSchema().getFullName().equals(branch.getFullName());
      case LONG -> value instanceof Long || value instanceof java.time.Instant;
      case INT -> value instanceof Integer;
      case DOUBLE -> value instanceof Double;
      case BOOLEAN -> value instanceof Boolean;
      case BYTES -> value instanceof ByteBuffer;
      case ARRAY -> value instanceof Collection;
      case MAP -> value instanceof Map;
      default -> true;
    };
  }
}
