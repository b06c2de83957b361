package dev.paperboy.ingest.hf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.ingest.support.BadRecordException;
import dev.paperboy.ingest.support.Dates;
import dev.paperboy.ingest.support.JsonLinesSource;
import dev.paperboy.ingest.support.JsonRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of Hugging Face daily papers as JSON Lines. A line is either a day, {@code {"date":
 * "YYYY-MM-DD", "papers": [entry, ...]}} (the list's day is {@code date}), or a single API entry
 * {@code {"paper": {...}, ...}} (its day is taken from the entry, see {@link HfEntryMapper}).
 *
 * <p>Each entry of a day is accepted or rejected on its own, at {@code file:line papers[i]}; a day
 * whose {@code date} is missing or bad is rejected whole at {@code file:line}.
 */
public final class HfDailyJsonlMapper implements JsonLinesSource.LineMapper {
  private final HfEntryMapper entries = new HfEntryMapper();

  @Override
  public void map(JsonNode line, String where, String fileName, RecordSink sink) {
    JsonRecord r = JsonRecord.of(line, "");
    if (r.has("paper")) {
      sink.accept(entries.map(line, where, null));
      return;
    }
    if (!r.has("papers") && !r.has("date")) {
      List<String> keys = new ArrayList<>();
      line.fieldNames().forEachRemaining(keys::add);
      throw new BadRecordException(
          "expected a day {\"date\", \"papers\"} or an entry {\"paper\", ...} but the keys are "
              + keys);
    }
    LocalDate day = Dates.date(r.requireString("date"), "date");
    if (!r.has("papers")) {
      throw new BadRecordException("missing papers");
    }
    List<JsonNode> papers = r.array("papers");
    for (int i = 0; i < papers.size(); i++) {
      String at = where + " papers[" + i + "]";
      try {
        sink.accept(entries.map(papers.get(i), at, day));
      } catch (BadRecordException | IllegalArgumentException e) {
        sink.reject(new Rejection(at, String.valueOf(e.getMessage())));
      }
    }
  }
}
