package dev.paperboy.ingest.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON parser every reader shares (thread-safe once built), and its error messages. */
public final class Json {
  /** Strict about trailing garbage: {@code {"id": 1} x} on one line is invalid, not an object. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /**
   * Reads one value from a parser that goes on after it (an element of a streamed array): the
   * trailing-token check would reject the array's next comma.
   */
  public static final ObjectReader ELEMENT_READER =
      MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** {@code invalid JSON at column 17: Unexpected character ...}, without Jackson's source dump. */
  public static String invalid(JsonProcessingException e, boolean withLine) {
    StringBuilder s = new StringBuilder("invalid JSON");
    var loc = e.getLocation();
    if (loc != null) {
      if (withLine && loc.getLineNr() > 0) {
        s.append(" at line ").append(loc.getLineNr());
        s.append(" column ").append(loc.getColumnNr());
      } else if (loc.getColumnNr() > 0) {
        s.append(" at column ").append(loc.getColumnNr());
      }
    }
    String m = e.getOriginalMessage();
    if (m != null) {
      // Jackson adds a hint about how to allow the syntax; it is noise for a user.
      int hint = m.indexOf("\n");
      s.append(": ").append(hint < 0 ? m : m.substring(0, hint));
    }
    return s.toString();
  }
}
