package dev.paperboy.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserId;
import dev.paperboy.core.library.AuthorNames;
import dev.paperboy.core.library.CollectionItem;
import dev.paperboy.core.library.Follow;
import dev.paperboy.core.library.FollowKind;
import dev.paperboy.core.library.ForYou;
import dev.paperboy.core.library.LibraryStore;
import dev.paperboy.core.library.PaperCollection;
import dev.paperboy.core.library.ReadingState;
import dev.paperboy.core.library.SavedPaper;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Categories;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.web.view.Cards;
import dev.paperboy.web.view.Views;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the library's pages and its JSON API both do: who may see and change what (a private
 * collection is "not found" to everyone but its owner, so its existence leaks nothing), rate
 * limits, and the reads and writes themselves.
 */
final class LibraryActions {
  /**
   * How long a new, still empty and unchanged collection with the same name, description and
   * visibility counts as the one the same form already made (a double click, a retried POST).
   */
  static final Duration RESUBMIT = Duration.ofMinutes(1);

  /** The most saved papers or collection items one export or search reads. */
  static final int MAX_LIST = 10_000;

  private final Library library;
  private final LibraryStore store;
  private final Community community;
  private final WebSecurity security;
  private final PaperStore papers;
  private final SearchIndex index;

  /** The modes the wired index can answer ({@link WebConfig#searchModes()}). */
  private final Set<SearchMode> searchModes;

  private final Clock clock;

  LibraryActions(
      Library library,
      Community community,
      WebSecurity security,
      PaperStore papers,
      SearchIndex index,
      Set<SearchMode> searchModes) {
    this.library = library;
    this.searchModes = Set.copyOf(searchModes);
    this.store = library.store();
    this.community = community;
    this.security = security;
    this.papers = papers;
    this.index = index;
    this.clock = community.clock();
  }

  Library library() {
    return library;
  }

  LibraryStore store() {
    return store;
  }

  PaperStore papers() {
    return papers;
  }

  /** Marks which cards the signed-in viewer saved (one store query for the page). */
  static List<Views.PaperCard> markSaved(
      @Nullable Library library, WebSecurity security, Context ctx, List<Views.PaperCard> cards) {
    if (library == null || cards.isEmpty()) {
      return cards;
    }
    var principal = security.principal(ctx);
    if (principal.isEmpty()) {
      return cards;
    }
    Set<ArxivId> saved =
        library
            .store()
            .savedAmong(
                principal.get().user().id(), cards.stream().map(c -> new ArxivId(c.id())).toList());
    List<Views.PaperCard> out = new ArrayList<>(cards.size());
    for (Views.PaperCard c : cards) {
      out.add(Cards.withSaved(c, saved.contains(new ArxivId(c.id()))));
    }
    return out;
  }

  // ---- who ----

  User user(Context ctx) {
    return security.requireUser(ctx).user();
  }

  /** The signed-in user, counted against the write limit. */
  User writer(Context ctx) {
    User u = user(ctx);
    security.limit(library.config().writesPerUser(), u.id().value());
    return u;
  }

  /** A collection {@code viewer} may read: public, or their own; else 404. */
  PaperCollection readable(Context ctx, String id) {
    PaperCollection c = store.collection(id).orElse(null);
    UserId viewer = security.principal(ctx).map(p -> p.user().id()).orElse(null);
    if (c == null || (!c.isPublic() && !c.owner().equals(viewer))) {
      throw new NotFound("No collection " + id + " (or it is private).");
    }
    return c;
  }

  /** A collection of the signed-in user; 404 when it is missing or someone else's. */
  PaperCollection owned(Context ctx, String id) {
    User u = user(ctx);
    PaperCollection c = store.collection(id).orElse(null);
    if (c == null || !c.owner().equals(u.id())) {
      throw new NotFound("No collection " + id + " (or it is private).");
    }
    return c;
  }

  boolean isOwner(Context ctx, PaperCollection c) {
    return security.principal(ctx).map(p -> p.user().id().equals(c.owner())).orElse(false);
  }

  // ---- saved ----

  boolean save(Context ctx, ArxivId paper, boolean on) {
    User u = writer(ctx);
    if (!on) {
      return store.unsave(u.id(), paper);
    }
    try {
      return store.save(u.id(), paper, clock.instant());
    } catch (NoSuchElementException e) {
      throw new NotFound("No paper " + paper + " in this Paperboy.");
    }
  }

  SavedPaper updateSaved(
      Context ctx, ArxivId paper, @Nullable String state, @Nullable String note) {
    User u = writer(ctx);
    ReadingState s;
    try {
      s = state == null || state.isBlank() ? null : ReadingState.parse(state);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("state", e.getMessage());
    }
    try {
      return store.updateSaved(u.id(), paper, s, note);
    } catch (NoSuchElementException e) {
      throw new NotFound("Paper " + paper + " is not in your saved papers.");
    } catch (IllegalArgumentException e) {
      throw new BadRequest("note", e.getMessage());
    }
  }

  /** A saved paper joined with its paper. */
  record SavedView(SavedPaper saved, Paper paper) {}

  List<SavedView> saved(UserId user, @Nullable ReadingState state, int offset, int limit) {
    return joinSaved(store.savedPapers(user, state, offset, limit));
  }

  private List<SavedView> joinSaved(List<SavedPaper> saved) {
    Map<ArxivId, Paper> byId = byId(saved.stream().map(SavedPaper::paper).toList());
    List<SavedView> out = new ArrayList<>();
    for (SavedPaper s : saved) {
      Paper p = byId.get(s.paper());
      if (p != null) {
        out.add(new SavedView(s, p));
      }
    }
    return out;
  }

  /** Saved papers found by a search, and a notice when the mode asked for was not available. */
  record SavedSearch(List<SavedView> found, @Nullable String notice) {}

  /**
   * The user's saved papers matching {@code q}: the search index's ranking (keyword, semantic or
   * hybrid) of the saved papers only ({@link SearchIndex#searchWithin}, so a saved paper far down
   * the ranking of the whole index is still found; the first {@link SearchQuery#MAX_LIMIT}), then
   * saved papers whose title, abstract, authors or private note contain every word of {@code q}
   * that the index did not rank (so a note, which only the reader has, is searchable too).
   */
  SavedSearch searchSaved(UserId user, String q, SearchMode mode) {
    if (q.length() > Params.MAX_QUERY_LENGTH) {
      throw new BadRequest("q", "is too long (at most " + Params.MAX_QUERY_LENGTH + " characters)");
    }
    List<SavedPaper> all = store.savedPapers(user, null, 0, MAX_LIST);
    Map<ArxivId, SavedPaper> mine = new LinkedHashMap<>();
    for (SavedPaper s : all) {
      mine.put(s.paper(), s);
    }
    Set<ArxivId> ids = Set.copyOf(mine.keySet());
    List<SavedPaper> ranked = new ArrayList<>();
    String notice = null;
    List<SearchHit> hits;
    if (!searchModes.contains(mode)) {
      // No embedding model on this server: keyword search still works (as on /search).
      notice =
          PageRoutes.modeName(mode)
              + " search is not available on this server, so these are keyword results.";
      mode = SearchMode.BM25;
    }
    try {
      hits = index.searchWithin(SearchQuery.of(q, mode, SearchQuery.MAX_LIMIT), ids).hits();
    } catch (IllegalArgumentException e) {
      throw new BadRequest("q", e.getMessage());
    }
    for (SearchHit h : hits) {
      SavedPaper s = mine.remove(h.id());
      if (s != null) {
        ranked.add(s);
      }
    }
    List<SavedView> out = new ArrayList<>(joinSaved(ranked));
    String[] words = q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    for (SavedView v : joinSaved(new ArrayList<>(mine.values()))) {
      String hay =
          (v.paper().title()
                  + " "
                  + v.paper().abstractText()
                  + " "
                  + String.join(" ", v.paper().authors())
                  + " "
                  + v.saved().note())
              .toLowerCase(Locale.ROOT);
      if (Arrays.stream(words).filter(w -> !w.isEmpty()).allMatch(hay::contains)) {
        out.add(v);
      }
    }
    return new SavedSearch(out, notice);
  }

  // ---- collections ----

  PaperCollection create(Context ctx, String name, String description, boolean isPublic) {
    User u = writer(ctx);
    // One reader's creations are checked and made one at a time, so that of two copies of the
    // form (a double click, a retried POST) the second finds the collection the first made.
    synchronized (UserLocks.of(u.id())) {
      try {
        PaperCollection asked =
            new PaperCollection(
                "new", u.id(), name, description, isPublic, clock.instant(), clock.instant(), 0);
        Instant since = clock.instant().minus(RESUBMIT);
        for (PaperCollection c : store.collectionsOf(u.id())) {
          if (c.size() == 0
              && !c.createdAt().isBefore(since)
              && c.createdAt().equals(c.updatedAt())
              && c.name().equals(asked.name())
              && c.description().equals(asked.description())
              && c.isPublic() == isPublic) {
            return c;
          }
        }
        return store.createCollection(u.id(), name, description, isPublic, clock.instant());
      } catch (IllegalArgumentException e) {
        throw new BadRequest(
            e.getMessage().startsWith("description") ? "description" : "name", e.getMessage());
      }
    }
  }

  PaperCollection update(
      Context ctx, String id, String name, String description, boolean isPublic) {
    owned(ctx, id);
    writer(ctx);
    try {
      return store.updateCollection(id, name, description, isPublic, clock.instant());
    } catch (IllegalArgumentException e) {
      throw new BadRequest(
          e.getMessage().startsWith("description") ? "description" : "name", e.getMessage());
    }
  }

  void delete(Context ctx, String id) {
    owned(ctx, id);
    writer(ctx);
    store.deleteCollection(id);
  }

  boolean add(Context ctx, String id, ArxivId paper, @Nullable String note) {
    owned(ctx, id);
    writer(ctx);
    try {
      return store.addToCollection(id, paper, note == null ? "" : note, clock.instant());
    } catch (NoSuchElementException e) {
      throw new NotFound("No paper " + paper + " in this Paperboy.");
    } catch (IllegalArgumentException e) {
      throw new BadRequest("note", e.getMessage());
    }
  }

  boolean remove(Context ctx, String id, ArxivId paper) {
    owned(ctx, id);
    writer(ctx);
    return store.removeFromCollection(id, paper);
  }

  void note(Context ctx, String id, ArxivId paper, String note) {
    owned(ctx, id);
    writer(ctx);
    try {
      store.setItemNote(id, paper, note, clock.instant());
    } catch (NoSuchElementException e) {
      throw new NotFound("Paper " + paper + " is not in this collection.");
    } catch (IllegalArgumentException e) {
      throw new BadRequest("note", e.getMessage());
    }
  }

  void move(Context ctx, String id, ArxivId paper, int position) {
    owned(ctx, id);
    writer(ctx);
    try {
      store.moveItem(id, paper, position, clock.instant());
    } catch (NoSuchElementException e) {
      throw new NotFound("Paper " + paper + " is not in this collection.");
    }
  }

  /** A collection item joined with its paper. */
  record ItemView(CollectionItem item, Paper paper) {}

  List<ItemView> items(String id) {
    List<CollectionItem> items = store.items(id);
    Map<ArxivId, Paper> byId = byId(items.stream().map(CollectionItem::paper).toList());
    List<ItemView> out = new ArrayList<>();
    for (CollectionItem it : items) {
      Paper p = byId.get(it.paper());
      if (p != null) {
        out.add(new ItemView(it, p));
      }
    }
    return out;
  }

  /** "More like these": papers near the collection as a whole, each with its reason. */
  List<Picked> moreLikeThese(String id, int limit) {
    List<ArxivId> members = store.items(id).stream().map(CollectionItem::paper).toList();
    Set<ArxivId> candidates = new LinkedHashSet<>();
    // The index's nearest neighbours of each member (its first 30) are the candidates; the
    // collection's mean vector then ranks them as a whole.
    for (ArxivId m : members.subList(0, Math.min(30, members.size()))) {
      for (SearchHit h : index.similar(m, 40)) {
        candidates.add(h.id());
      }
    }
    return picked(library.forYou().moreLikeThese(members, candidates, limit));
  }

  // ---- import ----

  /** One BibTeX entry of an import that was not added, and why. */
  record Skipped(String key, String title, String reason) {}

  /** What an import did. */
  record ImportReport(
      int entries,
      List<ArxivId> added,
      List<ArxivId> already,
      List<Skipped> skipped,
      List<String> errors) {}

  ImportReport importBibtex(Context ctx, String id, String text) {
    owned(ctx, id);
    User u = user(ctx);
    security.limit(library.config().importsPerUser(), u.id().value());
    if (text.length() > library.config().maxImportBytes()) {
      throw new BadRequest(
          "file", "is larger than " + library.config().maxImportBytes() / 1024 + " KiB");
    }
    if (text.isBlank()) {
      throw new BadRequest("file", "is empty: choose a .bib file or paste BibTeX");
    }
    Bibtex.Parsed parsed = Bibtex.parse(text);
    List<ArxivId> added = new ArrayList<>();
    List<ArxivId> already = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    Set<ArxivId> seen = new java.util.HashSet<>();
    List<ArxivId> ids =
        parsed.entries().stream().map(Bibtex.Entry::id).filter(java.util.Objects::nonNull).toList();
    Set<ArxivId> known = byId(ids).keySet();
    for (Bibtex.Entry e : parsed.entries()) {
      if (e.id() == null) {
        skipped.add(new Skipped(e.key(), e.title(), "no arXiv id in the entry"));
      } else if (!seen.add(e.id())) {
        skipped.add(
            new Skipped(e.key(), e.title(), "arXiv:" + e.id() + " appears earlier in the file"));
      } else if (!known.contains(e.id())) {
        skipped.add(
            new Skipped(
                e.key(),
                e.title(),
                "arXiv:" + e.id() + " is not in this Paperboy yet (submit it first)"));
      } else if (store.addToCollection(id, e.id(), "", clock.instant())) {
        added.add(e.id());
      } else {
        already.add(e.id());
      }
    }
    return new ImportReport(parsed.entries().size(), added, already, skipped, parsed.errors());
  }

  // ---- export ----

  String savedBibtex(UserId user) {
    List<Bibtex.Item> items = new ArrayList<>();
    for (SavedView v : saved(user, null, 0, MAX_LIST)) {
      items.add(new Bibtex.Item(v.paper(), v.saved().note()));
    }
    return Bibtex.export(items);
  }

  String collectionBibtex(String id) {
    List<Bibtex.Item> items = new ArrayList<>();
    for (ItemView v : items(id)) {
      items.add(new Bibtex.Item(v.paper(), v.item().note()));
    }
    return Bibtex.export(items);
  }

  String savedCsv(UserId user) {
    List<CsvExport.Row> rows = new ArrayList<>();
    for (SavedView v : saved(user, null, 0, MAX_LIST)) {
      rows.add(
          new CsvExport.Row(
              v.paper(),
              v.saved().state().code(),
              v.saved().note(),
              HfJson.instant(v.saved().savedAt())));
    }
    return CsvExport.write(rows);
  }

  String collectionCsv(String id) {
    List<CsvExport.Row> rows = new ArrayList<>();
    for (ItemView v : items(id)) {
      rows.add(
          new CsvExport.Row(v.paper(), null, v.item().note(), HfJson.instant(v.item().addedAt())));
    }
    return CsvExport.write(rows);
  }

  /** Sends {@code body} as a download named {@code name}. */
  static void download(Context ctx, String body, String contentType, String name) {
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    ctx.header("Cache-Control", "no-store");
    ctx.contentType(contentType);
    ctx.result(body);
  }

  // ---- follows ----

  /** Follows {@code name} (an author name or a category code). */
  Follow follow(Context ctx, String kind, String name) {
    User u = writer(ctx);
    Follow f = followOf(kind, name);
    store.follow(u.id(), f.kind(), f.key(), f.label(), clock.instant());
    return f;
  }

  boolean unfollow(Context ctx, String kind, String name) {
    User u = writer(ctx);
    Follow f = followOf(kind, name);
    return store.unfollow(u.id(), f.kind(), f.key());
  }

  private Follow followOf(String kind, String name) {
    FollowKind k;
    try {
      k = FollowKind.parse(kind);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("kind", e.getMessage());
    }
    String n = name == null ? "" : name.strip();
    if (k == FollowKind.CATEGORY) {
      String code =
          Categories.arxiv()
              .canonical(n)
              .orElseThrow(
                  () ->
                      new BadRequest(
                          "name", "is not an arXiv category code such as cs.CL: \"" + n + "\""));
      return new Follow(k, code, code, clock.instant());
    }
    try {
      return new Follow(k, AuthorNames.key(n), n.replaceAll("\\s+", " "), clock.instant());
    } catch (IllegalArgumentException e) {
      throw new BadRequest("name", e.getMessage());
    }
  }

  /** A paper with the reason it is on a personal list. */
  record Picked(Paper paper, String reason) {}

  /** New papers by followed authors or in followed categories, newest first. */
  List<Picked> following(UserId user, int limit) {
    List<Follow> follows = store.follows(user);
    Map<String, String> authors = new HashMap<>();
    Set<String> categories = new java.util.HashSet<>();
    for (Follow f : follows) {
      if (f.kind() == FollowKind.AUTHOR) {
        authors.put(f.key(), f.label());
      } else {
        categories.add(f.key());
      }
    }
    LocalDate last = papers.latestDay().orElse(null);
    if (follows.isEmpty() || last == null) {
      return List.of();
    }
    Set<ArxivId> fresh = ForYou.newPapers(papers, last, library.config().followingDays(), 5000);
    List<Paper> found = new ArrayList<>(papers.findPapers(fresh));
    found.sort(
        java.util.Comparator.comparing(
                (Paper p) -> p.displayDate() == null ? LocalDate.MIN : p.displayDate())
            .reversed()
            .thenComparing(p -> p.id().value()));
    List<Picked> out = new ArrayList<>();
    for (Paper p : found) {
      String reason = null;
      for (String a : p.authors()) {
        String label;
        try {
          label = authors.get(AuthorNames.key(a));
        } catch (IllegalArgumentException e) {
          label = null;
        }
        if (label != null) {
          reason = "by " + label;
          break;
        }
      }
      if (reason == null) {
        for (String c : p.categories()) {
          if (categories.contains(c)) {
            reason = "in " + c;
            break;
          }
        }
      }
      if (reason != null) {
        out.add(new Picked(p, reason));
        if (out.size() >= limit) {
          break;
        }
      }
    }
    return out;
  }

  // ---- for you ----

  List<Picked> forYou(UserId user) {
    return picked(library.forYou().forUser(user, library.config().forYouSize()));
  }

  void notInterested(Context ctx, ArxivId paper) {
    User u = writer(ctx);
    try {
      store.notInterested(u.id(), paper, clock.instant());
    } catch (NoSuchElementException e) {
      throw new NotFound("No paper " + paper + " in this Paperboy.");
    }
  }

  void resetProfile(Context ctx) {
    User u = writer(ctx);
    store.resetProfile(u.id(), clock.instant());
  }

  private List<Picked> picked(List<ForYou.Item> items) {
    Map<ArxivId, Paper> byId = byId(items.stream().map(ForYou.Item::paper).toList());
    List<Picked> out = new ArrayList<>();
    for (ForYou.Item it : items) {
      Paper p = byId.get(it.paper());
      if (p != null) {
        out.add(new Picked(p, it.reason()));
      }
    }
    return out;
  }

  private Map<ArxivId, Paper> byId(java.util.Collection<ArxivId> ids) {
    Map<ArxivId, Paper> out = new HashMap<>();
    for (Paper p : papers.findPapers(ids)) {
      out.put(p.id(), p);
    }
    return out;
  }

  // ---- JSON ----

  /** The whole library of {@code user} as JSON (the API's export and the account export). */
  void export(UserId user, ObjectNode out) {
    ObjectNode lib = out.putObject("library");
    ArrayNode saved = lib.putArray("saved");
    for (SavedPaper s : store.savedPapers(user, null, 0, MAX_LIST)) {
      saved.add(savedJson(s));
    }
    ArrayNode cols = lib.putArray("collections");
    for (PaperCollection c : store.collectionsOf(user)) {
      ObjectNode o = collectionJson(c);
      ArrayNode items = o.putArray("papers");
      for (CollectionItem it : store.items(c.id())) {
        items.add(itemJson(it));
      }
      cols.add(o);
    }
    ArrayNode follows = lib.putArray("follows");
    for (Follow f : store.follows(user)) {
      follows.add(followJson(f));
    }
    ArrayNode no = lib.putArray("notInterested");
    for (ArxivId id : store.notInterestedIn(user, MAX_LIST)) {
      no.add(id.value());
    }
    store.profileResetAt(user).ifPresent(t -> lib.put("profileResetAt", HfJson.instant(t)));
  }

  static ObjectNode savedJson(SavedPaper s) {
    ObjectNode o = WebJson.MAPPER.createObjectNode();
    o.put("paper", s.paper().value());
    o.put("state", s.state().code());
    o.put("note", s.note());
    o.put("savedAt", HfJson.instant(s.savedAt()));
    return o;
  }

  static ObjectNode collectionJson(PaperCollection c) {
    ObjectNode o = WebJson.MAPPER.createObjectNode();
    o.put("id", c.id());
    o.put("name", c.name());
    o.put("description", c.description());
    o.put("public", c.isPublic());
    o.put("size", c.size());
    o.put("url", "/c/" + c.id());
    o.put("createdAt", HfJson.instant(c.createdAt()));
    o.put("updatedAt", HfJson.instant(c.updatedAt()));
    return o;
  }

  static ObjectNode itemJson(CollectionItem it) {
    ObjectNode o = WebJson.MAPPER.createObjectNode();
    o.put("paper", it.paper().value());
    o.put("position", it.position());
    o.put("note", it.note());
    o.put("addedAt", HfJson.instant(it.addedAt()));
    return o;
  }

  static ObjectNode followJson(Follow f) {
    ObjectNode o = WebJson.MAPPER.createObjectNode();
    o.put("kind", f.kind().code());
    o.put("key", f.key());
    o.put("name", f.label());
    o.put("since", HfJson.instant(f.since()));
    return o;
  }
}
