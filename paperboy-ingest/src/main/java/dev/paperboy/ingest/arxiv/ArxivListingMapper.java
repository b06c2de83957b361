package dev.paperboy.ingest.arxiv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.SourceRecord;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.Text;
import dev.paperboy.core.paper.VersionedId;
import dev.paperboy.ingest.support.Authors;
import dev.paperboy.ingest.support.CategoryFilter;
import dev.paperboy.ingest.support.Dates;
import dev.paperboy.ingest.support.Ids;
import dev.paperboy.ingest.support.JsonLinesSource;
import dev.paperboy.ingest.support.JsonRecord;
import dev.paperboy.ingest.support.Withdrawal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line of an arXiv listing crawl: {@code {"id", "listing_date", "authors": [...], "title",
 * "categories": [...], "comment", "summary", "pdf", "abs"}}.
 *
 * <p>Mapping: {@code id} (an optional {@code vN} becomes the version), {@code title} through {@link
 * Text#oneLine}, {@code summary} through {@link Text#paragraphs}, {@code comment} to comments,
 * {@code categories} filtered to canonical arXiv categories (primary first; ACM/MSC classes and
 * free text dropped, see {@link CategoryFilter}), {@code listing_date} to the listing date and a
 * {@link DailyEntry} ({@link EntrySource#ARXIV}, no submitter, 0 upvotes). When a line has no
 * {@code listing_date} and the file is named {@code YYYY-MM-DD.jsonl[.gz]} (as the crawler names
 * its daily files), that date is the listing day; otherwise the paper has no day. {@code pdf} and
 * {@code abs} are not kept: they follow from the id.
 *
 * <p>Rejected: a line without a valid {@code id}, without a non-blank {@code title}, with a field
 * of the wrong type, or with a {@code listing_date} that is not a date.
 */
public final class ArxivListingMapper implements JsonLinesSource.LineMapper {
  private static final Logger log = LoggerFactory.getLogger(ArxivListingMapper.class);
  private static final Pattern DATED_FILE =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.jsonl?(?:\\.gz)?", Pattern.CASE_INSENSITIVE);

  private final CategoryFilter categories = new CategoryFilter();
  private @Nullable String datedFile;
  private @Nullable LocalDate fileDay;

  @Override
  public void map(JsonNode line, String where, String fileName, RecordSink sink) {
    JsonRecord r = JsonRecord.of(line, "");
    VersionedId id = Ids.parse(r.requireString("id"), "id");
    String title = Text.oneLine(r.requireString("title"));
    String abstractText = Text.paragraphs(r.string("summary"));
    String comments = Text.oneLineOrNull(r.string("comment"));
    LocalDate listing = Dates.date(r.string("listing_date"), "listing_date");
    if (listing == null) {
      listing = dayInName(fileName);
    }
    Paper paper =
        Paper.builder(id.id(), title)
            .version(id.version())
            .abstractText(abstractText)
            .authors(Authors.clean(r.strings("authors")))
            .categories(categories.keep(stringsOrWords(r, "categories")))
            .comments(comments)
            .listingDate(listing)
            .withdrawn(Withdrawal.isWithdrawn(comments, abstractText))
            .build();
    List<DailyEntry> entries =
        listing == null
            ? List.of()
            : List.of(new DailyEntry(listing, id.id(), EntrySource.ARXIV, null, 0, null));
    sink.accept(new SourceRecord(where, paper, entries));
  }

  @Override
  public void finish(String fileName) {
    if (categories.dropped() > 0) {
      log.debug(
          "{}: dropped {} category values that are not arXiv categories (ACM/MSC classes, free"
              + " text)",
          fileName,
          categories.dropped());
    }
  }

  /** Values dropped so far because they are not arXiv categories. */
  public long droppedCategories() {
    return categories.dropped();
  }

  /** An array of strings, or one space-separated string as arXiv's other formats write them. */
  static List<String> stringsOrWords(JsonRecord r, String field) {
    JsonNode v = r.node(field);
    if (v != null && v.isTextual()) {
      return List.of(v.textValue());
    }
    return r.strings(field);
  }

  private @Nullable LocalDate dayInName(String fileName) {
    if (!fileName.equals(datedFile)) {
      datedFile = fileName;
      Matcher m = DATED_FILE.matcher(fileName);
      fileDay = null;
      if (m.matches()) {
        try {
          fileDay = LocalDate.parse(m.group(1));
        } catch (java.time.format.DateTimeParseException e) {
          fileDay = null;
        }
      }
    }
    return fileDay;
  }
}
