package dev.paperboy.ingest.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Typed, checked access to the fields of one JSON object. Absent fields and JSON {@code null} read
 * as missing; a value of the wrong type is a {@link BadRecordException} whose message names the
 * field by its path ({@code paper.upvotes}), what was expected and what was found.
 */
public final class JsonRecord {
  private final JsonNode node;
  private final String prefix;

  private JsonRecord(JsonNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  /**
   * Wraps a node that must be an object.
   *
   * @param path the node's path for messages, e.g. {@code "paper"}; empty for the top level
   * @throws BadRecordException when the node is not an object
   */
  public static JsonRecord of(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new BadRecordException(
          (path.isEmpty() ? "record" : path) + ": expected an object but was " + kind(node));
    }
    return new JsonRecord(node, path.isEmpty() ? "" : path + ".");
  }

  /** The path of {@code field} for messages: {@code paper.title}. */
  public String path(String field) {
    return prefix + field;
  }

  public boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  /** A string field, or null when absent or JSON null. */
  public @Nullable String string(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw wrongType(field, "a string", v);
    }
    return v.textValue();
  }

  /** A string field that must be present and not blank. */
  public String requireString(String field) {
    String s = string(field);
    if (s == null) {
      throw new BadRecordException("missing " + path(field));
    }
    if (s.isBlank()) {
      throw new BadRecordException("blank " + path(field));
    }
    return s;
  }

  /** An integer field (a JSON integer that fits an int), or null when absent. */
  public @Nullable Integer integer(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw wrongType(field, "an integer", v);
    }
    return v.intValue();
  }

  /**
   * A field holding an array of strings; empty when absent. Null and blank elements are skipped.
   */
  public List<String> strings(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw wrongType(field, "an array of strings", v);
    }
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (e.isNull()) {
        continue;
      }
      if (!e.isTextual()) {
        throw new BadRecordException(
            path(field) + "[" + i + "]: expected a string but was " + kind(e));
      }
      if (!e.textValue().isBlank()) {
        out.add(e.textValue());
      }
    }
    return out;
  }

  /** An array field; empty when absent. */
  public List<JsonNode> array(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw wrongType(field, "an array", v);
    }
    List<JsonNode> out = new ArrayList<>(v.size());
    v.forEach(out::add);
    return out;
  }

  /** An object field, or null when absent. */
  public @Nullable JsonRecord object(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw wrongType(field, "an object", v);
    }
    return new JsonRecord(v, prefix + field + ".");
  }

  /** The raw node of a field, or null when absent or JSON null. */
  public @Nullable JsonNode node(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  private BadRecordException wrongType(String field, String expected, JsonNode v) {
    return new BadRecordException(path(field) + ": expected " + expected + " but was " + kind(v));
  }

  /** What a node is, for messages: {@code a string ("12")}, {@code an array}. */
  public static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "a string (" + quote(v.textValue()) + ")";
    }
    if (v.isNumber()) {
      return "a number (" + v.asText() + ")";
    }
    if (v.isBoolean()) {
      return "a boolean (" + v.asText() + ")";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isObject()) {
      return "an object";
    }
    return v.isNull() ? "null" : v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  /** Quotes a value for a message, cut to 60 characters. */
  public static String quote(String s) {
    String t = s.length() > 60 ? s.substring(0, 57) + "..." : s;
    return "\"" + t.replace("\n", "\\n") + "\"";
  }
}
