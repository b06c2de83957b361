package dev.paperboy.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Categories;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.Text;
import dev.paperboy.core.testing.InMemoryPaperStore;
import dev.paperboy.core.testing.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Serves the shared arXiv and Hugging Face data from an in-memory store, for looking at the pages
 * by hand and taking screenshots before the real store and index are wired:
 *
 * <pre>java -cp ... dev.paperboy.web.DemoServer [port] [shared-data-dir]</pre>
 *
 * A quick reader of the two formats, not the importer (that is paperboy-ingest's job).
 */
public final class DemoServer {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 7070;
    Path data = args.length > 1 ? Path.of(args[1]) : SharedData.root();
    InMemoryPaperStore store = new InMemoryPaperStore();
    long t0 = System.nanoTime();
    loadArxiv(store, data.resolve("arxiv"));
    loadHf(store, data.resolve("hf-daily/hf-daily-papers-by-date.jsonl.gz"));
    FakeSearchIndex index = new FakeSearchIndex();
    index.index(store.papersAfter(null, Integer.MAX_VALUE));
    System.out.printf("loaded %s in %d ms%n", store.stats(), (System.nanoTime() - t0) / 1_000_000);
    WebServer.Running web =
        new WebServer(WebConfig.defaults().withPort(port), store, index, Clock.systemUTC()).start();
    System.out.println("serving " + web.uri());
    Thread.currentThread().join();
  }

  static void loadArxiv(InMemoryPaperStore store, Path dir) throws IOException {
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList();
    }
    for (Path f : files) {
      List<Paper> papers = new ArrayList<>();
      List<DailyEntry> entries = new ArrayList<>();
      try (BufferedReader r = gz(f)) {
        String line;
        while ((line = r.readLine()) != null) {
          JsonNode n = JSON.readTree(line);
          ArxivId id = ArxivId.parse(n.path("id").asText());
          LocalDate day = LocalDate.parse(n.path("listing_date").asText());
          List<String> cats = new ArrayList<>();
          n.path("categories")
              .forEach(c -> Categories.arxiv().canonical(c.asText()).ifPresent(cats::add));
          List<String> authors = new ArrayList<>();
          n.path("authors").forEach(a -> authors.add(Text.oneLine(a.asText())));
          papers.add(
              Paper.builder(id, Text.oneLine(n.path("title").asText()))
                  .abstractText(Text.paragraphs(n.path("summary").asText()))
                  .authors(authors)
                  .categories(cats.stream().distinct().toList())
                  .comments(
                      n.path("comment").isNull()
                          ? null
                          : Text.oneLineOrNull(n.path("comment").asText()))
                  .listingDate(day)
                  .build());
          entries.add(new DailyEntry(day, id, EntrySource.ARXIV, null, 0, null));
        }
      }
      store.upsertPapers(papers);
      store.upsertEntries(entries);
    }
  }

  static void loadHf(InMemoryPaperStore store, Path file) throws IOException {
    try (BufferedReader r = gz(file)) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode day = JSON.readTree(line);
        LocalDate date = LocalDate.parse(day.path("date").asText());
        List<Paper> papers = new ArrayList<>();
        List<DailyEntry> entries = new ArrayList<>();
        for (JsonNode e : day.path("papers")) {
          JsonNode p = e.path("paper");
          Optional<ArxivId> id = ArxivId.tryParse(p.path("id").asText());
          if (id.isEmpty()) {
            continue;
          }
          List<String> authors = new ArrayList<>();
          p.path("authors").forEach(a -> authors.add(a.path("name").asText()));
          List<String> keywords = new ArrayList<>();
          p.path("ai_keywords").forEach(k -> keywords.add(k.asText()));
          String published = p.path("publishedAt").asText("");
          papers.add(
              Paper.builder(id.get(), Text.oneLine(p.path("title").asText()))
                  .abstractText(Text.paragraphs(p.path("summary").asText()))
                  .authors(authors)
                  .submitted(
                      published.length() >= 10 ? LocalDate.parse(published.substring(0, 10)) : null)
                  .codeUrl(text(p, "githubRepo"))
                  .projectPage(text(p, "projectPage"))
                  .githubStars(p.path("githubStars").isInt() ? p.path("githubStars").asInt() : null)
                  .aiSummary(text(p, "ai_summary"))
                  .aiKeywords(keywords)
                  .build());
          String by = p.path("submittedOnDailyBy").path("user").asText(null);
          String at = p.path("submittedOnDailyAt").asText(null);
          entries.add(
              new DailyEntry(
                  date,
                  id.get(),
                  EntrySource.HUGGING_FACE,
                  by,
                  p.path("upvotes").asInt(),
                  at == null ? null : Instant.parse(at)));
        }
        store.upsertPapers(papers);
        store.upsertEntries(entries);
      }
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() && !v.asText().isBlank() ? Text.oneLine(v.asText()) : null;
  }

  private static BufferedReader gz(Path f) throws IOException {
    return new BufferedReader(
        new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(f), 1 << 16), StandardCharsets.UTF_8));
  }
}
