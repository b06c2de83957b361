package dev.paperboy.web;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.paperboy.core.paper.Categories;
import dev.paperboy.core.paper.EntryOrder;
import dev.paperboy.core.paper.EntryQuery;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.trending.TrendingWindow;
import dev.paperboy.web.view.Cards;
import dev.paperboy.web.view.Fmt;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * RSS 2.0 and Atom 1.0 feeds, written by Rome: the daily list, trending, each category, and any
 * search. Every feed is at {@code NAME.rss} and {@code NAME.atom}.
 */
final class FeedRoutes {
  static final int FEED_SIZE = 50;
  static final int DAILY_FEED_SIZE = 100;

  // XML 1.0 forbids most control characters (section 2.2); a stray one in a title would make the
  // whole feed unreadable, so they are dropped.
  private static final Pattern NOT_XML =
      Pattern.compile(
          "[^\\u0009\\u000A\\u000D\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

  /** A feed's format, from its file extension. */
  enum Format {
    RSS("rss_2.0", "application/rss+xml; charset=utf-8"),
    ATOM("atom_1.0", "application/atom+xml; charset=utf-8");

    final String romeType;
    final String contentType;

    Format(String romeType, String contentType) {
      this.romeType = romeType;
      this.contentType = contentType;
    }
  }

  /** What a feed holds before it is written in a format. */
  private record Item(Paper paper, LocalDate day, int upvotes) {}

  private final WebConfig config;
  private final Catalog catalog;
  private final PaperStore store;
  private final Supplier<String> baseUrl;

  FeedRoutes(WebConfig config, Catalog catalog, Supplier<String> baseUrl) {
    this.config = config;
    this.catalog = catalog;
    this.store = catalog.store();
    this.baseUrl = baseUrl;
  }

  void register(RoutesConfig routes) {
    routes.get("/feeds/{file}", this::feed);
    routes.get("/feeds/category/{file}", this::category);
  }

  private void feed(Context ctx) {
    String file = ctx.pathParam("file");
    Format format = format(file);
    String name = file.substring(0, file.lastIndexOf('.'));
    switch (name) {
      case "daily" -> daily(ctx, format);
      case "trending" -> trending(ctx, format);
      case "search" -> search(ctx, format);
      default ->
          throw new NotFound(
              "No feed '" + file + "' (feeds: daily, trending, search, category/CODE).");
    }
  }

  private static Format format(String file) {
    if (file.endsWith(".rss")) {
      return Format.RSS;
    }
    if (file.endsWith(".atom")) {
      return Format.ATOM;
    }
    throw new NotFound("No feed '" + file + "': feeds end in .rss or .atom.");
  }

  private void daily(Context ctx, Format format) {
    LocalDate date = Params.of(ctx).date("date");
    Optional<LocalDate> day = date != null ? Optional.of(date) : store.latestDay();
    List<Item> items = new ArrayList<>();
    if (day.isPresent()) {
      for (Catalog.Listed l :
          catalog.list(EntryQuery.day(day.get()), EntryOrder.UPVOTES, 0, DAILY_FEED_SIZE).items()) {
        items.add(new Item(l.paper(), l.entry().day(), l.entry().upvotes()));
      }
    }
    String title = day.map(d -> "Daily papers, " + Fmt.day(d)).orElse("Daily papers");
    String page = day.map(d -> "/day/" + d).orElse("/");
    write(ctx, format, title, "The papers of the day, most upvoted first.", page, items);
  }

  private void trending(Context ctx, Format format) {
    String w = Params.of(ctx).text("window");
    TrendingWindow window;
    try {
      window = w == null ? TrendingWindow.WEEK : TrendingWindow.parse(w);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("window", e.getMessage());
    }
    List<Item> items = new ArrayList<>();
    catalog
        .trending(window.days(), window.halfLife(), 0, FEED_SIZE)
        .ifPresent(
            t ->
                t.slice()
                    .items()
                    .forEach(
                        l -> items.add(new Item(l.paper(), l.entry().day(), l.entry().upvotes()))));
    write(
        ctx,
        format,
        "Trending papers (" + window.label().toLowerCase(java.util.Locale.ROOT) + ")",
        "Recent papers ranked by upvotes with time decay.",
        "/trending?window=" + window.param(),
        items);
  }

  private void category(Context ctx) {
    String file = ctx.pathParam("file");
    Format format = format(file);
    String raw = file.substring(0, file.lastIndexOf('.'));
    String code =
        Categories.arxiv()
            .canonicalIgnoringCase(raw)
            .orElseThrow(() -> new NotFound("There is no arXiv category '" + raw + "'."));
    if (!code.equals(raw)) {
      // One URL per feed (a case variant or an alias), so readers do not subscribe twice.
      ctx.redirect(
          "/feeds/category/" + code + file.substring(file.lastIndexOf('.')),
          HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    // The window of the category page: up to the category's own latest day with papers.
    LocalDate to = PageRoutes.categoryEnd(store, code, catalog.today());
    EntryQuery query =
        EntryQuery.between(to.minusDays(PageRoutes.CATEGORY_DAYS - 1L), to).withCategory(code);
    List<Item> items = new ArrayList<>();
    for (Catalog.Listed l : catalog.list(query, EntryOrder.NEWEST, 0, FEED_SIZE).items()) {
      items.add(new Item(l.paper(), l.entry().day(), l.entry().upvotes()));
    }
    write(
        ctx,
        format,
        code + " · " + Categories.arxiv().name(code),
        "Recent papers in " + code + ", newest first.",
        "/category/" + code,
        items);
  }

  private void search(Context ctx, Format format) {
    Params params = Params.of(ctx);
    String q = params.query("q");
    String modeText = params.text("mode");
    SearchMode mode;
    try {
      mode = modeText == null ? config.defaultSearchMode() : SearchMode.parse(modeText);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("mode", e.getMessage());
    }
    if (!config.searchModes().contains(mode)) {
      throw new BadRequest("mode", mode.label() + " search is not available on this server");
    }
    String cat = params.text("category");
    Set<String> categories = Set.of();
    if (cat != null) {
      categories =
          Set.of(
              Categories.arxiv()
                  .canonical(cat)
                  .orElseThrow(
                      () ->
                          new BadRequest(
                              "category", "no arXiv category '" + Params.clip(cat) + "'")));
    }
    LocalDate from = params.date("from");
    LocalDate to = params.date("to");
    if (from != null && to != null && from.isAfter(to)) {
      throw new BadRequest("from", "the range is empty: from " + from + " is after to " + to);
    }
    boolean code = params.flag("code");
    Catalog.Results results;
    try {
      results = catalog.search(new SearchQuery(q, mode, categories, from, to, code, 0, FEED_SIZE));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("q", e.getMessage());
    }
    List<Item> items = new ArrayList<>();
    for (Catalog.Found f : results.items()) {
      LocalDate d = f.paper().displayDate();
      items.add(new Item(f.paper(), d == null ? catalog.today() : d, f.upvotes()));
    }
    String query = Links.with(ctx, "p", null).substring(ctx.path().length());
    write(ctx, format, "Search: " + q, "Papers matching \"" + q + "\".", "/search" + query, items);
  }

  /** A feed of {@code papers} in the given order (a collection's), each dated by its paper. */
  void writePapers(
      Context ctx,
      Format format,
      String title,
      String description,
      String pagePath,
      List<Paper> papers) {
    List<Item> items = new ArrayList<>(papers.size());
    var upvotes = store.upvotesOf(papers.stream().map(Paper::id).toList());
    for (Paper p : papers) {
      LocalDate d = p.displayDate();
      items.add(new Item(p, d == null ? catalog.today() : d, upvotes.getOrDefault(p.id(), 0)));
    }
    write(ctx, format, title, description, pagePath, items);
  }

  private void write(
      Context ctx,
      Format format,
      String title,
      String description,
      String pagePath,
      List<Item> items) {
    String base = baseUrl.get();
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(format.romeType);
    feed.setTitle(clean("Paperboy — " + title));
    feed.setDescription(clean(description));
    feed.setLink(base + pagePath);
    String self = base + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    feed.setUri(self);
    SyndLink selfLink = new SyndLinkImpl();
    selfLink.setRel("self");
    selfLink.setHref(self);
    selfLink.setType(format.contentType.substring(0, format.contentType.indexOf(';')));
    SyndLink alternate = new SyndLinkImpl();
    alternate.setRel("alternate");
    alternate.setType("text/html");
    alternate.setHref(base + pagePath);
    feed.setLinks(List.of(alternate, selfLink));
    if (format == Format.ATOM) {
      // Atom wants the feed's author (RFC 4287 section 4.1.1). RSS has no such element: Rome
      // would write the name as <managingEditor>, which RSS 2.0 requires to be an e-mail address.
      SyndPerson author = new SyndPersonImpl();
      author.setName("Paperboy");
      feed.setAuthors(List.of(author));
    }
    LocalDate newest =
        items.stream().map(Item::day).max(LocalDate::compareTo).orElse(catalog.today());
    feed.setPublishedDate(date(newest));
    feed.setLanguage("en");
    List<SyndEntry> entries = new ArrayList<>(items.size());
    for (Item it : items) {
      entries.add(entry(base, it));
    }
    feed.setEntries(entries);
    try {
      String xml = new SyndFeedOutput().outputString(feed, true);
      ctx.contentType(format.contentType);
      ctx.result(xml);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write the " + format + " feed '" + title + "'", e);
    }
  }

  private SyndEntry entry(String base, Item it) {
    Paper p = it.paper();
    SyndEntry e = new SyndEntryImpl();
    String url = base + "/papers/" + p.id().value();
    e.setTitle(clean(p.title()));
    e.setLink(url);
    e.setUri(url);
    e.setPublishedDate(date(it.day()));
    e.setUpdatedDate(date(it.day()));
    List<SyndPerson> authors = new ArrayList<>();
    for (String a : p.authors()) {
      SyndPerson person = new SyndPersonImpl();
      person.setName(clean(a));
      authors.add(person);
    }
    if (!authors.isEmpty()) {
      e.setAuthors(authors);
      // RSS 2.0 <author> must be an e-mail address; Rome writes this as dc:creator instead.
      e.setAuthor(clean(String.join(", ", p.authors())));
    }
    SyndContent description = new SyndContentImpl();
    description.setType("text/plain");
    description.setValue(clean(summary(p, it.upvotes())));
    e.setDescription(description);
    List<SyndCategory> cats = new ArrayList<>();
    for (var c : Cards.categories(p)) {
      SyndCategory sc = new SyndCategoryImpl();
      sc.setName(c.code());
      cats.add(sc);
    }
    e.setCategories(cats);
    return e;
  }

  private static String summary(Paper p, int upvotes) {
    StringBuilder sb = new StringBuilder();
    if (upvotes > 0) {
      sb.append(upvotes).append(upvotes == 1 ? " upvote. " : " upvotes. ");
    }
    sb.append(p.abstractText().replace("\n\n", " "));
    return sb.toString();
  }

  private static Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  static String clean(@Nullable String s) {
    return s == null ? "" : NOT_XML.matcher(s).replaceAll("");
  }
}
