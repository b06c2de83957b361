package dev.paperboy.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Categories;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A minimal reader of the arXiv listing JSON Lines in {@code shared/data/arxiv} for store tests and
 * benchmarks: enough to turn real records into papers and day-list entries. The real importer, with
 * rejections and format detection, lives in paperboy-ingest; this one fails on any bad line.
 */
final class ArxivListingReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A paper and the day it was listed on. */
  record Listing(Paper paper, DailyEntry entry) {}

  private ArxivListingReader() {}

  static List<Listing> read(Path gzipJsonl) throws IOException {
    List<Listing> out = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipJsonl), 1 << 16);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(listing(JSON.readTree(line)));
        } catch (RuntimeException e) {
          throw new IOException(gzipJsonl.getFileName() + ":" + n + ": " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  private static Listing listing(JsonNode n) {
    ArxivId id = ArxivId.parse(n.path("id").asText());
    LocalDate day = LocalDate.parse(n.path("listing_date").asText());
    Set<String> categories = new LinkedHashSet<>();
    for (JsonNode c : n.path("categories")) {
      // The source mixes ACM/MSC classes into categories; keep arXiv categories only.
      Categories.arxiv().canonical(c.asText()).ifPresent(categories::add);
    }
    List<String> authors = new ArrayList<>();
    for (JsonNode a : n.path("authors")) {
      authors.add(Text.oneLine(a.asText()));
    }
    Paper paper =
        Paper.builder(id, Text.oneLine(n.path("title").asText()))
            .abstractText(Text.paragraphs(n.path("summary").asText()))
            .authors(authors)
            .categories(List.copyOf(categories))
            .comments(
                n.path("comment").isNull() ? null : Text.oneLineOrNull(n.path("comment").asText()))
            .listingDate(day)
            .build();
    return new Listing(paper, new DailyEntry(day, id, EntrySource.ARXIV, null, 0, null));
  }
}
