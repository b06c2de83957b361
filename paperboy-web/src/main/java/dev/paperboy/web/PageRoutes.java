package dev.paperboy.web;

import dev.paperboy.core.calendar.NoAnnouncement;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Categories;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.DayCount;
import dev.paperboy.core.paper.EntryOrder;
import dev.paperboy.core.paper.EntryQuery;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.paper.PaperVersion;
import dev.paperboy.core.paper.VersionedId;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.trending.TrendingWindow;
import dev.paperboy.web.view.Cards;
import dev.paperboy.web.view.Fmt;
import dev.paperboy.web.view.Views;
import dev.paperboy.web.view.Views.PageMeta;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTML pages. */
final class PageRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(PageRoutes.class);

  /** How far back a category page looks. */
  static final int CATEGORY_DAYS = 30;

  /** The addresses a paper page's forms post to: {@code ID/upvote}, {@code ID/save}, ... */
  private static final java.util.regex.Pattern FORM_ACTION =
      java.util.regex.Pattern.compile("(.+)/(upvote|save|comments)");

  private final WebConfig config;
  private final Catalog catalog;
  private final PaperStore store;
  private final Templates templates;
  private final WebSecurity security;
  private final Engagement engagement;
  // True when email digests are on: the home page shows the subscribe form.
  private boolean subscribe;

  PageRoutes(
      WebConfig config,
      Catalog catalog,
      Templates templates,
      WebSecurity security,
      Engagement engagement) {
    this.config = config;
    this.catalog = catalog;
    this.store = catalog.store();
    this.templates = templates;
    this.security = security;
    this.engagement = engagement;
  }

  /** Shows the digest's subscribe form on the home page. */
  void subscribeForm(boolean on) {
    this.subscribe = on;
  }

  void register(RoutesConfig routes) {
    routes.get("/", this::home);
    routes.get(
        "/day/{date}", ctx -> day(ctx, Params.parseDate("date", ctx.pathParam("date")), false));
    routes.get("/week/{week}", this::week);
    routes.get("/month/{month}", this::month);
    routes.get("/trending", this::trending);
    routes.get("/category/{code}", this::category);
    routes.get("/papers/<id>", this::paper);
    routes.get("/search", this::search);
  }

  private void home(Context ctx) {
    Optional<LocalDate> latest = store.latestDay();
    if (latest.isEmpty()) {
      empty(ctx);
      return;
    }
    day(ctx, latest.get(), true);
  }

  private void empty(Context ctx) {
    PageMeta meta =
        meta(ctx, "Welcome", "Paperboy has no papers yet: import or harvest some.", "daily");
    render(ctx, "empty.jte", new Views.EmptyView(meta));
  }

  private void day(Context ctx, LocalDate day, boolean home) {
    Params params = Params.of(ctx);
    int page = params.integer("p", 1, 1, 100_000);
    if (store.latestDay().isEmpty()) {
      empty(ctx);
      return;
    }
    int size = config.pageSize();
    Catalog.Slice slice =
        catalog.list(EntryQuery.day(day), EntryOrder.UPVOTES, (page - 1) * size, size);
    checkPage(page, slice.total(), size);
    LocalDate previous = store.dayBefore(day).orElse(null);
    LocalDate next = store.dayAfter(day).orElse(null);
    String reason = slice.total() == 0 ? whyNoList(day) : null;
    String feedQuery = home ? "" : "?date=" + day;
    PageMeta meta =
        meta(
                ctx,
                home ? "Daily Papers" : "Daily Papers, " + Fmt.longDay(day),
                "Papers of " + Fmt.longDay(day) + " (UTC), most upvoted first.",
                "daily")
            .withFeeds(
                List.of(
                    new Views.FeedLink(
                        "Daily papers",
                        "/feeds/daily.rss" + feedQuery,
                        "/feeds/daily.atom" + feedQuery)));
    render(
        ctx,
        "day.jte",
        new Views.DayView(
            meta,
            day,
            home,
            cards(ctx, slice),
            slice.total(),
            Links.pager(ctx, page, slice.total(), size),
            previous,
            next,
            reason,
            Params.weekLabel(day),
            YearMonth.from(day).toString(),
            subscribe));
  }

  /** Why {@code day} has no list, in a sentence for readers. */
  String whyNoList(LocalDate day) {
    Optional<NoAnnouncement> why = config.calendar().whyNoAnnouncement(day);
    if (why.isPresent()) {
      return why.get().explanation();
    }
    if (day.isAfter(catalog.today())) {
      return "This day has not happened yet (today is " + Fmt.longDay(catalog.today()) + ", UTC).";
    }
    Optional<LocalDate> latest = store.latestDay();
    if (latest.isPresent() && day.isAfter(latest.get())) {
      return "arXiv announces papers on this day of the week, but no list for it has been imported"
          + " yet. The latest list is of "
          + Fmt.longDay(latest.get())
          + ".";
    }
    return "arXiv announces papers on this day of the week, but no list for it was imported (an"
        + " arXiv holiday, or a gap in the imported data).";
  }

  private void week(Context ctx) {
    LocalDate monday = Params.parseWeek("week", ctx.pathParam("week"));
    LocalDate sunday = monday.plusDays(6);
    String label = Params.weekLabel(monday);
    String heading =
        "Week "
            + label.substring(label.indexOf('W') + 1)
            + ", "
            + monday.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR);
    range(
        ctx,
        "Weekly Papers",
        heading,
        monday,
        sunday,
        null,
        EntryOrder.UPVOTES,
        store.dayBefore(monday).isEmpty()
            ? null
            : new Views.Link("/week/" + Params.weekLabel(monday.minusWeeks(1)), "Previous week"),
        store.dayAfter(sunday).isEmpty()
            ? null
            : new Views.Link("/week/" + Params.weekLabel(monday.plusWeeks(1)), "Next week"),
        List.of(),
        null);
  }

  private void month(Context ctx) {
    YearMonth month = Params.parseMonth("month", ctx.pathParam("month"));
    LocalDate first = month.atDay(1);
    LocalDate last = month.atEndOfMonth();
    range(
        ctx,
        "Monthly Papers",
        Fmt.month(first),
        first,
        last,
        null,
        EntryOrder.UPVOTES,
        // Like the day pages, no link past the first or last list: only empty pages lie beyond.
        store.dayBefore(first).isEmpty()
            ? null
            : new Views.Link("/month/" + month.minusMonths(1), Fmt.month(first.minusMonths(1))),
        store.dayAfter(last).isEmpty()
            ? null
            : new Views.Link("/month/" + month.plusMonths(1), Fmt.month(first.plusMonths(1))),
        calendar(month),
        null);
  }

  private List<List<Views.CalendarDay>> calendar(YearMonth month) {
    List<DayCount> counts = store.dayCounts(month.atDay(1), month.atEndOfMonth());
    java.util.Map<LocalDate, Integer> byDay = new java.util.HashMap<>();
    for (DayCount c : counts) {
      byDay.put(c.day(), c.entries());
    }
    List<List<Views.CalendarDay>> rows = new ArrayList<>();
    List<Views.CalendarDay> row = new ArrayList<>();
    int pad = month.atDay(1).getDayOfWeek().getValue() - 1;
    for (int i = 0; i < pad; i++) {
      row.add(new Views.CalendarDay(null, 0, false));
    }
    for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
      row.add(
          new Views.CalendarDay(
              d, byDay.getOrDefault(d, 0), config.calendar().isAnnouncementDay(d)));
      if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        rows.add(row);
        row = new ArrayList<>();
      }
    }
    if (!row.isEmpty()) {
      while (row.size() < 7) {
        row.add(new Views.CalendarDay(null, 0, false));
      }
      rows.add(row);
    }
    return rows;
  }

  private void category(Context ctx) {
    String raw = ctx.pathParam("code");
    Categories tax = Categories.arxiv();
    // cs.cl and CS.CL are cs.CL: a 301 to the one spelling, as for aliases.
    Optional<String> canonical = tax.canonicalIgnoringCase(raw);
    if (canonical.isEmpty()) {
      archive(ctx, tax, raw);
      return;
    }
    if (!canonical.get().equals(raw)) {
      ctx.redirect("/category/" + canonical.get(), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    String code = canonical.get();
    // ?to=DAY: an older window of the category, reached by the "Older papers" link.
    LocalDate asked = Params.of(ctx).date("to");
    Optional<LocalDate> latest = store.latestDayIn(code);
    LocalDate to = asked != null ? asked : latest.or(store::latestDay).orElse(catalog.today());
    LocalDate from = to.minusDays(CATEGORY_DAYS - 1L);
    String base = "/category/" + code;
    // Older: the window that ends on the category's last day before this one, so no gap of
    // empty windows lies between; newer: the window that starts on its next day (the default
    // page when that one reaches the category's latest day).
    Views.Link older =
        store
            .dayBeforeIn(code, from)
            .map(d -> new Views.Link(base + "?to=" + d, "Older papers"))
            .orElse(null);
    Views.Link newer =
        store
            .dayAfterIn(code, to)
            .map(
                d -> {
                  LocalDate end = d.plusDays(CATEGORY_DAYS - 1L);
                  boolean reachesLatest = latest.isPresent() && !latest.get().isAfter(end);
                  return new Views.Link(reachesLatest ? base : base + "?to=" + end, "Newer papers");
                })
            .orElse(null);
    String emptyNote =
        latest.isEmpty() ? "No papers of " + code + " have been imported yet." : null;
    range(
        ctx,
        "Category",
        code + " · " + tax.name(code),
        from,
        to,
        code,
        EntryOrder.NEWEST,
        older,
        newer,
        List.of(),
        emptyNote);
  }

  /**
   * The last day of a category page's window (and of its feeds): the category's own latest day with
   * papers, so a quiet category shows its last weeks of papers rather than an empty window ending
   * on the store's latest list. Without papers of the category, the store's latest day (or {@code
   * today} for an empty store).
   */
  static LocalDate categoryEnd(PaperStore store, String code, LocalDate today) {
    // The same choice as category() makes, which reuses the latest day it also links with.
    return store.latestDayIn(code).or(store::latestDay).orElse(today);
  }

  /** {@code /category/cs}: the archive's categories, each linking to its page. */
  private void archive(Context ctx, Categories tax, String raw) {
    Optional<String> archive = tax.archiveIgnoringCase(raw);
    List<Categories.Category> cats = archive.map(tax::activeIn).orElse(List.of());
    if (cats.isEmpty()) {
      throw new NotFound("There is no arXiv category '" + raw + "'.");
    }
    String code = archive.get();
    if (!code.equals(raw)) {
      ctx.redirect("/category/" + code, HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    String name = tax.archiveName(code).orElse(code);
    render(
        ctx,
        "archive.jte",
        new Views.ArchiveView(
            meta(
                ctx,
                code + " · " + name,
                "The categories of arXiv's " + name + " archive.",
                "none"),
            code,
            name,
            cats.stream()
                .map(c -> new Views.Link("/category/" + c.code(), c.code() + " · " + c.name()))
                .toList()));
  }

  private void range(
      Context ctx,
      String kind,
      String heading,
      LocalDate from,
      LocalDate to,
      @Nullable String category,
      EntryOrder order,
      Views.@Nullable Link previous,
      Views.@Nullable Link next,
      List<List<Views.CalendarDay>> calendar,
      @Nullable String emptyNote) {
    int page = Params.of(ctx).integer("p", 1, 1, 100_000);
    int size = config.pageSize();
    EntryQuery query = EntryQuery.between(from, to).withCategory(category);
    Catalog.Slice slice = catalog.list(query, order, (page - 1) * size, size);
    checkPage(page, slice.total(), size);
    String span = Fmt.day(from) + " – " + Fmt.day(to);
    String sub =
        span
            + " · "
            + Fmt.count(slice.total(), "paper", "papers")
            + (order == EntryOrder.UPVOTES ? ", most upvoted first" : ", newest first");
    PageMeta meta = meta(ctx, heading, kind + ": " + span, category == null ? "daily" : "none");
    if (category != null) {
      meta =
          meta.withFeeds(
              List.of(
                  new Views.FeedLink(
                      category + " papers",
                      "/feeds/category/" + category + ".rss",
                      "/feeds/category/" + category + ".atom")));
    }
    render(
        ctx,
        "range.jte",
        new Views.RangeView(
            meta,
            kind,
            heading,
            sub,
            from,
            to,
            cards(ctx, slice),
            slice.total(),
            Links.pager(ctx, page, slice.total(), size),
            previous,
            next,
            calendar,
            emptyNote));
  }

  private void trending(Context ctx) {
    Params params = Params.of(ctx);
    String w = params.text("window");
    TrendingWindow window;
    try {
      window = w == null ? TrendingWindow.WEEK : TrendingWindow.parse(w);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("window", e.getMessage());
    }
    int page = params.integer("p", 1, 1, 100_000);
    int size = config.pageSize();
    Optional<Catalog.Trending> trending =
        catalog.trending(window.days(), window.halfLife(), (page - 1) * size, size);
    List<Views.Choice> windows = new ArrayList<>();
    for (TrendingWindow tw : TrendingWindow.values()) {
      windows.add(
          new Views.Choice(
              tw.param(), tw.label(), "/trending?window=" + tw.param(), tw == window, true));
    }
    Catalog.Slice slice =
        trending.map(Catalog.Trending::slice).orElse(new Catalog.Slice(List.of(), 0, 0, size));
    checkPage(page, slice.total(), size);
    PageMeta meta =
        meta(
                ctx,
                "Trending papers",
                "The most upvoted recent papers, newer votes weigh more.",
                "trending")
            .withFeeds(
                List.of(
                    new Views.FeedLink(
                        "Trending (" + window.label().toLowerCase(Locale.ROOT) + ")",
                        "/feeds/trending.rss?window=" + window.param(),
                        "/feeds/trending.atom?window=" + window.param())));
    render(
        ctx,
        "trending.jte",
        new Views.TrendingView(
            meta,
            windows,
            window.label(),
            cards(ctx, slice),
            slice.total(),
            Links.pager(ctx, page, slice.total(), size),
            trending.map(Catalog.Trending::from).orElse(null),
            trending.map(Catalog.Trending::to).orElse(null),
            humanDuration(window.halfLife())));
  }

  private void paper(Context ctx) {
    String raw = ctx.pathParam("id");
    // The forms of a paper's page post to /papers/ID/upvote, /save and /comments. A GET of one (a
    // reload after the form's answer, a copied address) is a reader who wants the paper, not a
    // malformed id ("not an arXiv id: '2506.01234/upvote'" was the answer).
    java.util.regex.Matcher action = FORM_ACTION.matcher(raw);
    if (action.matches()) {
      ArxivId target;
      try {
        target = VersionedId.parse(action.group(1)).id();
      } catch (IllegalArgumentException e) {
        throw new BadRequest("arxivId", e.getMessage());
      }
      String anchor = action.group(2).equals("comments") ? "#comments" : "";
      ctx.redirect("/papers/" + target.value() + anchor, HttpStatus.SEE_OTHER);
      return;
    }
    boolean markdown = raw.endsWith(".md");
    String idText = markdown ? raw.substring(0, raw.length() - 3) : raw;
    VersionedId vid;
    try {
      vid = VersionedId.parse(idText);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("arxivId", e.getMessage());
    }
    ArxivId id = vid.id();
    if (vid.version() != 0 || !id.value().equals(idText)) {
      ctx.redirect("/papers/" + id.value() + (markdown ? ".md" : ""), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    Paper p =
        catalog.paper(id).orElseThrow(() -> new NotFound("No paper " + id + " in this Paperboy."));
    List<DailyEntry> featured = catalog.featured(id);
    int upvotes = Catalog.upvotes(featured);
    if (markdown) {
      ctx.contentType("text/markdown; charset=utf-8");
      ctx.result(PaperMarkdown.render(p, featured, upvotes));
      return;
    }
    Views.PaperCard card = engagement.decorate(ctx, Cards.card(0, p, null, upvotes, null));
    List<Views.Featured> days = new ArrayList<>();
    for (DailyEntry e : featured) {
      days.add(new Views.Featured(e.day(), sourceLabel(e.source()), e.upvotes(), e.submitter()));
    }
    PageMeta meta = meta(ctx, p.title(), Cards.teaserOf(p), "none").withTags(citationTags(p));
    List<Views.Similar> similar = new ArrayList<>();
    List<Catalog.Found> near;
    try {
      near = catalog.similar(id, SIMILAR_ON_PAGE);
    } catch (RuntimeException e) {
      // Similar papers are a side dish: the paper page still shows when the index cannot answer.
      LOG.warn("similar papers of {} unavailable", id, e);
      near = List.of();
    }
    for (Catalog.Found f : near) {
      Paper s = f.paper();
      similar.add(
          new Views.Similar(s.id().value(), s.title(), shortAuthors(s.authors()), s.displayDate()));
    }
    render(
        ctx,
        "paper.jte",
        new Views.PaperView(
            meta,
            engagement.threads(ctx, id),
            card,
            p.authors(),
            facts(p),
            days,
            p.aiKeywords(),
            "/papers/" + id + ".md",
            similar));
  }

  static final int SIMILAR_ON_PAGE = 6;

  private static final java.time.format.DateTimeFormatter CITATION_DATE =
      java.time.format.DateTimeFormatter.ofPattern("uuuu/MM/dd");

  /**
   * The paper as reference managers and search engines read it: Highwire Press {@code citation_*}
   * tags (Google Scholar's inclusion guidelines; Zotero's and Mendeley's importers read them, and
   * arXiv's abstract pages carry the same), and Open Graph for link previews.
   */
  static List<Views.MetaTag> citationTags(Paper p) {
    List<Views.MetaTag> tags = new ArrayList<>();
    tags.add(new Views.MetaTag("citation_title", p.title()));
    for (String a : p.authors()) {
      tags.add(new Views.MetaTag("citation_author", a));
    }
    LocalDate date = p.submitted() != null ? p.submitted() : p.displayDate();
    if (date != null) {
      tags.add(new Views.MetaTag("citation_date", CITATION_DATE.format(date)));
    }
    tags.add(new Views.MetaTag("citation_arxiv_id", p.id().value()));
    tags.add(new Views.MetaTag("citation_pdf_url", p.id().pdfUrl()));
    tags.add(new Views.MetaTag("citation_abstract_html_url", p.id().absUrl()));
    if (p.doi() != null) {
      tags.add(new Views.MetaTag("citation_doi", p.doi()));
    }
    tags.add(new Views.MetaTag("og:type", "article"));
    tags.add(new Views.MetaTag("og:site_name", "Paperboy"));
    tags.add(new Views.MetaTag("og:title", p.title()));
    tags.add(new Views.MetaTag("og:description", Cards.teaserOf(p)));
    return tags;
  }

  static String shortAuthors(List<String> authors) {
    if (authors.size() <= 3) {
      return String.join(", ", authors);
    }
    return String.join(", ", authors.subList(0, 3)) + " et al.";
  }

  static String sourceLabel(EntrySource s) {
    return switch (s) {
      case ARXIV -> "arXiv announcement";
      case ARXIV_CROSS -> "arXiv announcement (cross-list)";
      case HUGGING_FACE -> "Hugging Face Daily Papers";
      case COMMUNITY -> "submitted here";
    };
  }

  private static List<Views.Fact> facts(Paper p) {
    List<Views.Fact> facts = new ArrayList<>();
    if (p.submitted() != null) {
      facts.add(new Views.Fact("Submitted", Fmt.day(p.submitted()), null));
    }
    if (p.listingDate() != null) {
      facts.add(new Views.Fact("Announced", Fmt.day(p.listingDate()), "/day/" + p.listingDate()));
    }
    Optional<PaperVersion> revision = p.latestRevision();
    if (revision.isPresent()) {
      PaperVersion r = revision.get();
      facts.add(new Views.Fact("Updated", "to v" + r.number() + " on " + Fmt.day(r.date()), null));
    } else if (p.updated() != null && !p.updated().equals(p.submitted())) {
      facts.add(new Views.Fact("Updated", Fmt.day(p.updated()), null));
    }
    if (!p.versions().isEmpty()) {
      StringBuilder v = new StringBuilder();
      for (PaperVersion pv : p.versions()) {
        if (!v.isEmpty()) {
          v.append(", ");
        }
        v.append('v').append(pv.number()).append(" (").append(Fmt.day(pv.date())).append(')');
      }
      facts.add(new Views.Fact("Versions", v.toString(), null));
    } else if (p.version() > 0) {
      facts.add(new Views.Fact("Version", "v" + p.version(), null));
    }
    if (p.comments() != null) {
      facts.add(new Views.Fact("Comments", p.comments(), null));
    }
    if (p.journalRef() != null) {
      facts.add(new Views.Fact("Journal reference", p.journalRef(), null));
    }
    if (p.doi() != null) {
      facts.add(new Views.Fact("DOI", p.doi(), Fmt.safeUrl("https://doi.org/" + p.doi())));
    }
    if (p.license() != null) {
      facts.add(new Views.Fact("License", p.license(), Fmt.safeUrl(p.license())));
    }
    if (p.withdrawn()) {
      facts.add(new Views.Fact("Status", "Withdrawn by its authors", null));
    }
    return facts;
  }

  private void search(Context ctx) {
    Params params = Params.of(ctx);
    String q = params.text("q");
    String modeText = params.text("mode");
    SearchMode asked;
    try {
      asked = modeText == null ? config.defaultSearchMode() : SearchMode.parse(modeText);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("mode", e.getMessage());
    }
    String categoryText = params.text("category");
    String category = null;
    if (categoryText != null) {
      category =
          Categories.arxiv()
              .canonical(categoryText)
              .orElseThrow(
                  () ->
                      new BadRequest(
                          "category", "no arXiv category '" + Params.clip(categoryText) + "'"));
    }
    LocalDate from = params.date("from");
    LocalDate to = params.date("to");
    if (from != null && to != null && from.isAfter(to)) {
      throw new BadRequest("from", "the range is empty: from " + from + " is after to " + to);
    }
    boolean code = params.flag("code");
    int page = params.integer("p", 1, 1, 1000);
    int size = config.pageSize();
    int offset = (page - 1) * size;
    if (offset >= MAX_SEARCH_RESULTS) {
      throw new NotFound(
          "Search shows the first "
              + Fmt.count(MAX_SEARCH_RESULTS, "result", "results")
              + "; there is no page "
              + page
              + ". Narrow the search with more words or a filter.");
    }
    if (q != null && q.length() > Params.MAX_QUERY_LENGTH) {
      throw new BadRequest("q", "is too long (at most " + Params.MAX_QUERY_LENGTH + " characters)");
    }

    String notice = null;
    SearchMode mode = asked;
    if (!config.searchModes().contains(asked)) {
      mode = config.defaultSearchMode();
      notice =
          modeName(asked)
              + " search is not available on this server, so these are "
              + modeName(mode).toLowerCase(Locale.ROOT)
              + " results."
              + (asked != SearchMode.BM25
                  ? " It needs the embeddings of the papers (bin/paperboy embed)."
                  : "");
    }
    if (notice == null && mode != SearchMode.BM25) {
      var coverage = catalog.semanticCoverage();
      if (coverage.isPresent() && coverage.get().fraction() < 1) {
        notice =
            String.format(
                Locale.ROOT,
                "Embeddings are still being computed: %.0f%% of papers can be found by meaning so"
                    + " far; the rest are found by their keywords.",
                Math.floor(coverage.get().fraction() * 100));
      }
    }
    List<Views.Choice> modes = new ArrayList<>();
    for (SearchMode m : SearchMode.values()) {
      modes.add(
          new Views.Choice(
              m.label(), modeName(m), "", m == asked, config.searchModes().contains(m)));
    }
    final String selected = category;
    List<Views.CategoryOption> options =
        Categories.arxiv().active().stream()
            .map(
                c ->
                    new Views.CategoryOption(
                        c.code(), c.code() + " · " + c.name(), c.code().equals(selected)))
            .toList();

    List<Views.PaperCard> cards = List.of();
    String count = "";
    String took = "";
    String error = null;
    Views.Pager pager = new Views.Pager(null, null, 1, 1);
    Views.Link rss = null;
    Views.Link atom = null;
    if (q != null) {
      long start = System.nanoTime();
      // Keyword search counts its matches. Semantic and hybrid searches rank the nearest papers
      // they are asked for and cannot count the rest (their total is offset + limit at most), so
      // they are asked for one more than a page: that one says whether there is a next page.
      boolean counted = mode == SearchMode.BM25;
      int limit = counted ? size : Math.min(size + 1, MAX_SEARCH_RESULTS - offset);
      try {
        SearchQuery query =
            new SearchQuery(
                q,
                mode,
                category == null ? Set.of() : Set.of(category),
                from,
                to,
                code,
                offset,
                limit);
        Catalog.Results results = catalog.search(query);
        List<Catalog.Found> items = results.items();
        boolean more = !counted && items.size() > size;
        if (more) {
          items = items.subList(0, size);
        }
        if (counted) {
          long reachable = Math.min(results.total(), MAX_SEARCH_RESULTS);
          checkPage(page, reachable, size);
          pager = Links.pager(ctx, page, reachable, size);
          count = Fmt.count(results.total(), "result", "results");
        } else {
          if (page > 1 && items.isEmpty()) {
            throw new NotFound("There is no page " + page + " of these results.");
          }
          pager = Links.openPager(ctx, page, more);
          count =
              items.isEmpty()
                  ? Fmt.count(0, "result", "results")
                  : String.format(
                      Locale.ENGLISH, "Results %,d–%,d", offset + 1, offset + items.size());
        }
        cards = new ArrayList<>();
        int rank = offset;
        for (Catalog.Found f : items) {
          cards.add(Cards.hit(++rank, f.paper(), f.upvotes(), f.hit().title(), f.hit().snippet()));
        }
        cards = engagement.decorate(ctx, cards);
        String feedQuery = Links.with(ctx, "p", null);
        feedQuery = feedQuery.substring(ctx.path().length());
        rss = new Views.Link("/feeds/search.rss" + feedQuery, "RSS");
        atom = new Views.Link("/feeds/search.atom" + feedQuery, "Atom");
      } catch (IllegalArgumentException e) {
        error = "This search cannot be run: " + e.getMessage();
        ctx.status(HttpStatus.BAD_REQUEST);
      } catch (UnsupportedOperationException e) {
        error = modeName(mode) + " search is not available on this server: " + e.getMessage();
        ctx.status(HttpStatus.BAD_REQUEST);
      }
      took = formatMillis(Duration.ofNanos(System.nanoTime() - start));
    }
    PageMeta meta =
        meta(
                ctx,
                q == null ? "Search" : q + " — Search",
                "Search papers by keywords or meaning.",
                "search")
            .withQuery(q == null ? "" : q);
    render(
        ctx,
        "search.jte",
        new Views.SearchView(
            meta,
            q != null,
            q == null ? "" : q,
            modes,
            notice,
            error,
            options,
            from == null ? "" : from.toString(),
            to == null ? "" : to.toString(),
            code,
            cards,
            count,
            took,
            pager,
            rss,
            atom));
  }

  /** Search results reachable by paging; more is not reading, it is scraping. */
  static final int MAX_SEARCH_RESULTS = 1000;

  static String modeName(SearchMode m) {
    return switch (m) {
      case BM25 -> "Keyword (BM25)";
      case SEMANTIC -> "Semantic";
      case HYBRID -> "Hybrid";
    };
  }

  static String formatMillis(Duration d) {
    double ms = d.toNanos() / 1e6;
    return ms < 10
        ? String.format(Locale.ENGLISH, "%.1f ms", ms)
        : String.format(Locale.ENGLISH, "%.0f ms", ms);
  }

  private static String humanDuration(Duration d) {
    long hours = d.toHours();
    if (hours % 24 == 0) {
      long days = hours / 24;
      return days == 1 ? "1 day" : days + " days";
    }
    return String.format(Locale.ENGLISH, "%.1f days", hours / 24.0);
  }

  private static void checkPage(int page, long total, int size) {
    if (page > 1 && (long) (page - 1) * size >= total) {
      throw new NotFound("There is no page " + page + " of this list.");
    }
  }

  private List<Views.PaperCard> cards(Context ctx, Catalog.Slice slice) {
    return engagement.decorate(ctx, cards(slice));
  }

  private List<Views.PaperCard> cards(Catalog.Slice slice) {
    List<Views.PaperCard> out = new ArrayList<>(slice.items().size());
    int rank = slice.offset();
    for (Catalog.Listed l : slice.items()) {
      out.add(
          Cards.card(
              ++rank, l.paper(), l.entry(), l.entry().upvotes(), l.score() > 0 ? l.score() : null));
    }
    return out;
  }

  private void render(Context ctx, String template, Object model) {
    ctx.html(templates.render(template, model));
  }

  /** The page's meta as this request's viewer sees it (the header shows their account). */
  private PageMeta meta(Context ctx, String title, String description, String section) {
    return PageMeta.of(title, description, section).withViewer(security.viewer(ctx));
  }
}
