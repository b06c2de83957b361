package dev.paperboy.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of a JSON request body strictly by type: a string field must be a JSON string, a
 * boolean a JSON boolean, a number a JSON number. Jackson's {@code asText()} and {@code
 * asBoolean()} coerce instead ({@code {"body": 123}} posted the comment "123", {@code "public":
 * "maybe"} made a private collection), so a client's mistake went unnoticed. A wrong type is a
 * {@link BadRequest} naming the field. A missing field or JSON {@code null} is "not given", as
 * before; fields the route does not know are ignored, as before.
 */
final class JsonFields {
  private JsonFields() {}

  /** A string field, or {@code fallback} when it is missing or null. */
  static String text(JsonNode body, String field, String fallback) {
    String s = optionalText(body, field);
    return s == null ? fallback : s;
  }

  /** A string field, or null when it is missing or null. */
  static @Nullable String optionalText(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw wrongType(field, "a JSON string", n);
    }
    return n.textValue();
  }

  /** A boolean field, or {@code fallback} when it is missing or null. */
  static boolean bool(JsonNode body, String field, boolean fallback) {
    Boolean b = optionalBool(body, field);
    return b == null ? fallback : b;
  }

  /** A boolean field, or null when it is missing or null. */
  static @Nullable Boolean optionalBool(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isBoolean()) {
      throw wrongType(field, "a JSON boolean (true or false)", n);
    }
    return n.booleanValue();
  }

  /** A whole-number field that fits an int, or null when it is missing or null. */
  static @Nullable Integer optionalInt(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw wrongType(field, "a whole JSON number", n);
    }
    return n.intValue();
  }

  private static BadRequest wrongType(String field, String expected, JsonNode actual) {
    String shown = actual.toString();
    if (shown.length() > 40) {
      shown = shown.substring(0, 40) + "...";
    }
    return new BadRequest(
        field,
        "must be "
            + expected
            + ", not the "
            + actual.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
            + " "
            + shown);
  }
}
