package dev.paperboy.core.digest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Why a paper is in a digest, in words the reader sees next to it.
 *
 * @param kind which rule put it there
 * @param detail the rule's particular: the alert's query, the liked paper's title, the upvote count
 * @param verb for {@link Kind#SIMILAR}: how the reader liked that paper ({@code upvoted}, {@code
 *     saved}); for {@link Kind#NEW}: {@value #IN_CATEGORIES} when the subscriber keeps to some
 *     categories; empty otherwise
 */
public record Reason(Kind kind, String detail, String verb) {

  /** The rules that put papers into digests. */
  public enum Kind {
    /** Matches one of the subscriber's saved-topic alerts; detail: the query. */
    ALERT,
    /** Close to a paper the subscriber's account liked; detail: that paper's title. */
    SIMILAR,
    /** Among the most upvoted recent papers; detail: the upvote count. */
    TRENDING,
    /**
     * Newly listed, shown in the trending section because nobody had upvoted a paper in the
     * subscriber's categories yet (an install with arXiv data only); detail: the list day, ISO.
     */
    NEW
  }

  /** The {@link #verb} of a {@link Kind#NEW} reason chosen within the subscriber's categories. */
  public static final String IN_CATEGORIES = "in your categories";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

  public Reason {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    if (detail == null || detail.isBlank()) {
      throw new IllegalArgumentException("detail must not be blank, kind: " + kind);
    }
    verb = verb == null ? "" : verb;
    if (kind == Kind.NEW) {
      try {
        LocalDate.parse(detail);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "detail of a new-paper reason must be a date (YYYY-MM-DD), detail: " + detail);
      }
    }
  }

  public static Reason alert(String query) {
    return new Reason(Kind.ALERT, query, "");
  }

  public static Reason similar(String likedTitle, String verb) {
    return new Reason(Kind.SIMILAR, likedTitle, verb);
  }

  public static Reason trending(int upvotes) {
    return new Reason(Kind.TRENDING, Integer.toString(upvotes), "");
  }

  /**
   * A newly listed paper in place of trending ones.
   *
   * @param inCategories whether it was chosen within the subscriber's categories
   */
  public static Reason newest(LocalDate listed, boolean inCategories) {
    return new Reason(Kind.NEW, listed.toString(), inCategories ? IN_CATEGORIES : "");
  }

  /**
   * The reason as one line: {@code Matches your alert "retrieval augmented generation"}, {@code
   * Similar to "Attention Is All You Need", which you upvoted}, {@code Trending: 42 upvotes},
   * {@code New on Tuesday 14 July}.
   */
  public String text() {
    return switch (kind) {
      case ALERT -> "Matches your alert \u201c" + detail + "\u201d";
      case SIMILAR -> "Similar to \u201c" + detail + "\u201d, which you " + verb;
      case TRENDING -> "Trending: " + detail + (detail.equals("1") ? " upvote" : " upvotes");
      case NEW -> "New on " + LocalDate.parse(detail).format(DAY);
    };
  }
}
