package dev.paperboy.ingest.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.core.ingest.PaperSource;
import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Reads a JSON Lines file (one JSON value per line, blank lines ignored; https://jsonlines.org/),
 * one line at a time, so memory holds one record whatever the file's size. Each line is parsed on
 * its own: an invalid line is rejected as {@code file:line} with Jackson's reason and the next line
 * is read. What a line means is up to the {@link LineMapper}.
 */
public final class JsonLinesSource implements PaperSource {

  /** Turns one parsed line into records. */
  public interface LineMapper {
    /**
     * Maps one line. Throw {@link BadRecordException} or {@link IllegalArgumentException} to reject
     * the whole line with the exception's message; or call {@code sink} yourself, possibly several
     * times (a line holding a day's list of entries).
     *
     * @param where {@code file:line}
     * @param fileName the file's name, for rules that read it (a date in the name)
     */
    void map(JsonNode line, String where, String fileName, RecordSink sink);

    /** Called once after the last line, e.g. to log what was dropped. */
    default void finish(String fileName) {}
  }

  private final InputFile file;
  private final String format;
  private final Supplier<? extends LineMapper> mappers;

  /**
   * @param format the format's name, for {@link #describe()}
   * @param mappers makes a fresh mapper for each {@link #read} (mappers may count things)
   */
  public JsonLinesSource(InputFile file, String format, Supplier<? extends LineMapper> mappers) {
    this.file = file;
    this.format = format;
    this.mappers = mappers;
  }

  @Override
  public String describe() {
    return file.path() + " (" + format + ")";
  }

  @Override
  public void read(RecordSink sink) throws IOException {
    String name = file.name();
    LineMapper mapper = mappers.get();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(file.open(), StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      long lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1); // a UTF-8 byte order mark
        }
        if (line.isBlank()) {
          continue;
        }
        String where = name + ":" + lineNo;
        JsonNode node;
        try {
          node = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
          sink.reject(new Rejection(where, Json.invalid(e, false)));
          continue;
        }
        try {
          mapper.map(node, where, name, sink);
        } catch (BadRecordException | IllegalArgumentException e) {
          sink.reject(new Rejection(where, String.valueOf(e.getMessage())));
        }
      }
    }
    file.markDone();
    mapper.finish(name);
  }

  @Override
  public double fractionRead() {
    return file.fractionRead();
  }
}
