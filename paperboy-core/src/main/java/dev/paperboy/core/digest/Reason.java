package dev.paperboy.core.digest;

/**
 * Why a paper is in a digest, in words the reader sees next to it.
 *
 * @param kind which rule put it there
 * @param detail the rule's particular: the alert's query, the liked paper's title, the upvote count
 * @param verb for {@link Kind#SIMILAR}: how the reader liked that paper ({@code upvoted}, {@code
 *     saved}); empty otherwise
 */
public record Reason(Kind kind, String detail, String verb) {

  /** The rules that put papers into digests. */
  public enum Kind {
    /** Matches one of the subscriber's saved-topic alerts; detail: the query. */
    ALERT,
    /** Close to a paper the subscriber's account liked; detail: that paper's title. */
    SIMILAR,
    /** Among the most upvoted recent papers; detail: the upvote count. */
    TRENDING
  }

  public Reason {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    if (detail == null || detail.isBlank()) {
      throw new IllegalArgumentException("detail must not be blank, kind: " + kind);
    }
    verb = verb == null ? "" : verb;
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
   * The reason as one line: {@code Matches your alert "retrieval augmented generation"}, {@code
   * Similar to "Attention Is All You Need", which you upvoted}, {@code Trending: 42 upvotes}.
   */
  public String text() {
    return switch (kind) {
      case ALERT -> "Matches your alert \u201c" + detail + "\u201d";
      case SIMILAR -> "Similar to \u201c" + detail + "\u201d, which you " + verb;
      case TRENDING -> "Trending: " + detail + (detail.equals("1") ? " upvote" : " upvotes");
    };
  }
}
