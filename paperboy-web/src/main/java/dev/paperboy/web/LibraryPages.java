package dev.paperboy.web;

import dev.paperboy.core.account.User;
import dev.paperboy.core.library.Follow;
import dev.paperboy.core.library.FollowKind;
import dev.paperboy.core.library.PaperCollection;
import dev.paperboy.core.library.ReadingState;
import dev.paperboy.core.library.SavedPaper;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.web.view.Cards;
import dev.paperboy.web.view.LibraryViews;
import dev.paperboy.web.view.Views;
import dev.paperboy.web.view.Views.PageMeta;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The library's pages and forms (issue 9). Every button is a form that posts (with the CSRF token)
 * and comes back to the page with a 303, so all of it works without JavaScript.
 */
final class LibraryPages {
  static final int PAGE = 25;

  private final LibraryActions actions;
  private final WebSecurity security;
  private final Templates templates;
  private final Engagement engagement;
  private final FeedRoutes feeds;
  private final Supplier<String> baseUrl;
  private final Community community;

  LibraryPages(
      LibraryActions actions,
      Community community,
      WebSecurity security,
      Templates templates,
      Engagement engagement,
      FeedRoutes feeds,
      Supplier<String> baseUrl) {
    this.actions = actions;
    this.community = community;
    this.security = security;
    this.templates = templates;
    this.engagement = engagement;
    this.feeds = feeds;
    this.baseUrl = baseUrl;
  }

  void register(RoutesConfig r) {
    r.post("/papers/<id>/save", this::save);
    r.get("/collect/<id>", this::paperLibrary);
    r.get("/saved", this::savedPage);
    r.post("/saved/<id>", this::updateSaved);
    r.get("/saved/export.bib", ctx -> exportSaved(ctx, true));
    r.get("/saved/export.csv", ctx -> exportSaved(ctx, false));
    r.get("/collections", this::collectionsPage);
    r.post("/collections", this::createCollection);
    r.get("/c/{cid}", this::collectionPage);
    r.post("/c/{cid}", this::updateCollection);
    r.post("/c/{cid}/delete", this::deleteCollection);
    r.post("/c/{cid}/items", this::addItem);
    r.post("/c/{cid}/items/<id>/remove", this::removeItem);
    r.post("/c/{cid}/items/<id>/note", this::noteItem);
    r.post("/c/{cid}/items/<id>/move", this::moveItem);
    r.post("/c/{cid}/import", this::importBibtex);
    r.get("/c/{cid}/export.bib", ctx -> exportCollection(ctx, true));
    r.get("/c/{cid}/export.csv", ctx -> exportCollection(ctx, false));
    r.get("/c/{cid}/feed.rss", ctx -> collectionFeed(ctx, FeedRoutes.Format.RSS));
    r.get("/c/{cid}/feed.atom", ctx -> collectionFeed(ctx, FeedRoutes.Format.ATOM));
    r.get("/following", this::followingPage);
    r.post("/follow", ctx -> follow(ctx, true));
    r.post("/unfollow", ctx -> follow(ctx, false));
    r.get("/for-you", this::forYouPage);
    r.post("/for-you/not-interested", this::notInterested);
    r.post("/for-you/reset", this::reset);
  }

  /** Sends a signed-out reader to sign in and come back; true when it did. */
  private boolean signInFirst(Context ctx) {
    if (security.principal(ctx).isPresent()) {
      return false;
    }
    String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    ctx.redirect("/signin?next=" + Links.enc(next), HttpStatus.SEE_OTHER);
    return true;
  }

  private PageMeta meta(Context ctx, String title, String description) {
    return PageMeta.of(title, description, "none").withViewer(security.viewer(ctx));
  }

  private void back(Context ctx, String fallback) {
    String back = AccountRoutes.safeNext(ctx.formParam("back"));
    ctx.redirect(back.equals("/") ? fallback : back, HttpStatus.SEE_OTHER);
  }

  private static String form(Context ctx, String name) {
    return Optional.ofNullable(ctx.formParam(name)).orElse("");
  }

  /**
   * A ticked checkbox sends its value ({@code on}), an unticked one nothing (HTML, form submission
   * algorithm). Anything else is a 400: "maybe" was read as unticked, so a collection was made or
   * left private without a word.
   */
  private static boolean checkbox(Context ctx, String name) {
    String value = ctx.formParam(name);
    if (value == null) {
      return false;
    }
    if (value.equals("on")) {
      return true;
    }
    throw new BadRequest(name, "must be on (ticked) or left out, not '" + value + "'");
  }

  private List<Views.PaperCard> cards(Context ctx, List<Paper> papers) {
    List<ArxivId> ids = papers.stream().map(Paper::id).toList();
    var upvotes = actions.papers().upvotesOf(ids);
    List<Views.PaperCard> cards = new ArrayList<>();
    int rank = 1;
    for (Paper p : papers) {
      cards.add(Cards.card(rank++, p, null, upvotes.getOrDefault(p.id(), 0), null));
    }
    return engagement.decorate(ctx, cards);
  }

  // ---- saving ----

  /** POST /papers/{id}/save with {@code action=add|remove}; back to {@code back}. */
  private void save(Context ctx) {
    ArxivId id = CommunityPages.pathId(ctx, "id");
    String action = ctx.formParam("action");
    if (!"add".equals(action) && !"remove".equals(action)) {
      throw new BadRequest("action", "must be add or remove");
    }
    actions.save(ctx, id, "add".equals(action));
    back(ctx, "/papers/" + id);
  }

  private void updateSaved(Context ctx) {
    ArxivId id = CommunityPages.pathId(ctx, "id");
    actions.updateSaved(ctx, id, ctx.formParam("state"), ctx.formParam("note"));
    back(ctx, "/saved");
  }

  private void savedPage(Context ctx) {
    if (signInFirst(ctx)) {
      return;
    }
    User u = actions.user(ctx);
    Params params = Params.of(ctx);
    String q = Optional.ofNullable(params.text("q")).orElse("").strip();
    String modeText = params.text("mode");
    SearchMode mode;
    try {
      mode = modeText == null ? SearchMode.HYBRID : SearchMode.parse(modeText);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("mode", e.getMessage());
    }
    String stateText = params.text("state");
    ReadingState state;
    try {
      state = stateText == null || stateText.isBlank() ? null : ReadingState.parse(stateText);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("state", e.getMessage());
    }
    int page = params.integer("p", 1, 1, 10_000);
    List<LibraryActions.SavedView> found;
    int total;
    String notice = null;
    if (q.isEmpty()) {
      found = actions.saved(u.id(), state, (page - 1) * PAGE, PAGE);
      total = actions.store().countSaved(u.id(), state);
    } else {
      LibraryActions.SavedSearch search = actions.searchSaved(u.id(), q, mode);
      notice = search.notice();
      List<LibraryActions.SavedView> all = search.found();
      if (state != null) {
        all = all.stream().filter(v -> v.saved().state() == state).toList();
      }
      total = all.size();
      int from = Math.min(all.size(), (page - 1) * PAGE);
      found = all.subList(from, Math.min(all.size(), from + PAGE));
    }
    List<Views.PaperCard> cards =
        cards(ctx, found.stream().map(LibraryActions.SavedView::paper).toList());
    List<LibraryViews.SavedRow> rows = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      SavedPaper s = found.get(i).saved();
      rows.add(
          new LibraryViews.SavedRow(
              cards.get(i), s.state().code(), s.note(), AccountRoutes.WHEN.format(s.savedAt())));
    }
    List<Views.Choice> modes = new ArrayList<>();
    for (SearchMode m : SearchMode.values()) {
      modes.add(new Views.Choice(m.label(), PageRoutes.modeName(m), "", m == mode, true));
    }
    List<Views.Choice> states = new ArrayList<>();
    states.add(new Views.Choice("", "All", Links.with(ctx, "state", null), state == null, true));
    for (ReadingState s : ReadingState.values()) {
      states.add(
          new Views.Choice(
              s.code(),
              s == ReadingState.READ ? "Read" : "To read",
              Links.with(ctx, "state", s.code()),
              s == state,
              true));
    }
    ctx.header("Cache-Control", "no-store");
    ctx.html(
        templates.render(
            "library/saved.jte",
            new LibraryViews.SavedView(
                meta(ctx, "Saved papers", "Your saved papers.").withQuery(""),
                q,
                modes,
                states,
                rows,
                total,
                Links.pager(ctx, page, total, PAGE),
                notice)));
  }

  private void exportSaved(Context ctx, boolean bibtex) {
    if (signInFirst(ctx)) {
      return;
    }
    User u = actions.user(ctx);
    if (bibtex) {
      LibraryActions.download(
          ctx, actions.savedBibtex(u.id()), "application/x-bibtex; charset=utf-8", "saved.bib");
    } else {
      LibraryActions.download(
          ctx, actions.savedCsv(u.id()), "text/csv; charset=utf-8", "saved.csv");
    }
  }

  /** GET /collect/{id}: save, state, note, collections and follows for one paper. */
  private void paperLibrary(Context ctx) {
    if (signInFirst(ctx)) {
      return;
    }
    ArxivId id = CommunityPages.pathId(ctx, "id");
    User u = actions.user(ctx);
    Paper p =
        actions
            .papers()
            .findPaper(id)
            .orElseThrow(() -> new NotFound("No paper " + id + " in this Paperboy."));
    Views.PaperCard card = cards(ctx, List.of(p)).get(0);
    Optional<SavedPaper> saved = actions.store().saved(u.id(), id);
    Set<String> holding = actions.store().collectionsHolding(u.id(), id);
    List<LibraryViews.CollectionRow> cols = new ArrayList<>();
    for (PaperCollection c : actions.store().collectionsOf(u.id())) {
      cols.add(row(c, holding.contains(c.id())));
    }
    Set<String> followed = new HashSet<>();
    for (Follow f : actions.store().follows(u.id())) {
      followed.add(f.kind().code() + ":" + f.key());
    }
    List<LibraryViews.Followable> followables = new ArrayList<>();
    for (String a : p.authors()) {
      String key;
      try {
        key = dev.paperboy.core.library.AuthorNames.key(a);
      } catch (IllegalArgumentException e) {
        continue;
      }
      followables.add(
          new LibraryViews.Followable("author", a, a, followed.contains("author:" + key)));
    }
    for (String c : p.categories()) {
      followables.add(
          new LibraryViews.Followable("category", c, c, followed.contains("category:" + c)));
    }
    ctx.header("Cache-Control", "no-store");
    ctx.html(
        templates.render(
            "library/paper.jte",
            new LibraryViews.PaperLibraryView(
                meta(ctx, "Collect: " + p.title(), "Save, collect and follow."),
                card,
                saved.isPresent(),
                saved.map(s -> s.state().code()).orElse("to-read"),
                saved.map(SavedPaper::note).orElse(""),
                cols,
                followables)));
  }

  private static LibraryViews.CollectionRow row(PaperCollection c, boolean holds) {
    return new LibraryViews.CollectionRow(
        c.id(), c.name(), c.isPublic(), c.size(), AccountRoutes.WHEN.format(c.updatedAt()), holds);
  }

  // ---- collections ----

  private void collectionsPage(Context ctx) {
    if (signInFirst(ctx)) {
      return;
    }
    renderCollections(ctx, null);
  }

  private void renderCollections(Context ctx, @Nullable String error) {
    User u = actions.user(ctx);
    List<LibraryViews.CollectionRow> rows = new ArrayList<>();
    for (PaperCollection c : actions.store().collectionsOf(u.id())) {
      rows.add(row(c, false));
    }
    ctx.header("Cache-Control", "no-store");
    ctx.html(
        templates.render(
            "library/collections.jte",
            new LibraryViews.CollectionsView(
                meta(ctx, "Collections", "Your collections of papers."), rows, error)));
  }

  /**
   * POST /collections ({@code name}, {@code description}, {@code public}, optional {@code paper}).
   */
  private void createCollection(Context ctx) {
    PaperCollection c;
    try {
      c = actions.create(ctx, form(ctx, "name"), form(ctx, "description"), checkbox(ctx, "public"));
    } catch (BadRequest e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderCollections(ctx, e.getMessage());
      return;
    }
    String paper = ctx.formParam("paper");
    if (paper != null && !paper.isBlank()) {
      ArxivId id = parseId("paper", paper);
      actions.add(ctx, c.id(), id, "");
      ctx.redirect("/collect/" + id, HttpStatus.SEE_OTHER);
      return;
    }
    ctx.redirect("/c/" + c.id(), HttpStatus.SEE_OTHER);
  }

  private static ArxivId parseId(String name, String text) {
    try {
      return ArxivId.fromUserInput(text).id();
    } catch (IllegalArgumentException e) {
      throw new BadRequest(name, e.getMessage());
    }
  }

  private void collectionPage(Context ctx) {
    renderCollection(ctx, actions.readable(ctx, ctx.pathParam("cid")), null, null);
  }

  private void renderCollection(
      Context ctx,
      PaperCollection c,
      LibraryViews.@Nullable ImportNotice imported,
      @Nullable String error) {
    boolean owner = actions.isOwner(ctx, c);
    List<LibraryActions.ItemView> items = actions.items(c.id());
    List<Views.PaperCard> cards =
        cards(ctx, items.stream().map(LibraryActions.ItemView::paper).toList());
    List<LibraryViews.ItemRow> rows = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      rows.add(
          new LibraryViews.ItemRow(
              cards.get(i), items.get(i).item().note(), i, i == 0, i == items.size() - 1));
    }
    List<LibraryActions.Picked> more = actions.moreLikeThese(c.id(), 5);
    List<Views.PaperCard> moreCards =
        cards(ctx, more.stream().map(LibraryActions.Picked::paper).toList());
    List<LibraryViews.PickRow> moreRows = new ArrayList<>();
    for (int i = 0; i < more.size(); i++) {
      moreRows.add(new LibraryViews.PickRow(moreCards.get(i), more.get(i).reason()));
    }
    String ownerName = community.users().find(c.owner()).map(User::displayName).orElse("a reader");
    String path = "/c/" + c.id();
    Views.FeedLink feed = new Views.FeedLink(c.name(), path + "/feed.rss", path + "/feed.atom");
    ctx.header("Cache-Control", "no-store");
    if (!c.isPublic()) {
      ctx.header("X-Robots-Tag", "noindex");
    }
    ctx.html(
        templates.render(
            "library/collection.jte",
            new LibraryViews.CollectionView(
                meta(
                        ctx,
                        c.name(),
                        c.description().isEmpty() ? "A collection of papers." : c.description())
                    .withFeeds(List.of(feed)),
                c.id(),
                c.name(),
                c.description(),
                c.isPublic(),
                owner,
                ownerName,
                rows,
                moreRows,
                feed,
                baseUrl.get() + path,
                imported,
                error)));
  }

  private void updateCollection(Context ctx) {
    String id = ctx.pathParam("cid");
    try {
      actions.update(ctx, id, form(ctx, "name"), form(ctx, "description"), checkbox(ctx, "public"));
    } catch (BadRequest e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderCollection(ctx, actions.owned(ctx, id), null, e.getMessage());
      return;
    }
    ctx.redirect("/c/" + id, HttpStatus.SEE_OTHER);
  }

  private void deleteCollection(Context ctx) {
    actions.delete(ctx, ctx.pathParam("cid"));
    ctx.redirect("/collections", HttpStatus.SEE_OTHER);
  }

  private void addItem(Context ctx) {
    String id = ctx.pathParam("cid");
    ArxivId paper = parseId("paper", form(ctx, "paper"));
    actions.add(ctx, id, paper, ctx.formParam("note"));
    back(ctx, "/c/" + id);
  }

  private void removeItem(Context ctx) {
    String id = ctx.pathParam("cid");
    actions.remove(ctx, id, CommunityPages.pathId(ctx, "id"));
    back(ctx, "/c/" + id);
  }

  private void noteItem(Context ctx) {
    String id = ctx.pathParam("cid");
    ArxivId paper = CommunityPages.pathId(ctx, "id");
    actions.note(ctx, id, paper, form(ctx, "note"));
    ctx.redirect("/c/" + id + "#p-" + paper, HttpStatus.SEE_OTHER);
  }

  private void moveItem(Context ctx) {
    String id = ctx.pathParam("cid");
    ArxivId paper = CommunityPages.pathId(ctx, "id");
    int position;
    try {
      position = Integer.parseInt(form(ctx, "position").strip());
    } catch (NumberFormatException e) {
      throw new BadRequest("position", "must be a whole number");
    }
    actions.move(ctx, id, paper, Math.max(0, position));
    ctx.redirect("/c/" + id + "#p-" + paper, HttpStatus.SEE_OTHER);
  }

  /** POST /c/{cid}/import: a .bib file ({@code file}) or pasted text ({@code bibtex}). */
  private void importBibtex(Context ctx) {
    String id = ctx.pathParam("cid");
    PaperCollection c = actions.owned(ctx, id);
    String text = form(ctx, "bibtex");
    UploadedFile file = ctx.uploadedFile("file");
    if (file != null && file.size() > 0) {
      if (file.size() > actions.library().config().maxImportBytes()) {
        throw new BadRequest(
            "file",
            "is larger than " + actions.library().config().maxImportBytes() / 1024 + " KiB");
      }
      try (InputStream in = file.content()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new BadRequest("file", "cannot be read: " + e.getMessage());
      }
    }
    LibraryActions.ImportReport r;
    try {
      r = actions.importBibtex(ctx, id, text);
    } catch (BadRequest e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderCollection(ctx, c, null, e.getMessage());
      return;
    }
    renderCollection(ctx, actions.owned(ctx, id), notice(r), null);
  }

  static LibraryViews.ImportNotice notice(LibraryActions.ImportReport r) {
    List<String> skipped = new ArrayList<>();
    for (LibraryActions.Skipped s : r.skipped()) {
      skipped.add(
          (s.key().isEmpty() ? "(no key)" : s.key())
              + (s.title().isEmpty() ? "" : " — " + s.title())
              + ": "
              + s.reason());
    }
    return new LibraryViews.ImportNotice(
        r.entries(), r.added().size(), r.already().size(), skipped, r.errors());
  }

  private void exportCollection(Context ctx, boolean bibtex) {
    PaperCollection c = actions.readable(ctx, ctx.pathParam("cid"));
    String name = "collection-" + c.id();
    if (bibtex) {
      LibraryActions.download(
          ctx,
          actions.collectionBibtex(c.id()),
          "application/x-bibtex; charset=utf-8",
          name + ".bib");
    } else {
      LibraryActions.download(
          ctx, actions.collectionCsv(c.id()), "text/csv; charset=utf-8", name + ".csv");
    }
  }

  /**
   * The collection's feed. A private collection's feed is 404 like its page: feed readers send no
   * cookies, so it is only readable while the collection is public.
   */
  private void collectionFeed(Context ctx, FeedRoutes.Format format) {
    PaperCollection c = actions.readable(ctx, ctx.pathParam("cid"));
    List<Paper> papers =
        actions.items(c.id()).stream().map(LibraryActions.ItemView::paper).toList();
    feeds.writePapers(
        ctx,
        format,
        "Collection: " + c.name(),
        c.description().isEmpty() ? "A collection of papers on Paperboy." : c.description(),
        "/c/" + c.id(),
        papers);
  }

  // ---- follows ----

  private void follow(Context ctx, boolean on) {
    if (on) {
      actions.follow(ctx, form(ctx, "kind"), form(ctx, "name"));
    } else {
      actions.unfollow(ctx, form(ctx, "kind"), form(ctx, "name"));
    }
    back(ctx, "/following");
  }

  private void followingPage(Context ctx) {
    if (signInFirst(ctx)) {
      return;
    }
    User u = actions.user(ctx);
    List<LibraryViews.FollowRow> follows = new ArrayList<>();
    for (Follow f : actions.store().follows(u.id())) {
      follows.add(
          new LibraryViews.FollowRow(
              f.kind().code(), f.kind() == FollowKind.AUTHOR ? f.label() : f.key(), f.label()));
    }
    List<LibraryActions.Picked> picked = actions.following(u.id(), 100);
    ctx.header("Cache-Control", "no-store");
    ctx.html(
        templates.render(
            "library/following.jte",
            new LibraryViews.FollowingView(
                meta(ctx, "Following", "New papers from the authors and categories you follow."),
                follows,
                pickRows(ctx, picked),
                actions.library().config().followingDays(),
                null)));
  }

  private List<LibraryViews.PickRow> pickRows(Context ctx, List<LibraryActions.Picked> picked) {
    List<Views.PaperCard> cards =
        cards(ctx, picked.stream().map(LibraryActions.Picked::paper).toList());
    List<LibraryViews.PickRow> rows = new ArrayList<>();
    for (int i = 0; i < picked.size(); i++) {
      rows.add(new LibraryViews.PickRow(cards.get(i), picked.get(i).reason()));
    }
    return rows;
  }

  // ---- for you ----

  private void forYouPage(Context ctx) {
    if (signInFirst(ctx)) {
      return;
    }
    User u = actions.user(ctx);
    List<LibraryActions.Picked> picked = actions.forYou(u.id());
    boolean following =
        actions.store().follows(u.id()).stream().anyMatch(f -> f.kind() == FollowKind.AUTHOR);
    ctx.header("Cache-Control", "no-store");
    ctx.html(
        templates.render(
            "library/foryou.jte",
            new LibraryViews.ForYouView(
                meta(ctx, "For you", "New papers picked for you."),
                pickRows(ctx, picked),
                actions.store().countSaved(u.id(), null),
                actions.store().profileResetAt(u.id()).map(AccountRoutes.WHEN::format).orElse(null),
                following,
                actions.library().forYou().picks().needsEmbeddings())));
  }

  private void notInterested(Context ctx) {
    actions.notInterested(ctx, parseId("paper", form(ctx, "paper")));
    ctx.redirect("/for-you", HttpStatus.SEE_OTHER);
  }

  private void reset(Context ctx) {
    actions.resetProfile(ctx);
    ctx.redirect("/for-you", HttpStatus.SEE_OTHER);
  }
}
