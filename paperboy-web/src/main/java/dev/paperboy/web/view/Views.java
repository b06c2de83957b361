package dev.paperboy.web.view;

import dev.paperboy.core.search.Highlighted;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The records the templates render, one per page kind and a few shared parts. */
public final class Views {
  private Views() {}

  /**
   * What every page's layout needs.
   *
   * @param section the navigation entry to mark as current: daily, trending, search or none
   * @param query the search text to prefill in the header's search box
   * @param viewer who is looking, for the header and forms
   */
  public record PageMeta(
      String title,
      String description,
      String section,
      List<FeedLink> feeds,
      String query,
      Viewer viewer,
      List<MetaTag> tags) {
    public static PageMeta of(String title, String description, String section) {
      return new PageMeta(title, description, section, List.of(), "", Viewer.READ_ONLY, List.of());
    }

    public PageMeta withFeeds(List<FeedLink> f) {
      return new PageMeta(title, description, section, f, query, viewer, tags);
    }

    public PageMeta withQuery(String q) {
      return new PageMeta(title, description, section, feeds, q, viewer, tags);
    }

    /** The same page as seen by {@code v} (the layout shows sign-in or the account). */
    public PageMeta withViewer(Viewer v) {
      return new PageMeta(title, description, section, feeds, query, v, tags);
    }

    /** The page with these {@code <meta>} tags in its head. */
    public PageMeta withTags(List<MetaTag> t) {
      return new PageMeta(title, description, section, feeds, query, viewer, List.copyOf(t));
    }
  }

  /**
   * A {@code <meta>} tag of a page's head: {@code <meta property>} for Open Graph names ({@code
   * og:...}, as the Open Graph protocol defines them), {@code <meta name>} for the rest.
   */
  public record MetaTag(String name, String content) {
    public boolean property() {
      return name.startsWith("og:");
    }
  }

  /** A feed offered in both formats. */
  public record FeedLink(String title, String rss, String atom) {}

  /** A link with its text. */
  public record Link(String href, String label) {}

  /** A category with its name, e.g. cs.CL "Computation and Language". */
  public record CategoryTag(String code, String name, boolean primary) {}

  /**
   * A paper as one list item.
   *
   * @param rank the position in the list, from 1
   * @param teaser the start of the abstract, cut at a word
   * @param longAbstract true when the abstract is longer than the teaser
   * @param titleMarks the title with search matches marked, or null outside search
   * @param snippet the passage that matched a search, or null
   * @param numComments visible comments on the paper
   * @param score the trending score, formatted, or null outside trending
   * @param upvoted true when the signed-in viewer has upvoted it
   * @param saved whether the signed-in viewer saved it to their library; null when there is no
   *     library (read-only site, or nobody signed in)
   */
  public record PaperCard(
      int rank,
      String id,
      String title,
      @Nullable Highlighted titleMarks,
      List<String> authors,
      int moreAuthors,
      List<CategoryTag> categories,
      String teaser,
      List<String> abstractParagraphs,
      boolean longAbstract,
      @Nullable Highlighted snippet,
      int upvotes,
      int numComments,
      @Nullable Link code,
      @Nullable Integer githubStars,
      @Nullable String projectPage,
      String absUrl,
      String pdfUrl,
      @Nullable LocalDate day,
      @Nullable LocalDate date,
      @Nullable String score,
      @Nullable String aiSummary,
      boolean upvoted,
      @Nullable Boolean saved) {}

  /** Links to the previous and next page of a list, keeping its other parameters. */
  /**
   * Links to the previous and next pages.
   *
   * @param pages the number of pages, or 0 when it is not known (a search by meaning cannot count
   *     its results; it only knows whether there is a next page)
   */
  public record Pager(@Nullable String previous, @Nullable String next, int page, int pages) {
    public boolean shown() {
      return pages > 1 || (pages == 0 && (previous != null || next != null));
    }
  }

  /** A day's list: the home page and {@code /day/YYYY-MM-DD}. */
  public record DayView(
      PageMeta meta,
      LocalDate day,
      boolean home,
      List<PaperCard> cards,
      long total,
      Pager pager,
      @Nullable LocalDate previousDay,
      @Nullable LocalDate nextDay,
      @Nullable String noListReason,
      String week,
      String month,
      boolean subscribe) {}

  /** A day in a month's calendar grid; {@code day} is null for padding cells. */
  public record CalendarDay(@Nullable LocalDate day, int entries, boolean announcement) {}

  /**
   * A list over several days: a week, a month, or a category's recent papers.
   *
   * @param calendar rows of seven days, Monday first (months only, else empty)
   */
  public record RangeView(
      PageMeta meta,
      String kind,
      String heading,
      String subheading,
      LocalDate from,
      LocalDate to,
      List<PaperCard> cards,
      long total,
      Pager pager,
      @Nullable Link previous,
      @Nullable Link next,
      List<List<CalendarDay>> calendar,
      // Said instead of "no papers were listed between ..." when the list is empty (a category
      // without any papers), or null.
      @Nullable String emptyNote) {}

  /** A choice among a few values, e.g. a trending window or a search mode. */
  public record Choice(
      String value, String label, String href, boolean current, boolean available) {}

  /** The trending page. */
  public record TrendingView(
      PageMeta meta,
      List<Choice> windows,
      String windowLabel,
      List<PaperCard> cards,
      long total,
      Pager pager,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      String halfLife) {}

  /** A day a paper was featured on. */
  public record Featured(LocalDate day, String source, int upvotes, @Nullable String submitter) {}

  /** A labelled fact on the paper page (e.g. "Journal reference"). */
  public record Fact(String label, String value, @Nullable String href) {}

  /** The paper page. */
  public record PaperView(
      PageMeta meta,
      List<CommentView> comments,
      PaperCard card,
      List<String> allAuthors,
      List<Fact> facts,
      List<Featured> featured,
      List<String> keywords,
      String markdownPath,
      List<Similar> similar) {}

  /** A paper close in meaning to the one shown. */
  public record Similar(String id, String title, String authors, @Nullable LocalDate date) {}

  /** An option of the category filter. */
  public record CategoryOption(String code, String label, boolean selected) {}

  /** The search page, before and after a search. */
  public record SearchView(
      PageMeta meta,
      boolean searched,
      String q,
      List<Choice> modes,
      @Nullable String notice,
      @Nullable String error,
      List<CategoryOption> categories,
      String from,
      String to,
      boolean codeOnly,
      List<PaperCard> cards,
      String count,
      String took,
      Pager pager,
      @Nullable Link feedRss,
      @Nullable Link feedAtom) {}

  /** The page of an install with no papers yet. */
  public record EmptyView(PageMeta meta) {}

  /** A 400 or 404 page. */
  public record ErrorView(PageMeta meta, int status, String heading, String message) {}

  /**
   * The sign-in page in its stages: {@code form} (ask for an address), {@code sent} (check your
   * inbox), {@code confirm} (the link from the mail: one button to sign in), {@code invalid}.
   */
  public record SignInView(
      PageMeta meta,
      String stage,
      String email,
      @Nullable String error,
      String token,
      String next,
      String linkTtl) {}

  /** One of the user's API tokens. */
  public record TokenRow(String id, String name, String created) {}

  /** A line of the user's activity: a submission, an upvote or a comment. */
  public record ActivityItem(String href, String title, String when, @Nullable String detail) {}

  /**
   * The account page.
   *
   * @param newToken a token just created, shown this once
   */
  public record AccountView(
      PageMeta meta,
      String displayName,
      String email,
      String role,
      String since,
      @Nullable String notice,
      @Nullable String error,
      @Nullable String newToken,
      List<TokenRow> tokens,
      List<ActivityItem> submissions,
      List<ActivityItem> upvotes,
      List<ActivityItem> comments) {}

  /** An arXiv archive ({@code cs}): links to its categories' pages. */
  public record ArchiveView(PageMeta meta, String code, String name, List<Link> categories) {}

  /** A page with a heading and a message (signed out, account deleted). */
  public record MessageView(PageMeta meta, String heading, String message) {}

  /** The submit page. */
  public record SubmitView(
      PageMeta meta,
      String input,
      @Nullable String error,
      long maxAgeDays,
      int perDay,
      int leftToday) {}

  /**
   * A comment as the paper page shows it.
   *
   * @param html the Markdown rendered and sanitised ({@code CommentMarkdown}): safe to insert
   * @param mine true when the viewer wrote it (edit and delete are offered)
   * @param hidden true when moderators hid it (only moderators see it, marked)
   */
  public record CommentView(
      String id,
      String author,
      String html,
      String when,
      boolean edited,
      boolean deleted,
      boolean hidden,
      boolean mine,
      List<CommentView> replies) {}

  /** The page to edit one's comment. */
  public record EditCommentView(
      PageMeta meta, String id, String paperId, String body, @Nullable String error) {}

  /** A hidden paper on the moderation page. */
  public record HiddenRow(
      String id, String title, String when, String by, @Nullable String reason) {}

  /** An audit log line. */
  public record AuditRow(
      String when, String actor, String action, String target, @Nullable String detail) {}

  /**
   * The moderation page.
   *
   * @param audit the latest audit log lines (admins only; empty for moderators)
   */
  public record ModerationView(
      PageMeta meta,
      @Nullable String notice,
      @Nullable String error,
      List<HiddenRow> hidden,
      boolean admin,
      List<AuditRow> audit) {}
}
