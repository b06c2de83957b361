package dev.paperboy.ingest.hf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.core.ingest.PaperSource;
import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.ingest.support.BadRecordException;
import dev.paperboy.ingest.support.InputFile;
import dev.paperboy.ingest.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A raw Hugging Face {@code /api/daily_papers?date=} response: a JSON array of entries, usually
 * pretty-printed. The array is streamed: one entry is in memory at a time.
 *
 * <p>Locations are {@code file:line} where line is the line the entry's opening brace is on (so
 * {@code 2025-06-16.json:2} is the first entry of a pretty-printed file).
 *
 * <p>The list's day is the file's name when it is {@code YYYY-MM-DD.json} (optionally {@code .gz}),
 * which is how the API's {@code date} parameter is saved; otherwise each entry's own day (see
 * {@link HfEntryMapper}).
 *
 * <p>JSON that is not well-formed cannot be resynchronised inside one document: the entry where the
 * syntax breaks is rejected with the parser's line and column, and the rest of the file is not read
 * (entries before it are kept). A file that is not a JSON array at all is an {@link IOException}.
 */
public final class HfDailyArraySource implements PaperSource {
  private static final Pattern DATED_FILE =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.json(?:\\.gz)?", Pattern.CASE_INSENSITIVE);

  private final InputFile file;
  private final HfEntryMapper mapper = new HfEntryMapper();

  public HfDailyArraySource(InputFile file) {
    this.file = file;
  }

  @Override
  public String describe() {
    return file.path() + " (hf-daily)";
  }

  /** The day in a file name {@code YYYY-MM-DD.json[.gz]}, or null. */
  static @Nullable LocalDate dayInName(String fileName) {
    Matcher m = DATED_FILE.matcher(fileName);
    if (!m.matches()) {
      return null;
    }
    try {
      return LocalDate.parse(m.group(1));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public void read(RecordSink sink) throws IOException {
    String name = file.name();
    LocalDate day = dayInName(name);
    try (InputStream in = file.open();
        JsonParser parser = Json.MAPPER.createParser(in)) {
      JsonToken first;
      try {
        first = parser.nextToken();
      } catch (JsonProcessingException e) {
        sink.reject(new Rejection(name + ":1", Json.invalid(e, true) + "; nothing was read"));
        return;
      }
      if (first == null) {
        return; // an empty file holds no entries
      }
      if (first != JsonToken.START_ARRAY) {
        throw new IOException(
            file.path()
                + ": not a Hugging Face daily_papers response: expected a JSON array of entries"
                + " but the file starts with "
                + first.asString()
                + "; name the format with --format");
      }
      long line = 1;
      while (true) {
        try {
          JsonToken t = parser.nextToken();
          line = parser.currentTokenLocation().getLineNr();
          if (t == JsonToken.END_ARRAY) {
            break;
          }
          if (t == null) {
            sink.reject(
                new Rejection(
                    name + ":" + line, "invalid JSON: the array is not closed (truncated?)"));
            break;
          }
          JsonNode node = Json.ELEMENT_READER.readTree(parser);
          String where = name + ":" + line;
          try {
            sink.accept(mapper.map(node, where, day));
          } catch (BadRecordException | IllegalArgumentException e) {
            sink.reject(new Rejection(where, String.valueOf(e.getMessage())));
          }
        } catch (JsonProcessingException e) {
          if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            line = e.getLocation().getLineNr();
          }
          sink.reject(
              new Rejection(
                  name + ":" + line,
                  Json.invalid(e, true) + "; the rest of the file was not read"));
          break;
        }
      }
    }
    file.markDone();
  }

  @Override
  public double fractionRead() {
    return file.fractionRead();
  }
}
