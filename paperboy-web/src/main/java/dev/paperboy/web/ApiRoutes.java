package dev.paperboy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntryOrder;
import dev.paperboy.core.paper.EntryQuery;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.paper.VersionedId;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON API. Each route declares its parameters ({@link Route}); the OpenAPI document at {@code
 * /.well-known/openapi.json} describes the same routes and parameters, and a test holds the two
 * together.
 */
final class ApiRoutes {

  /**
   * An API route: the method, the path in OpenAPI form ({@code /api/papers/{arxivId}}), its query
   * parameters, and its handler.
   */
  record Route(String method, String path, Set<String> query, Handler handler) {
    /** The path in Javalin's form: {@code <arxivId>} also matches old-style ids with a slash. */
    String javalinPath() {
      return path.replace("{arxivId}", "<arxivId>");
    }
  }

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;
  static final int DEFAULT_SEARCH_LIMIT = 20;
  static final int DEFAULT_SIMILAR_LIMIT = 10;
  static final int MAX_SIMILAR_LIMIT = 50;

  private final WebConfig config;
  private final Catalog catalog;
  private final PaperStore store;
  private final HfJson json;
  private final ObjectMapper mapper;
  private final List<Route> routes;

  ApiRoutes(WebConfig config, Catalog catalog, ObjectMapper mapper) {
    this.config = config;
    this.catalog = catalog;
    this.store = catalog.store();
    this.mapper = mapper;
    this.json = new HfJson(mapper);
    this.routes =
        List.of(
            new Route(
                "get",
                "/api/daily_papers",
                Set.of("date", "week", "month", "sort", "p", "limit"),
                this::dailyPapers),
            // Before /api/papers/{arxivId}, so "search" is not read as an id.
            new Route("get", "/api/papers/search", Set.of("q", "limit", "mode"), this::search),
            // Before /api/papers/{arxivId}, whose id may hold a slash (hep-th/9901001).
            new Route("get", "/api/papers/{arxivId}/similar", Set.of("limit"), this::similar),
            new Route("get", "/api/papers/{arxivId}", Set.of(), this::paper),
            new Route("get", "/api/papers", Set.of("cursor", "limit"), this::papers));
  }

  /** The routes, as registered. */
  List<Route> routes() {
    return routes;
  }

  void register(RoutesConfig config) {
    for (Route r : routes) {
      config.get(r.javalinPath(), ctx -> r.handler().handle(ctx));
    }
  }

  private Params params(Context ctx) {
    Route route =
        routes.stream()
            .filter(r -> r.javalinPath().equals(ctx.endpoint().path))
            .findFirst()
            .orElseThrow();
    return Params.declared(ctx, route.query());
  }

  private void dailyPapers(Context ctx) {
    Params params = params(ctx);
    String date = params.text("date");
    String week = params.text("week");
    String month = params.text("month");
    String sort = params.text("sort");
    int page = params.integer("p", 0, 0, 100_000);
    int limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    long given = java.util.stream.Stream.of(date, week, month).filter(v -> v != null).count();
    if (given > 1) {
      throw new BadRequest(date != null ? "date" : "week", "give only one of date, week and month");
    }
    if (sort != null && !sort.equals("publishedAt") && !sort.equals("trending")) {
      throw new BadRequest(
          "sort", "must be publishedAt or trending, got '" + Params.clip(sort) + "'");
    }
    EntryQuery query;
    if (date != null) {
      query = EntryQuery.day(Params.parseDate("date", date));
    } else if (week != null) {
      LocalDate monday = Params.parseWeek("week", week);
      query = EntryQuery.between(monday, monday.plusDays(6));
    } else if (month != null) {
      YearMonth m = Params.parseMonth("month", month);
      query = EntryQuery.between(m.atDay(1), m.atEndOfMonth());
    } else {
      Optional<LocalDate> latest = store.latestDay();
      if (latest.isEmpty()) {
        sendJson(ctx, mapper.createArrayNode());
        return;
      }
      query = EntryQuery.day(latest.get());
    }
    int offset = Math.multiplyExact(page, limit);
    List<Catalog.Listed> items;
    long total;
    if ("trending".equals(sort)) {
      // Rank the most upvoted entries of the range by trending score, then page through them.
      long days = ChronoUnit.DAYS.between(query.from(), query.to()) + 1;
      Duration halfLife = Duration.ofHours(Math.max(24, days * 24 / 3));
      Catalog.Slice all = catalog.list(query, EntryOrder.UPVOTES, 0, PaperStore.MAX_PAGE);
      List<Catalog.Listed> ranked = catalog.rankByTrending(all.items(), halfLife);
      items =
          offset >= ranked.size()
              ? List.of()
              : ranked.subList(offset, Math.min(ranked.size(), offset + limit));
      total = all.total();
    } else {
      EntryOrder order = "publishedAt".equals(sort) ? EntryOrder.NEWEST : EntryOrder.UPVOTES;
      Catalog.Slice slice = catalog.list(query, order, offset, limit);
      items = slice.items();
      total = slice.total();
    }
    ArrayNode out = mapper.createArrayNode();
    Map<ArxivId, Integer> comments =
        catalog.commentCounts(items.stream().map(l -> l.paper().id()).toList());
    for (Catalog.Listed l : items) {
      out.add(
          json.entry(
              l.paper(), l.entry(), l.entry().upvotes(), comments.getOrDefault(l.paper().id(), 0)));
    }
    ctx.header("X-Total-Count", Long.toString(total));
    sendJson(ctx, out);
  }

  private void paper(Context ctx) {
    params(ctx);
    ArxivId id = pathId(ctx);
    Paper p = catalog.paper(id).orElseThrow(() -> new NotFound("Paper " + id + " not found"));
    List<DailyEntry> featured = catalog.featured(id);
    DailyEntry last = featured.isEmpty() ? null : featured.get(featured.size() - 1);
    sendJson(ctx, json.paper(p, Catalog.upvotes(featured), last));
  }

  /** Papers close in meaning to one paper (shared words until it has a vector). */
  private void similar(Context ctx) {
    Params params = params(ctx);
    ArxivId id = pathId(ctx);
    int limit = params.integer("limit", DEFAULT_SIMILAR_LIMIT, 1, MAX_SIMILAR_LIMIT);
    if (catalog.paper(id).isEmpty()) {
      throw new NotFound("Paper " + id + " not found");
    }
    ArrayNode out = mapper.createArrayNode();
    for (Catalog.Found f : catalog.similar(id, limit)) {
      out.add(json.found(f.paper(), f.upvotes()));
    }
    sendJson(ctx, out);
  }

  private void search(Context ctx) {
    Params params = params(ctx);
    String q = params.query("q");
    int limit = params.integer("limit", DEFAULT_SEARCH_LIMIT, 1, MAX_LIMIT);
    String modeText = params.text("mode");
    SearchMode mode;
    try {
      mode = modeText == null ? config.defaultSearchMode() : SearchMode.parse(modeText);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("mode", e.getMessage());
    }
    if (!config.searchModes().contains(mode)) {
      throw new BadRequest("mode", notAvailable(mode));
    }
    Catalog.Results results;
    try {
      results = catalog.search(SearchQuery.of(q, mode, limit));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("q", e.getMessage());
    } catch (UnsupportedOperationException e) {
      throw new BadRequest("mode", notAvailable(mode));
    }
    ArrayNode out = mapper.createArrayNode();
    Map<ArxivId, Integer> comments =
        catalog.commentCounts(results.items().stream().map(f -> f.paper().id()).toList());
    for (Catalog.Found f : results.items()) {
      out.add(json.found(f.paper(), f.upvotes(), comments.getOrDefault(f.paper().id(), 0)));
    }
    ctx.header("X-Total-Count", Long.toString(results.total()));
    sendJson(ctx, out);
  }

  private String notAvailable(SearchMode mode) {
    return mode.label()
        + " search is not available on this server (available: "
        + config.searchModes().stream().map(SearchMode::label).collect(Collectors.joining(", "))
        + ")";
  }

  private void papers(Context ctx) {
    Params params = params(ctx);
    String cursor = params.text("cursor");
    int limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    ArxivId after = cursor == null ? null : Cursor.decode(cursor);
    // One more than asked tells whether there is a next page without counting.
    List<Paper> page = store.papersAfter(after, limit + 1);
    boolean more = page.size() > limit;
    if (more) {
      page = page.subList(0, limit);
    }
    Map<ArxivId, Integer> upvotes = store.upvotesOf(page.stream().map(Paper::id).toList());
    ObjectNode out = mapper.createObjectNode();
    ArrayNode papers = out.putArray("papers");
    for (Paper p : page) {
      papers.add(json.paper(p, upvotes.getOrDefault(p.id(), 0), null));
    }
    String next = more ? Cursor.encode(page.get(page.size() - 1).id()) : null;
    out.put("nextCursor", next);
    if (next != null) {
      ctx.header("Link", "</api/papers?limit=" + limit + "&cursor=" + next + ">; rel=\"next\"");
    }
    sendJson(ctx, out);
  }

  private static ArxivId pathId(Context ctx) {
    String raw = ctx.pathParam("arxivId");
    try {
      return VersionedId.parse(raw).id();
    } catch (IllegalArgumentException e) {
      throw new BadRequest("arxivId", e.getMessage());
    }
  }

  private void sendJson(Context ctx, Object body) {
    try {
      ctx.contentType("application/json; charset=utf-8");
      ctx.result(mapper.writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /**
   * The opaque cursor of {@code /api/papers}: the last id of a page, base64url-encoded with a
   * version prefix, so clients cannot build one and the format can change.
   */
  static final class Cursor {
    private static final String PREFIX = "p1:";

    private Cursor() {}

    static String encode(ArxivId lastId) {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((PREFIX + lastId.value()).getBytes(StandardCharsets.UTF_8));
    }

    static ArxivId decode(String cursor) {
      try {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (text.startsWith(PREFIX)) {
          return new ArxivId(text.substring(PREFIX.length()));
        }
      } catch (IllegalArgumentException e) {
        // fall through: not base64, or not an id
      }
      throw new BadRequest("cursor", "is not a cursor this API returned (use nextCursor as given)");
    }
  }
}
