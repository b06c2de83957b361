package dev.paperboy.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.paperboy.core.digest.DigestItem;
import dev.paperboy.core.digest.EditionContent;
import dev.paperboy.core.digest.Reason;
import dev.paperboy.core.digest.Section;
import dev.paperboy.core.paper.ArxivId;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outbox's {@code content} column: an {@link EditionContent} as compact JSON, {@code
 * {"note":null,"items":[["2503.01234","picks","similar","Title","upvoted"],...]}}; about 100 bytes
 * per paper, so 100,000 digests of 15 papers take some 150 MB.
 */
final class DigestContentJson {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private DigestContentJson() {}

  static String write(EditionContent content) {
    StringWriter out = new StringWriter(64 + 100 * content.items().size());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      if (content.note() != null) {
        g.writeStringField("note", content.note());
      }
      g.writeArrayFieldStart("items");
      for (DigestItem i : content.items()) {
        g.writeStartArray();
        g.writeString(i.paper().value());
        g.writeString(i.section().code());
        g.writeString(i.reason().kind().name().toLowerCase(Locale.ROOT));
        g.writeString(i.reason().detail());
        g.writeString(i.reason().verb());
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static EditionContent read(String json, String where) {
    String note = null;
    List<DigestItem> items = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_OBJECT, where);
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        if (field.equals("note")) {
          p.nextToken();
          note = p.getValueAsString();
        } else if (field.equals("items")) {
          expect(p.nextToken(), JsonToken.START_ARRAY, where);
          while (p.nextToken() == JsonToken.START_ARRAY) {
            String id = text(p, where);
            Section section = Section.parse(text(p, where));
            Reason.Kind kind = Reason.Kind.valueOf(text(p, where).toUpperCase(Locale.ROOT));
            String detail = text(p, where);
            String verb = text(p, where);
            expect(p.nextToken(), JsonToken.END_ARRAY, where);
            items.add(new DigestItem(ArxivId.parse(id), section, new Reason(kind, detail, verb)));
          }
        } else {
          p.nextToken();
          p.skipChildren();
        }
      }
      expect(t, JsonToken.END_OBJECT, where);
    } catch (IOException | IllegalArgumentException e) {
      throw new StoreException("bad digest content in " + where + ": " + e.getMessage(), e);
    }
    return new EditionContent(items, note);
  }

  private static String text(JsonParser p, String where) throws IOException {
    expect(p.nextToken(), JsonToken.VALUE_STRING, where);
    return p.getText();
  }

  private static void expect(JsonToken actual, JsonToken expected, String where) {
    if (actual != expected) {
      throw new StoreException(
          "bad digest content in " + where + ": expected " + expected + " but was " + actual);
    }
  }
}
