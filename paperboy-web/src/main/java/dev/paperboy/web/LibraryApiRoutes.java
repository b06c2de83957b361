package dev.paperboy.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.core.account.User;
import dev.paperboy.core.library.Follow;
import dev.paperboy.core.library.PaperCollection;
import dev.paperboy.core.library.ReadingState;
import dev.paperboy.core.library.SavedPaper;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.SearchMode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The library's JSON API (issue 9), authenticated like the community API: {@code Authorization:
 * Bearer TOKEN}, or a signed-in browser's session plus {@code X-CSRF-Token} on changes. A public
 * collection (its papers, feed-like listing, exports, "more like these") can be read by anyone; a
 * private one answers 404 to everyone but its owner.
 */
final class LibraryApiRoutes {
  private final @Nullable LibraryActions actions;
  private final ObjectMapper mapper;
  private final List<ApiRoutes.Route> routes = new ArrayList<>();

  /**
   * @param actions null only to list the routes (the OpenAPI test)
   */
  LibraryApiRoutes(@Nullable LibraryActions actions, ObjectMapper mapper) {
    this.actions = actions;
    this.mapper = mapper;
    add("get", "/api/library/saved", Set.of("q", "mode", "state"), this::saved);
    add("put", "/api/library/saved/{arxivId}", Set.of(), ctx -> save(ctx, true));
    add("patch", "/api/library/saved/{arxivId}", Set.of(), this::updateSaved);
    add("delete", "/api/library/saved/{arxivId}", Set.of(), ctx -> save(ctx, false));
    add("get", "/api/library/saved/export", Set.of("format"), this::exportSaved);
    add("get", "/api/library/export", Set.of(), this::exportAll);
    add("get", "/api/library/follows", Set.of(), this::follows);
    add("post", "/api/library/follows", Set.of(), ctx -> follow(ctx, true));
    add("delete", "/api/library/follows", Set.of("kind", "name"), ctx -> follow(ctx, false));
    add("get", "/api/library/following", Set.of(), this::following);
    add("get", "/api/library/for-you", Set.of(), this::forYou);
    add("post", "/api/library/for-you/not-interested/{arxivId}", Set.of(), this::notInterested);
    add("post", "/api/library/for-you/reset", Set.of(), this::reset);
    add("get", "/api/collections", Set.of(), this::collections);
    add("post", "/api/collections", Set.of(), this::create);
    add("get", "/api/collections/{collectionId}", Set.of(), this::collection);
    add("patch", "/api/collections/{collectionId}", Set.of(), this::update);
    add("delete", "/api/collections/{collectionId}", Set.of(), this::delete);
    add("put", "/api/collections/{collectionId}/papers/{arxivId}", Set.of(), this::addPaper);
    add("patch", "/api/collections/{collectionId}/papers/{arxivId}", Set.of(), this::editPaper);
    add("delete", "/api/collections/{collectionId}/papers/{arxivId}", Set.of(), this::removePaper);
    add("post", "/api/collections/{collectionId}/import", Set.of(), this::importBibtex);
    add("get", "/api/collections/{collectionId}/export", Set.of("format"), this::exportCollection);
    add("get", "/api/collections/{collectionId}/similar", Set.of(), this::similar);
  }

  private void add(String method, String path, Set<String> query, io.javalin.http.Handler h) {
    routes.add(new ApiRoutes.Route(method, path, query, h));
  }

  List<ApiRoutes.Route> routes() {
    return routes;
  }

  void register(RoutesConfig config) {
    for (ApiRoutes.Route r : routes) {
      config.addHttpHandler(
          HandlerType.findOrCreate(r.method().toUpperCase(Locale.ROOT)),
          r.javalinPath(),
          ctx -> r.handler().handle(ctx));
    }
  }

  private LibraryActions a() {
    if (actions == null) {
      throw new IllegalStateException("the library is not enabled");
    }
    return actions;
  }

  // ---- saved ----

  private void saved(Context ctx) {
    User u = a().user(ctx);
    Params params = Params.declared(ctx, Set.of("q", "mode", "state"));
    String q = params.text("q");
    ReadingState state = state(params.text("state"));
    List<LibraryActions.SavedView> found;
    if (q == null || q.isBlank()) {
      found = a().saved(u.id(), state, 0, LibraryActions.MAX_LIST);
    } else {
      SearchMode mode;
      try {
        mode =
            params.text("mode") == null ? SearchMode.HYBRID : SearchMode.parse(params.text("mode"));
      } catch (IllegalArgumentException e) {
        throw new BadRequest("mode", e.getMessage());
      }
      found = a().searchSaved(u.id(), q.strip(), mode).found();
      if (state != null) {
        found = found.stream().filter(v -> v.saved().state() == state).toList();
      }
    }
    ArrayNode out = mapper.createArrayNode();
    for (LibraryActions.SavedView v : found) {
      ObjectNode o = LibraryActions.savedJson(v.saved());
      o.set("paperInfo", brief(v.paper()));
      out.add(o);
    }
    send(ctx, out);
  }

  private static @Nullable ReadingState state(@Nullable String text) {
    try {
      return text == null || text.isBlank() ? null : ReadingState.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("state", e.getMessage());
    }
  }

  private ObjectNode brief(Paper p) {
    ObjectNode o = mapper.createObjectNode();
    o.put("id", p.id().value());
    o.put("title", p.title());
    ArrayNode authors = o.putArray("authors");
    p.authors().forEach(authors::add);
    if (p.displayDate() != null) {
      o.put("date", p.displayDate().toString());
    }
    o.put("url", p.id().absUrl());
    return o;
  }

  private void save(Context ctx, boolean on) {
    ArxivId id = CommunityPages.pathId(ctx, "arxivId");
    boolean changed = a().save(ctx, id, on);
    User u = a().user(ctx);
    ObjectNode o = mapper.createObjectNode();
    o.put("paper", id.value());
    o.put("saved", on);
    o.put("changed", changed);
    a().store().saved(u.id(), id).ifPresent(s -> o.setAll(LibraryActions.savedJson(s)));
    send(ctx, o);
  }

  private void updateSaved(Context ctx) {
    ArxivId id = CommunityPages.pathId(ctx, "arxivId");
    JsonNode body = jsonBody(ctx);
    SavedPaper s =
        a().updateSaved(
                ctx,
                id,
                JsonFields.optionalText(body, "state"),
                JsonFields.optionalText(body, "note"));
    send(ctx, LibraryActions.savedJson(s));
  }

  private void exportSaved(Context ctx) {
    User u = a().user(ctx);
    if (bibtex(ctx)) {
      LibraryActions.download(
          ctx, a().savedBibtex(u.id()), "application/x-bibtex; charset=utf-8", "saved.bib");
    } else {
      LibraryActions.download(ctx, a().savedCsv(u.id()), "text/csv; charset=utf-8", "saved.csv");
    }
  }

  private static boolean bibtex(Context ctx) {
    String f = Params.declared(ctx, Set.of("format")).text("format");
    if (f == null || f.equalsIgnoreCase("bibtex") || f.equalsIgnoreCase("bib")) {
      return true;
    }
    if (f.equalsIgnoreCase("csv")) {
      return false;
    }
    throw new BadRequest("format", "must be bibtex or csv, format: \"" + f + "\"");
  }

  private void exportAll(Context ctx) {
    User u = a().user(ctx);
    ObjectNode out = mapper.createObjectNode();
    out.put("format", "paperboy-library-export/1");
    a().export(u.id(), out);
    send(ctx, out);
  }

  // ---- follows ----

  private void follows(Context ctx) {
    User u = a().user(ctx);
    ArrayNode out = mapper.createArrayNode();
    for (Follow f : a().store().follows(u.id())) {
      out.add(LibraryActions.followJson(f));
    }
    send(ctx, out);
  }

  private void follow(Context ctx, boolean on) {
    String kind;
    String name;
    if (on) {
      JsonNode body = jsonBody(ctx);
      kind = JsonFields.text(body, "kind", "");
      name = JsonFields.text(body, "name", "");
      Follow f = a().follow(ctx, kind, name);
      ctx.status(201);
      send(ctx, LibraryActions.followJson(f));
    } else {
      Params p = Params.declared(ctx, Set.of("kind", "name"));
      kind = p.required("kind");
      name = p.required("name");
      boolean changed = a().unfollow(ctx, kind, name);
      ObjectNode o = mapper.createObjectNode();
      o.put("changed", changed);
      send(ctx, o);
    }
  }

  private void following(Context ctx) {
    User u = a().user(ctx);
    send(ctx, picks(a().following(u.id(), 100)));
  }

  private ArrayNode picks(List<LibraryActions.Picked> picked) {
    ArrayNode out = mapper.createArrayNode();
    for (LibraryActions.Picked p : picked) {
      ObjectNode o = brief(p.paper());
      o.put("reason", p.reason());
      out.add(o);
    }
    return out;
  }

  // ---- for you ----

  private void forYou(Context ctx) {
    User u = a().user(ctx);
    send(ctx, picks(a().forYou(u.id())));
  }

  private void notInterested(Context ctx) {
    ArxivId id = CommunityPages.pathId(ctx, "arxivId");
    a().notInterested(ctx, id);
    ctx.status(204);
  }

  private void reset(Context ctx) {
    a().resetProfile(ctx);
    ctx.status(204);
  }

  // ---- collections ----

  private void collections(Context ctx) {
    User u = a().user(ctx);
    ArrayNode out = mapper.createArrayNode();
    for (PaperCollection c : a().store().collectionsOf(u.id())) {
      out.add(LibraryActions.collectionJson(c));
    }
    send(ctx, out);
  }

  private ObjectNode full(PaperCollection c) {
    ObjectNode o = LibraryActions.collectionJson(c);
    ArrayNode papers = o.putArray("papers");
    for (LibraryActions.ItemView v : a().items(c.id())) {
      ObjectNode it = LibraryActions.itemJson(v.item());
      it.set("paperInfo", brief(v.paper()));
      papers.add(it);
    }
    return o;
  }

  private void create(Context ctx) {
    JsonNode body = jsonBody(ctx);
    PaperCollection c =
        a().create(
                ctx,
                JsonFields.text(body, "name", ""),
                JsonFields.text(body, "description", ""),
                JsonFields.bool(body, "public", false));
    ctx.status(201);
    ctx.header("Location", "/api/collections/" + c.id());
    send(ctx, full(c));
  }

  private void collection(Context ctx) {
    send(ctx, full(a().readable(ctx, ctx.pathParam("collectionId"))));
  }

  private void update(Context ctx) {
    PaperCollection c = a().owned(ctx, ctx.pathParam("collectionId"));
    JsonNode body = jsonBody(ctx);
    PaperCollection next =
        a().update(
                ctx,
                c.id(),
                JsonFields.text(body, "name", c.name()),
                JsonFields.text(body, "description", c.description()),
                JsonFields.bool(body, "public", c.isPublic()));
    send(ctx, full(next));
  }

  private void delete(Context ctx) {
    a().delete(ctx, ctx.pathParam("collectionId"));
    ctx.status(204);
  }

  private void addPaper(Context ctx) {
    String cid = ctx.pathParam("collectionId");
    ArxivId id = CommunityPages.pathId(ctx, "arxivId");
    String body = ctx.body();
    String note = body.isBlank() ? "" : JsonFields.text(jsonBody(ctx), "note", "");
    boolean changed = a().add(ctx, cid, id, note);
    ObjectNode o = full(a().owned(ctx, cid));
    o.put("changed", changed);
    send(ctx, o);
  }

  private void editPaper(Context ctx) {
    String cid = ctx.pathParam("collectionId");
    ArxivId id = CommunityPages.pathId(ctx, "arxivId");
    JsonNode body = jsonBody(ctx);
    // Both fields are checked before either is applied: a bad position leaves the note as it was.
    String note = JsonFields.optionalText(body, "note");
    Integer position = JsonFields.optionalInt(body, "position");
    if (position != null && position < 0) {
      throw new BadRequest("position", "must be a whole number >= 0");
    }
    if (note != null) {
      a().note(ctx, cid, id, note);
    }
    if (position != null) {
      a().move(ctx, cid, id, position);
    }
    send(ctx, full(a().owned(ctx, cid)));
  }

  private void removePaper(Context ctx) {
    String cid = ctx.pathParam("collectionId");
    boolean changed = a().remove(ctx, cid, CommunityPages.pathId(ctx, "arxivId"));
    ObjectNode o = full(a().owned(ctx, cid));
    o.put("changed", changed);
    send(ctx, o);
  }

  /** POST a BibTeX file as the body (any text type), or JSON {@code {"bibtex": "..."}}. */
  private void importBibtex(Context ctx) {
    String cid = ctx.pathParam("collectionId");
    a().owned(ctx, cid);
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    String text =
        type.startsWith("application/json")
            ? JsonFields.text(jsonBody(ctx), "bibtex", "")
            : ctx.body();
    LibraryActions.ImportReport r = a().importBibtex(ctx, cid, text);
    ObjectNode o = mapper.createObjectNode();
    o.put("entries", r.entries());
    ArrayNode added = o.putArray("added");
    r.added().forEach(id -> added.add(id.value()));
    ArrayNode already = o.putArray("already");
    r.already().forEach(id -> already.add(id.value()));
    ArrayNode skipped = o.putArray("skipped");
    for (LibraryActions.Skipped s : r.skipped()) {
      skipped.addObject().put("key", s.key()).put("title", s.title()).put("reason", s.reason());
    }
    ArrayNode errors = o.putArray("errors");
    r.errors().forEach(errors::add);
    send(ctx, o);
  }

  private void exportCollection(Context ctx) {
    PaperCollection c = a().readable(ctx, ctx.pathParam("collectionId"));
    String name = "collection-" + c.id();
    if (bibtex(ctx)) {
      LibraryActions.download(
          ctx, a().collectionBibtex(c.id()), "application/x-bibtex; charset=utf-8", name + ".bib");
    } else {
      LibraryActions.download(
          ctx, a().collectionCsv(c.id()), "text/csv; charset=utf-8", name + ".csv");
    }
  }

  private void similar(Context ctx) {
    PaperCollection c = a().readable(ctx, ctx.pathParam("collectionId"));
    send(ctx, picks(a().moreLikeThese(c.id(), 20)));
  }

  // ---- plumbing ----

  private JsonNode jsonBody(Context ctx) {
    try {
      JsonNode n = mapper.readTree(ctx.body());
      if (n == null || !n.isObject()) {
        throw new BadRequest("body", "send a JSON object");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadRequest("body", "is not JSON: " + e.getOriginalMessage());
    }
  }

  private void send(Context ctx, Object body) {
    try {
      ctx.header("Cache-Control", "no-store");
      ctx.contentType("application/json; charset=utf-8");
      ctx.result(mapper.writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
