package dev.paperboy.ingest.hf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.core.ingest.SourceRecord;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.Text;
import dev.paperboy.core.paper.VersionedId;
import dev.paperboy.ingest.support.Authors;
import dev.paperboy.ingest.support.BadRecordException;
import dev.paperboy.ingest.support.Dates;
import dev.paperboy.ingest.support.Ids;
import dev.paperboy.ingest.support.JsonRecord;
import dev.paperboy.ingest.support.Withdrawal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Maps one entry of the Hugging Face {@code daily_papers} API, {@code {"paper": {...},
 * "publishedAt", "title", "summary", "submittedBy": {...}, ...}}, to a paper and its place on a
 * day's list.
 *
 * <p>The paper: {@code paper.id}; {@code paper.title} (else the entry's {@code title}) through
 * {@link Text#oneLine}; {@code paper.summary} (else the entry's {@code summary}) through {@link
 * Text#paragraphs}; {@code paper.authors[].name}, all of them: an author with {@code "hidden":
 * true} is still an author of the arXiv paper (the flag hides the link to a Hugging Face profile on
 * the paper page), so the list matches arXiv's; {@code paper.publishedAt} (the arXiv submission
 * time) as the UTC submission day; {@code paper.githubRepo} as the code URL, {@code
 * paper.projectPage}, {@code paper.ai_summary}, {@code paper.ai_keywords}, {@code
 * paper.githubStars}. No categories and no listing day: Hugging Face gives neither.
 *
 * <p>The entry ({@link EntrySource#HUGGING_FACE}): upvotes from {@code paper.upvotes} (0 when
 * absent); the submitter is the Hugging Face user name, {@code submittedBy.name} (the entry's
 * submitter object, whose {@code name} is the handle and {@code fullname} the display name), else
 * {@code submittedBy.user}, else {@code paper.submittedOnDailyBy.user}, else {@code
 * paper.submittedOnDailyBy.name}; the submission time is {@code paper.submittedOnDailyAt}, else the
 * entry's {@code publishedAt}. The day is the list's day when the caller knows it (a file named
 * {@code YYYY-MM-DD.json}, a by-date line's {@code date}); otherwise the UTC day of {@code
 * paper.submittedOnDailyAt}, else of the entry's {@code publishedAt}.
 *
 * <p>Rejected: no {@code paper} object, a bad or missing {@code paper.id}, no title, a field of the
 * wrong type, negative upvotes or stars, a time that is not ISO-8601, or no way to tell the day.
 */
public final class HfEntryMapper {

  /**
   * Maps one entry.
   *
   * @param listDay the day of the list the entry is on, when the container says it; null to take it
   *     from the entry
   * @throws BadRecordException (or {@link IllegalArgumentException}) naming the field
   */
  public SourceRecord map(JsonNode node, String where, @Nullable LocalDate listDay) {
    JsonRecord entry = JsonRecord.of(node, "");
    JsonRecord paper = entry.object("paper");
    if (paper == null) {
      throw new BadRecordException("missing paper");
    }
    VersionedId id = Ids.parse(paper.requireString("id"), paper.path("id"));
    String title = paper.string("title");
    if (title == null || title.isBlank()) {
      title = entry.string("title");
    }
    if (title == null || title.isBlank()) {
      throw new BadRecordException("missing paper.title");
    }
    String summary = paper.string("summary");
    if (summary == null || summary.isBlank()) {
      summary = entry.string("summary");
    }
    String abstractText = Text.paragraphs(summary);

    Instant published = Dates.instant(paper.string("publishedAt"), paper.path("publishedAt"));
    Instant onDaily =
        Dates.instant(paper.string("submittedOnDailyAt"), paper.path("submittedOnDailyAt"));
    Instant entryPublished = Dates.instant(entry.string("publishedAt"), "publishedAt");
    LocalDate day = listDay;
    if (day == null && onDaily != null) {
      day = Dates.utcDay(onDaily);
    }
    if (day == null && entryPublished != null) {
      day = Dates.utcDay(entryPublished);
    }
    if (day == null) {
      throw new BadRecordException(
          "no day for the entry: the file name is not YYYY-MM-DD.json and neither"
              + " paper.submittedOnDailyAt nor publishedAt is given");
    }

    Integer upvotes = paper.integer("upvotes");
    Paper p =
        Paper.builder(id.id(), Text.oneLine(title))
            .version(id.version())
            .abstractText(abstractText)
            .authors(authors(paper))
            .submitted(published == null ? null : Dates.utcDay(published))
            .codeUrl(Text.oneLineOrNull(paper.string("githubRepo")))
            .projectPage(Text.oneLineOrNull(paper.string("projectPage")))
            .aiSummary(Text.oneLineOrNull(paper.string("ai_summary")))
            .aiKeywords(Authors.clean(paper.strings("ai_keywords")))
            .githubStars(paper.integer("githubStars"))
            .withdrawn(Withdrawal.isWithdrawn(null, abstractText))
            .build();
    DailyEntry e =
        new DailyEntry(
            day,
            id.id(),
            EntrySource.HUGGING_FACE,
            submitter(entry, paper),
            upvotes == null ? 0 : upvotes,
            onDaily != null ? onDaily : entryPublished);
    return new SourceRecord(where, p, List.of(e));
  }

  private static List<String> authors(JsonRecord paper) {
    List<JsonNode> nodes = paper.array("authors");
    List<String> names = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode a = nodes.get(i);
      if (a.isTextual()) {
        names.add(a.textValue());
        continue;
      }
      String name = JsonRecord.of(a, paper.path("authors") + "[" + i + "]").string("name");
      if (name != null) {
        names.add(name);
      }
    }
    return Authors.clean(names);
  }

  private static @Nullable String submitter(JsonRecord entry, JsonRecord paper) {
    JsonRecord by = entry.object("submittedBy");
    String s = by == null ? null : first(by.string("name"), by.string("user"));
    if (s == null) {
      JsonRecord daily = paper.object("submittedOnDailyBy");
      s = daily == null ? null : first(daily.string("user"), daily.string("name"));
    }
    return Text.oneLineOrNull(s);
  }

  private static @Nullable String first(@Nullable String a, @Nullable String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}
