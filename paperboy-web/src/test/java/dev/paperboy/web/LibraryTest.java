package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers' libraries over HTTP: saving from lists and paper pages, the Saved page and its search,
 * collections (privacy, order, notes, feeds, BibTeX and CSV), follows, For you, and the API.
 */
class LibraryTest {
  static final String DAY = "/day/2025-06-23";
  static final String RAG = "2506.00001"; // "Retrieval-Augmented Generation: Study 1"

  @TempDir Path dir;
  CommunityServer site;

  @BeforeEach
  void start() {
    site = new CommunityServer(dir);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return WebTestSupport.JSON.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(r.body(), e);
    }
  }

  String tokenFor(String email) {
    TestBrowser b = site.signedIn(email);
    HttpResponse<String> made = b.submit("/account", "/account/tokens", Map.of("name", "test"));
    String token = Jsoup.parse(made.body()).select("#new-token").text();
    assertThat(token).startsWith("pb_");
    return token;
  }

  HttpResponse<String> api(String method, String path, String token, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(site.uri().resolve(path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return site.browser().send(b);
  }

  @Test
  void saveButtonsWorkWithoutJavaScriptOnListsAndPaperPages() {
    TestBrowser ada = site.signedIn("ada@example.org");
    Document day = ada.page(DAY);
    var form = day.selectFirst("#p-2506\\.00051 form.save-form");
    assertThat(form).as("a save form on each card").isNotNull();
    assertThat(form.select("button").text()).isEqualTo("Save");
    var r =
        ada.post(
            form.attr("action"),
            Map.of(
                "_csrf", form.select("input[name=_csrf]").val(),
                "action", form.select("input[name=action]").val(),
                "back", form.select("input[name=back]").val()));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location").orElse("")).startsWith(DAY);
    assertThat(ada.page(DAY).select("#p-2506\\.00051 form.save-form button").text())
        .isEqualTo("Saved ✓");
    // From the paper page, and without the CSRF token nothing happens.
    Document paper = ada.page("/papers/" + RAG);
    assertThat(paper.select("form.save-form button").text()).isEqualTo("Save");
    assertThat(
            ada.post("/papers/" + RAG + "/save", Map.of("action", "add", "back", "/")).statusCode())
        .isEqualTo(403);
    assertThat(
            ada.submit("/papers/" + RAG, "/papers/" + RAG + "/save", Map.of("action", "add"))
                .statusCode())
        .isEqualTo(303);
    Document saved = ada.page("/saved");
    assertThat(saved.select("article.card h2.title").eachText())
        .containsExactly(
            "Retrieval-Augmented Generation: Study 1", "Multilingual Speech Recognition: Study 51");
    // Signed out there is no save form; /saved asks to sign in.
    assertThat(site.browser().page(DAY).select("form.save-form")).isEmpty();
    assertThat(site.browser().get("/saved").statusCode()).isEqualTo(303);
  }

  @Test
  void saveFormsSitInTheRowOfLinksTheyBelongTo() {
    // A <form> cannot be inside a <p>: the HTML parser closes the paragraph before it (HTML
    // Standard, "in body" insertion mode, start tag "form"), which left Save and Collect on a line
    // of their own under each card and under the paper page's buttons. jsoup parses the same way.
    TestBrowser ada = site.signedIn("ada@example.org");
    Document day = ada.page(DAY);
    assertThat(day.select("#p-2506\\.00051 .links form.save-form")).hasSize(1);
    assertThat(day.select("#p-2506\\.00051 .links a.collect")).hasSize(1);
    Document paper = ada.page("/papers/" + RAG);
    assertThat(paper.select(".actions form.save-form")).hasSize(1);
    assertThat(paper.select(".actions a.collect")).hasSize(1);
  }

  @Test
  void savedSearchByMeaningFindsASavedPaperFarDownTheWholeIndexsRanking() {
    // A semantic index for which "grounding" means retrieval, and whose nearest-neighbour search
    // ranks one paper of the whole index: 2506.00001. A search of everything kept to the saved
    // papers would miss 2506.00056, the saved one on the same topic; no saved paper contains the
    // word, so the page's own word match cannot find it either.
    site.close();
    site = new CommunityServer(dir.resolve("all-modes"), java.util.EnumSet.allOf(SearchMode.class));
    site.index.enable(SearchMode.SEMANTIC);
    site.index.enable(SearchMode.HYBRID);
    site.index.meanings.put("grounding", List.of("retrieval"));
    site.index.nearest = 1;
    String saved = "2506.00056";
    for (SearchMode mode : List.of(SearchMode.SEMANTIC, SearchMode.HYBRID)) {
      assertThat(
              site.index.search(SearchQuery.of("grounding", mode, 10)).hits().stream()
                  .map(h -> h.id().value()))
          .containsExactly(RAG);
    }
    TestBrowser ada = site.signedIn("ada@example.org");
    for (String id : List.of(saved, "2506.00002")) {
      assertThat(
              ada.submit("/saved", "/papers/" + id + "/save", Map.of("action", "add")).statusCode())
          .isEqualTo(303);
    }
    for (String mode : List.of("semantic", "hybrid")) {
      Document d = ada.page("/saved?q=grounding&mode=" + mode);
      assertThat(d.select("article.card").eachAttr("id")).as(mode).containsExactly("p-" + saved);
      assertThat(d.text()).as(mode).doesNotContain("not available");
    }
    // By keywords the word is not there.
    assertThat(ada.page("/saved?q=grounding&mode=bm25").select("article.card")).isEmpty();
  }

  @Test
  void savedSearchByMeaningOnAKeywordOnlySiteSaysSoAndRanksByKeywords() {
    // The site offers keyword search only (no embedding model), as the fixture's WebConfig says.
    TestBrowser ada = site.signedIn("ada@example.org");
    assertThat(
            ada.submit("/saved", "/papers/" + RAG + "/save", Map.of("action", "add")).statusCode())
        .isEqualTo(303);
    for (String mode : List.of("semantic", "hybrid")) {
      var answer = ada.get("/saved?q=retrieval&mode=" + mode);
      assertThat(answer.statusCode()).as(mode).isEqualTo(200);
      Document d = org.jsoup.Jsoup.parse(answer.body());
      assertThat(d.text()).as(mode).contains("search is not available on this server");
      assertThat(d.select("article.card").eachAttr("id")).as(mode).containsExactly("p-" + RAG);
    }
  }

  @Test
  void savedPageSearchesTitlesAndPrivateNotesAndKeepsReadingState() {
    TestBrowser ada = site.signedIn("ada@example.org");
    for (String id : List.of(RAG, "2506.00002", "2506.00051")) {
      assertThat(
              ada.submit("/saved", "/papers/" + id + "/save", Map.of("action", "add")).statusCode())
          .isEqualTo(303);
    }
    assertThat(
            ada.submit(
                    "/saved",
                    "/saved/2506.00002",
                    Map.of("state", "read", "note", "compare with <b>baseline</b> zebrafish"))
                .statusCode())
        .isEqualTo(303);
    Document hit = ada.page("/saved?q=zebrafish&mode=bm25");
    assertThat(hit.select("article.card").eachAttr("id")).containsExactly("p-2506.00002");
    assertThat(hit.select("input[name=note]").val())
        .isEqualTo("compare with <b>baseline</b> zebrafish");
    assertThat(hit.html()).doesNotContain("<b>baseline</b>");
    assertThat(ada.page("/saved?q=retrieval&mode=semantic").select("article.card").eachAttr("id"))
        .containsExactly("p-" + RAG);
    assertThat(ada.page("/saved?state=read").select("article.card").eachAttr("id"))
        .containsExactly("p-2506.00002");
    Document toRead = ada.page("/saved?state=to-read");
    assertThat(toRead.select("article.card")).hasSize(2);
    // The reading-state filter is a segmented control like trending's windows, the current state
    // marked; each paper's state and note form sits inside its own card.
    assertThat(toRead.select("nav.segmented[aria-label=Reading state] a").eachText())
        .containsExactly("All", "To read", "Read");
    assertThat(toRead.select("nav.segmented a[aria-current=page]").text()).isEqualTo("To read");
    assertThat(toRead.select("article.card .card-foot form[action^=/saved/] select[name=state]"))
        .hasSize(2);
    assertThat(toRead.select("form[action^=/saved/] select[name=state]")).hasSize(2);
    // Another reader's saved list is their own.
    assertThat(site.signedIn("bob@example.org").page("/saved").select("article.card")).isEmpty();
  }

  /** Makes a collection through the form; returns its id. */
  static String collection(TestBrowser b, String name, boolean isPublic) {
    Map<String, String> f =
        new java.util.HashMap<>(Map.of("name", name, "description", "Why: " + name));
    if (isPublic) {
      f.put("public", "on");
    }
    var r = b.submit("/collections", "/collections", f);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    String loc = r.headers().firstValue("Location").orElseThrow();
    assertThat(loc).startsWith("/c/");
    return loc.substring(3);
  }

  static void add(TestBrowser b, String cid, String paper, String note) {
    var r = b.submit("/c/" + cid, "/c/" + cid + "/items", Map.of("paper", paper, "note", note));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
  }

  @Test
  void aPrivateCollectionIsNotFoundToOthersAndToTheApiWithoutTheOwnersToken() {
    String adaToken = tokenFor("ada@example.org");
    TestBrowser ada = site.signedIn("ada@example.org");
    String cid = collection(ada, "Secret plans", false);
    add(ada, cid, RAG, "for the grant");
    assertThat(ada.page("/c/" + cid).select("h1").text()).isEqualTo("Secret plans");

    TestBrowser bob = site.signedIn("bob@example.org");
    String bobToken = tokenFor("bob@example.org");
    for (String path :
        List.of(
            "/c/" + cid,
            "/c/" + cid + "/feed.rss",
            "/c/" + cid + "/feed.atom",
            "/c/" + cid + "/export.bib",
            "/c/" + cid + "/export.csv",
            "/api/collections/" + cid,
            "/api/collections/" + cid + "/export?format=bibtex",
            "/api/collections/" + cid + "/similar")) {
      assertThat(site.browser().get(path).statusCode()).as("anonymous " + path).isEqualTo(404);
      assertThat(bob.get(path).statusCode()).as("bob " + path).isEqualTo(404);
      if (path.startsWith("/api/")) {
        assertThat(api("GET", path, bobToken, null).statusCode())
            .as("bob's token " + path)
            .isEqualTo(404);
        assertThat(api("GET", path, adaToken, null).statusCode())
            .as("ada's token " + path)
            .isEqualTo(200);
      }
    }
    // Nor can another user change it.
    assertThat(
            api("PUT", "/api/collections/" + cid + "/papers/2506.00002", bobToken, "{}")
                .statusCode())
        .isEqualTo(404);
    assertThat(api("DELETE", "/api/collections/" + cid, bobToken, null).statusCode())
        .isEqualTo(404);
    assertThat(
            bob.post("/c/" + cid + "/delete", Map.of("_csrf", bob.csrf("/collections")))
                .statusCode())
        .isEqualTo(404);
    JsonNode mine = json(api("GET", "/api/collections/" + cid, adaToken, null));
    assertThat(mine.path("public").asBoolean()).isFalse();
    assertThat(mine.path("papers").get(0).path("note").asText()).isEqualTo("for the grant");

    // Made public, anyone with the link reads it (and its feed); the owner's controls stay hers.
    JsonNode shared = json(api("PATCH", "/api/collections/" + cid, adaToken, "{\"public\":true}"));
    assertThat(shared.path("public").asBoolean()).isTrue();
    Document open = site.browser().page("/c/" + cid);
    assertThat(open.select(".why").text()).contains("for the grant");
    assertThat(open.select("#collection-settings")).isEmpty();
    assertThat(site.browser().get("/c/" + cid + "/feed.rss").body())
        .contains("Retrieval-Augmented Generation: Study 1");
    assertThat(api("GET", "/api/collections/" + cid, null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void theApiRefusesJsonOfTheWrongTypeNamingTheFieldAndChangesNothing() {
    // Jackson's asBoolean() read "maybe" as false: the collection was made, private, and the
    // client never knew its flag was ignored.
    String token = tokenFor("ada@example.org");
    HttpResponse<String> maybe =
        api("POST", "/api/collections", token, "{\"name\":\"Maybe\",\"public\":\"maybe\"}");
    assertThat(maybe.statusCode()).isEqualTo(400);
    assertThat(json(maybe).path("parameter").asText()).isEqualTo("public");
    assertThat(json(maybe).path("error").asText()).contains("JSON boolean").contains("\"maybe\"");
    assertThat(json(api("GET", "/api/collections", token, null))).isEmpty();
    assertThat(
            json(api("POST", "/api/collections", token, "{\"name\":7}")).path("parameter").asText())
        .isEqualTo("name");

    // A valid body; a field the route does not know is ignored, as it always was.
    HttpResponse<String> made =
        api(
            "POST",
            "/api/collections",
            token,
            "{\"name\":\"Open\",\"public\":true,\"colour\":\"red\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String cid = json(made).path("id").asText();
    assertThat(json(made).path("public").asBoolean()).isTrue();
    HttpResponse<String> patch =
        api("PATCH", "/api/collections/" + cid, token, "{\"public\":\"false\"}");
    assertThat(patch.statusCode()).isEqualTo(400);
    assertThat(json(patch).path("parameter").asText()).isEqualTo("public");
    assertThat(json(api("GET", "/api/collections/" + cid, token, null)).path("public").asBoolean())
        .isTrue();
    HttpResponse<String> position =
        api(
            "PATCH",
            "/api/collections/" + cid + "/papers/2506.00002",
            token,
            "{\"note\":\"x\",\"position\":\"1\"}");
    assertThat(position.statusCode()).isEqualTo(400);
    assertThat(json(position).path("parameter").asText()).isEqualTo("position");
  }

  @Test
  void theCollectionFormsRefuseAPublicBoxThatIsNeitherTickedNorLeftOut() {
    // "maybe" was read as unticked: the collection was made, or left, private without a word.
    TestBrowser ada = site.signedIn("ada@example.org");
    var made =
        ada.submit("/collections", "/collections", Map.of("name", "Maybe", "public", "maybe"));
    assertThat(made.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(made.body()).select(".notice.error").text()).contains("public");
    assertThat(ada.page("/collections").text()).doesNotContain("Maybe");
    String cid = collection(ada, "Open", true);
    var changed = ada.submit("/c/" + cid, "/c/" + cid, Map.of("name", "Open", "public", "false"));
    assertThat(changed.statusCode()).isEqualTo(400);
    assertThat(site.browser().get("/c/" + cid).statusCode()).as("still public").isEqualTo(200);
  }

  @Test
  void aDoubleSubmittedNewCollectionIsMadeOnce() throws Exception {
    TestBrowser ada = site.signedIn("ada@example.org");
    // A double click on "Create" sends the form twice, here at once.
    List<java.util.concurrent.Future<String>> both = new java.util.ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
      for (int i = 0; i < 2; i++) {
        both.add(pool.submit(() -> collection(ada, "Reading group", true)));
      }
    }
    String cid = both.get(0).get();
    assertThat(both.get(1).get()).isEqualTo(cid);
    // Another name, or the same name once the first has papers in it or a minute later, is a new
    // collection: readers may want two with one name.
    assertThat(collection(ada, "Reading group 2", true)).isNotEqualTo(cid);
    add(ada, cid, RAG, "");
    String second = collection(ada, "Reading group", true);
    assertThat(second).isNotEqualTo(cid);
    site.clock.advance(java.time.Duration.ofSeconds(61));
    assertThat(collection(ada, "Reading group", true)).isNotIn(cid, second);
    assertThat(ada.page("/collections").select("ul.activity a[href^=/c/]").eachAttr("href"))
        .doesNotHaveDuplicates()
        .hasSize(4);
  }

  @Test
  void collectionsKeepOrderAndNotesAndMoveItems() {
    TestBrowser ada = site.signedIn("ada@example.org");
    String cid = collection(ada, "Reading group", true);
    add(ada, cid, RAG, "first week");
    add(ada, cid, "2506.00002", "");
    add(ada, cid, Fixture.RICH, "the <i>star</i> paper");
    assertThat(ada.page("/c/" + cid).select("ol.collection-items article.card").eachAttr("id"))
        .containsExactly("p-" + RAG, "p-2506.00002", "p-2506.10001");
    assertThat(
            ada.submit("/c/" + cid, "/c/" + cid + "/items/2506.10001/move", Map.of("position", "0"))
                .statusCode())
        .isEqualTo(303);
    assertThat(
            ada.submit("/c/" + cid, "/c/" + cid + "/items/" + RAG + "/remove", Map.of())
                .statusCode())
        .isEqualTo(303);
    Document page = site.browser().page("/c/" + cid);
    assertThat(page.select("ol.collection-items article.card").eachAttr("id"))
        .containsExactly("p-2506.10001", "p-2506.00002");
    assertThat(page.select(".why").first().text()).isEqualTo("Why the <i>star</i> paper");
    assertThat(page.select("#p-2506\\.10001 .card-foot .why").text())
        .isEqualTo("Why the <i>star</i> paper");
    assertThat(page.select("#p-2506\\.00002 .card-foot")).as("no note, not the owner").isEmpty();
    assertThat(page.html()).doesNotContain("<i>star</i>");
    // "More like these" lists papers near the collection, never its own.
    List<String> more = page.select("#more-h ~ article.card").eachAttr("id");
    assertThat(more).isNotEmpty().doesNotContain("p-2506.10001", "p-2506.00002");
    // The feed lists the papers in the collection's order.
    String atom = site.browser().get("/c/" + cid + "/feed.atom").body();
    assertThat(atom.indexOf("Sparse Mixture of Experts"))
        .isLessThan(atom.indexOf("Diffusion Models"));
  }

  @Test
  void bibtexExportRoundTripsThroughABibtexParser() throws Exception {
    TestBrowser ada = site.signedIn("ada@example.org");
    String cid = collection(ada, "Everything", true);
    List<String> ids = List.of(Fixture.RICH, Fixture.HOSTILE, Fixture.OLD_STYLE, RAG, "2506.00002");
    for (String id : ids) {
      add(ada, cid, id, id.equals(RAG) ? "50% of {the} point & more" : "");
    }
    HttpResponse<String> r = site.browser().get("/c/" + cid + "/export.bib");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/x-bibtex");
    BibTeXParser parser = new BibTeXParser();
    BibTeXDatabase db = parser.parse(new StringReader(r.body()));
    List<BibTeXEntry> entries = new ArrayList<>();
    db.getObjects().forEach(o -> entries.add((BibTeXEntry) o));
    assertThat(entries).hasSize(ids.size());
    assertThat(db.getEntries()).as("citation keys are unique").hasSize(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      BibTeXEntry e = entries.get(i);
      var paper =
          site.store.findPaper(dev.paperboy.core.paper.ArxivId.parse(ids.get(i))).orElseThrow();
      assertThat(e.getType().getValue()).isEqualTo("misc");
      assertThat(e.getField(new Key("eprint")).toUserString()).isEqualTo(ids.get(i));
      assertThat(e.getField(new Key("archivePrefix")).toUserString()).isEqualTo("arXiv");
      assertThat(e.getField(BibTeXEntry.KEY_URL).toUserString()).isEqualTo(paper.id().absUrl());
      // Every title as stored, the hostile one (quotes, <script>, &) included.
      assertThat(e.getField(BibTeXEntry.KEY_TITLE).toUserString()).isEqualTo(paper.title());
      assertThat(e.getField(BibTeXEntry.KEY_AUTHOR).toUserString())
          .isEqualTo(String.join(" and ", paper.authors()));
      if (paper.primaryCategory() != null) {
        assertThat(e.getField(new Key("primaryClass")).toUserString())
            .isEqualTo(paper.primaryCategory());
      }
    }
    assertThat(entries.get(3).getField(new Key("annote")).toUserString())
        .isEqualTo("50% of {the} point & more");
    // And what was exported imports back: every entry found by its arXiv id.
    TestBrowser bob = site.signedIn("bob@example.org");
    String other = collection(bob, "Copy", false);
    JsonNode report =
        json(
            api(
                "POST",
                "/api/collections/" + other + "/import",
                tokenFor("bob@example.org"),
                WebTestSupport.JSON.writeValueAsString(Map.of("bibtex", r.body()))));
    assertThat(report.path("added").size()).isEqualTo(ids.size());
    assertThat(report.path("skipped").size()).isZero();
  }

  @Test
  void csvExportQuotesAndDefusesFormulas() {
    TestBrowser ada = site.signedIn("ada@example.org");
    ada.submit("/saved", "/papers/" + RAG + "/save", Map.of("action", "add"));
    ada.submit(
        "/saved", "/saved/" + RAG, Map.of("note", "=HYPERLINK(\"http://evil\"), \"quoted\""));
    String csv = ada.get("/saved/export.csv").body();
    assertThat(csv.lines().findFirst().orElse(""))
        .isEqualTo("arxiv_id,title,authors,year,primary_category,url,state,note,added");
    assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\"), \"\"quoted\"\"\"");
  }

  @Test
  void anImportOfMixedEntriesAddsWhatItCanAndReportsTheRest() {
    TestBrowser ada = site.signedIn("ada@example.org");
    String cid = collection(ada, "Imported", false);
    String bib =
        """
        @string{arx = "arXiv preprint arXiv:2506.00002"}
        @misc{eprinted, title = {With an eprint}, eprint = {2506.00001v2}, archivePrefix = {arXiv}}
        @article{scholar, title = {From Google Scholar}, journal = arx, year = 2025}
        @inproceedings{linked, title = "By URL", url = {https://arxiv.org/abs/2506.10001}}
        @article{doionly, title = {A journal paper}, doi = {10.1000/xyz123}, journal = {Nature}}
        @misc{unknown, title = {Not here}, eprint = {2401.99999}, archivePrefix = {arXiv}}
        @misc{twice, title = {Again}, note = {arXiv:2506.00001}}
        @misc{oldstyle, title = {Strings}, eprint = {hep-th/9901001}}
        @misc{broken, title = {Unclosed
        """;
    var r = ada.submit("/c/" + cid, "/c/" + cid + "/import", Map.of("bibtex", bib));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Document report = Jsoup.parse(r.body());
    String text = report.select("#import-report").text();
    assertThat(text).contains("4 added").contains("skipped");
    assertThat(report.select("#import-report li").eachText())
        .anyMatch(s -> s.startsWith("doionly — A journal paper: no arXiv id"))
        .anyMatch(s -> s.startsWith("unknown — Not here: arXiv:2401.99999 is not in this Paperboy"))
        .anyMatch(s -> s.startsWith("twice — Again: arXiv:2506.00001 appears earlier"));
    assertThat(site.library.items(cid))
        .extracting(i -> i.paper().value())
        .containsExactly(RAG, "2506.00002", Fixture.RICH, Fixture.OLD_STYLE);
    // Bad input: an empty file is a 400 with the reason, not a stack trace.
    var empty = ada.submit("/c/" + cid, "/c/" + cid + "/import", Map.of("bibtex", "  "));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(empty.body()).select(".notice.error").text()).contains("empty");
  }

  @Test
  void importsAreRateLimited() {
    String token = tokenFor("ada@example.org");
    String cid =
        json(api("POST", "/api/collections", token, "{\"name\":\"Lots\"}")).path("id").asText();
    int last = 0;
    for (int i = 0; i < 11; i++) {
      last =
          api(
                  "POST",
                  "/api/collections/" + cid + "/import",
                  token,
                  "{\"bibtex\":\"@misc{a, eprint={2506.00001}}\"}")
              .statusCode();
    }
    assertThat(last).isEqualTo(429);
  }

  List<String> forYou(String token) {
    JsonNode picks = json(api("GET", "/api/library/for-you", token, null));
    List<String> out = new ArrayList<>();
    picks.forEach(p -> out.add(p.path("id").asText()));
    return out;
  }

  @Test
  void notInterestedAndResetChangeTheForYouRanking() {
    String token = tokenFor("ada@example.org");
    assertThat(forYou(token)).as("nothing liked yet").isEmpty();
    assertThat(api("PUT", "/api/library/saved/" + RAG, token, null).statusCode()).isEqualTo(200);
    List<String> before = forYou(token);
    JsonNode first = json(api("GET", "/api/library/for-you", token, null));
    assertThat(before).isNotEmpty().doesNotContain(RAG);
    assertThat(first.get(0).path("reason").asText())
        .isEqualTo("similar to “Retrieval-Augmented Generation: Study 1” you saved");

    String top = before.get(0);
    assertThat(api("POST", "/api/library/for-you/not-interested/" + top, token, null).statusCode())
        .isEqualTo(204);
    List<String> after = forYou(token);
    assertThat(after).doesNotContain(top).isNotEqualTo(before);

    assertThat(api("POST", "/api/library/for-you/reset", token, null).statusCode()).isEqualTo(204);
    assertThat(forYou(token)).as("a reset forgets what was liked before it").isEmpty();
    site.clock.now = site.clock.now.plusSeconds(60);
    // Liked again after the reset: picks come back, and the dismissed paper may too.
    assertThat(api("PUT", "/api/library/saved/2506.00002", token, null).statusCode())
        .isEqualTo(200);
    List<String> again = forYou(token);
    assertThat(again).isNotEmpty().isNotEqualTo(before);
    // The page shows the same picks with their reasons and the controls.
    TestBrowser ada = site.signedIn("ada@example.org");
    Document page = ada.page("/for-you");
    assertThat(page.select("li.pick").eachAttr("data-paper")).isEqualTo(again);
    assertThat(page.select("li.pick .why").first().text()).startsWith("Why similar to");
    // Each reason and "Not interested" button is inside its own card, not between two cards.
    assertThat(page.select("li.pick > article.card .card-foot .why")).hasSize(again.size());
    assertThat(
            page.select("li.pick > article.card .card-foot form[action=/for-you/not-interested]"))
        .hasSize(again.size());
    assertThat(page.select("li.pick > .why, li.pick > form")).isEmpty();
    assertThat(page.select("#reset-profile")).hasSize(1);
  }

  @Test
  void followingAnAuthorByAnyWritingOfTheNameListsTheirNewPapers() {
    TestBrowser ada = site.signedIn("ada@example.org");
    var r =
        ada.submit(
            "/following",
            "/follow",
            Map.of("kind", "author", "name", "  grace   HOPPER ", "back", "/following"));
    assertThat(r.statusCode()).isEqualTo(303);
    ada.submit("/following", "/follow", Map.of("kind", "category", "name", "eess.AS"));
    Document page = ada.page("/following");
    assertThat(page.text()).contains("two researchers can share a name");
    assertThat(page.select("article.card").eachAttr("id")).contains("p-2506.10001");
    assertThat(page.select(".why").eachText())
        .contains("by grace HOPPER")
        .anyMatch(s -> s.startsWith("in eess.AS"));
    var bad = ada.submit("/following", "/follow", Map.of("kind", "category", "name", "xx.YY"));
    assertThat(bad.statusCode()).isEqualTo(400);
    // For you puts papers by followed authors first, saying why.
    String token = tokenFor("ada@example.org");
    JsonNode picks = json(api("GET", "/api/library/for-you", token, null));
    assertThat(picks.get(0).path("id").asText()).isEqualTo(Fixture.RICH);
    assertThat(picks.get(0).path("reason").asText()).isEqualTo("by grace HOPPER you follow");
    assertThat(
            api("DELETE", "/api/library/follows?kind=author&name=Grace%20Hopper", token, null)
                .statusCode())
        .isEqualTo(200);
    assertThat(json(api("GET", "/api/library/follows", token, null)).size()).isEqualTo(1);
  }

  @Test
  void theAccountExportHoldsTheLibrary() {
    TestBrowser ada = site.signedIn("ada@example.org");
    ada.submit("/saved", "/papers/" + RAG + "/save", Map.of("action", "add"));
    String cid = collection(ada, "Mine", false);
    add(ada, cid, RAG, "note");
    ada.submit("/following", "/follow", Map.of("kind", "category", "name", "cs.CL"));
    JsonNode export = json(ada.get("/account/export.json"));
    JsonNode lib = export.path("library");
    assertThat(lib.path("saved").get(0).path("paper").asText()).isEqualTo(RAG);
    assertThat(lib.path("collections").get(0).path("papers").get(0).path("note").asText())
        .isEqualTo("note");
    assertThat(lib.path("follows").get(0).path("key").asText()).isEqualTo("cs.CL");
  }
}
