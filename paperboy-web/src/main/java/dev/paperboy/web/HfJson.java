package dev.paperboy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.web.view.Cards;
import dev.paperboy.web.view.Fmt;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * JSON in the shape of the Hugging Face papers API ({@code /api/daily_papers}, {@code
 * /api/papers/{id}}), field for field where the concepts overlap, so clients written for it work
 * here. Compared with real responses ({@code shared/data/hf-daily/raw/}):
 *
 * <ul>
 *   <li>Kept: {@code paper.id, authors[].name, publishedAt, title, summary, upvotes,
 *       submittedOnDailyAt, submittedOnDailyBy, projectPage, githubRepo, githubStars, ai_summary,
 *       ai_keywords}; on entries {@code paper, publishedAt, title, summary, numComments,
 *       submittedBy}.
 *   <li>Left out, because Paperboy has no such thing: HF user and author ids ({@code _id}),
 *       avatars, {@code thumbnail}, {@code mediaUrls}, {@code organization}, {@code discussionId},
 *       {@code isAuthorParticipating}. Optional fields are omitted when empty, as HF does.
 *   <li>Added (Paperboy's own): {@code paper.categories} (arXiv codes, primary first).
 * </ul>
 *
 * <p>Dates: {@code publishedAt} is the paper's first submission day (HF gives arXiv's submission
 * time; Paperboy keeps days), written as HF writes instants: {@code 2025-06-16T00:00:00.000Z}.
 */
final class HfJson {
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final ObjectMapper mapper;

  HfJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The paper object ({@code GET /api/papers/{id}}, and {@code paper} inside entries). */
  ObjectNode paper(Paper p, int upvotes, @Nullable DailyEntry entry) {
    ObjectNode o = mapper.createObjectNode();
    o.put("id", p.id().value());
    ArrayNode authors = o.putArray("authors");
    for (String a : p.authors()) {
      authors.addObject().put("name", a).put("hidden", false);
    }
    LocalDate published = publishedDay(p);
    if (published != null) {
      o.put("publishedAt", instant(published));
    }
    if (entry != null) {
      o.put(
          "submittedOnDailyAt",
          entry.submittedAt() != null ? INSTANT.format(entry.submittedAt()) : instant(entry.day()));
      if (entry.submitter() != null) {
        o.set("submittedOnDailyBy", user(entry.submitter(), true));
      }
    }
    o.put("title", p.title());
    o.put("summary", p.abstractText());
    o.put("upvotes", upvotes);
    String project = Fmt.safeUrl(p.projectPage());
    if (project != null) {
      o.put("projectPage", project);
    }
    String code = Fmt.safeUrl(p.codeUrl());
    if (code != null) {
      o.put("githubRepo", code);
    }
    if (p.githubStars() != null) {
      o.put("githubStars", p.githubStars());
    }
    if (p.aiSummary() != null) {
      o.put("ai_summary", p.aiSummary());
    }
    if (!p.aiKeywords().isEmpty()) {
      ArrayNode k = o.putArray("ai_keywords");
      p.aiKeywords().forEach(k::add);
    }
    ArrayNode cats = o.putArray("categories");
    Cards.categories(p).forEach(c -> cats.add(c.code()));
    return o;
  }

  /** A daily-papers entry: the paper plus the list's fields. */
  ObjectNode entry(Paper p, DailyEntry e, int upvotes) {
    return entry(p, e, upvotes, 0);
  }

  /** A daily-papers entry with its number of visible comments. */
  ObjectNode entry(Paper p, DailyEntry e, int upvotes, int numComments) {
    ObjectNode o = mapper.createObjectNode();
    o.set("paper", paper(p, upvotes, e));
    LocalDate published = publishedDay(p);
    if (published != null) {
      o.put("publishedAt", instant(published));
    }
    o.put("title", p.title());
    o.put("summary", p.abstractText());
    o.put("numComments", numComments);
    if (e.submitter() != null) {
      o.set("submittedBy", user(e.submitter(), false));
    }
    return o;
  }

  /** A search result: the entry shape without a list's fields. */
  ObjectNode found(Paper p, int upvotes) {
    return found(p, upvotes, 0);
  }

  /** A search result with its number of visible comments. */
  ObjectNode found(Paper p, int upvotes, int numComments) {
    ObjectNode o = mapper.createObjectNode();
    o.set("paper", paper(p, upvotes, null));
    LocalDate published = publishedDay(p);
    if (published != null) {
      o.put("publishedAt", instant(published));
    }
    o.put("title", p.title());
    o.put("summary", p.abstractText());
    o.put("numComments", numComments);
    return o;
  }

  /**
   * A user as HF names one: {@code paper.submittedOnDailyBy} has {@code user}, the entry's {@code
   * submittedBy} does not.
   */
  private ObjectNode user(String name, boolean withUserField) {
    ObjectNode u = mapper.createObjectNode();
    u.put("name", name);
    u.put("fullname", name);
    if (withUserField) {
      u.put("user", name);
    }
    u.put("type", "user");
    return u;
  }

  private static @Nullable LocalDate publishedDay(Paper p) {
    return p.submitted() != null ? p.submitted() : p.displayDate();
  }

  static String instant(LocalDate day) {
    return INSTANT.format(day.atStartOfDay(ZoneOffset.UTC));
  }

  static String instant(Instant i) {
    return INSTANT.format(i);
  }
}
