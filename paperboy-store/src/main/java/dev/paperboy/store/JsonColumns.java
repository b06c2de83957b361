package dev.paperboy.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.paperboy.core.paper.PaperVersion;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes the list-valued fields of a paper as JSON text, the same on SQLite and PostgreSQL: string
 * lists as {@code ["a","b"]}, versions as {@code [[1,"2025-03-18"],[2,"2025-04-02"]]}. Lists are
 * read whole with the paper, so one text column reads faster than a child table, and JSON keeps any
 * character an author name may hold.
 */
final class JsonColumns {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private JsonColumns() {}

  static String strings(List<String> values) {
    if (values.isEmpty()) {
      return "[]";
    }
    StringWriter out = new StringWriter(16 * values.size());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartArray();
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static List<String> strings(String json, String column) {
    if (json.equals("[]")) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_ARRAY, column, json);
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
        out.add(p.getText());
      }
      expect(t, JsonToken.END_ARRAY, column, json);
    } catch (IOException e) {
      throw new StoreException("bad JSON in column " + column + ": " + e.getMessage(), e);
    }
    return out;
  }

  static String versions(List<PaperVersion> versions) {
    if (versions.isEmpty()) {
      return "[]";
    }
    StringWriter out = new StringWriter(20 * versions.size());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartArray();
      for (PaperVersion v : versions) {
        g.writeStartArray();
        g.writeNumber(v.number());
        g.writeString(v.date().toString());
        g.writeEndArray();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static List<PaperVersion> versions(String json, String column) {
    if (json.equals("[]")) {
      return List.of();
    }
    List<PaperVersion> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_ARRAY, column, json);
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT, column, json);
        int number = p.getIntValue();
        expect(p.nextToken(), JsonToken.VALUE_STRING, column, json);
        LocalDate date = LocalDate.parse(p.getText());
        expect(p.nextToken(), JsonToken.END_ARRAY, column, json);
        out.add(new PaperVersion(number, date));
      }
      expect(t, JsonToken.END_ARRAY, column, json);
    } catch (IOException e) {
      throw new StoreException("bad JSON in column " + column + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static void expect(JsonToken actual, JsonToken expected, String column, String json) {
    if (actual != expected) {
      throw new StoreException(
          "bad JSON in column "
              + column
              + ": expected "
              + expected
              + " but was "
              + actual
              + " in "
              + abbreviate(json));
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
