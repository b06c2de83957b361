package dev.paperboy.ingest.hf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.core.ingest.ImportSummary;
import dev.paperboy.core.ingest.Importer;
import dev.paperboy.core.ingest.PaperSource;
import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.ingest.SourceRecord;
import dev.paperboy.ingest.http.BrokenBodyException;
import dev.paperboy.ingest.http.Fetched;
import dev.paperboy.ingest.http.HttpFetcher;
import dev.paperboy.ingest.support.BadRecordException;
import dev.paperboy.ingest.support.Json;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Polls a Hugging Face-compatible {@code GET {base}/api/daily_papers?date=YYYY-MM-DD} (off unless a
 * base URL is configured) and imports the day's curated list with its upvotes, mapped exactly like
 * a saved response file ({@link HfEntryMapper}; the list's day is the {@code date} asked for). A
 * paper's {@code githubRepo} there is a curated code link and replaces one found in its abstract.
 *
 * <p>Polling a day again updates its upvotes (the larger count is kept) and changes nothing else.
 * Each entry is accepted or rejected on its own at {@code url[i]}; a body that is not JSON is
 * fetched again (it may be cut off) and then fails the poll; one that is JSON but not an array is
 * an {@link IOException} at once.
 */
public final class HfMirror {
  private final HttpFetcher http;
  private final Importer importer;
  private final URI base;

  /**
   * @param base the server, e.g. {@code https://huggingface.co} or a compatible mirror
   */
  public HfMirror(HttpFetcher http, Importer importer, URI base) {
    if (base.getHost() == null
        || base.getRawQuery() != null
        || !(base.getScheme().equals("https") || base.getScheme().equals("http"))) {
      throw new IllegalArgumentException(
          "Hugging Face base URL must be http(s)://host[/path] without a query, base: " + base);
    }
    this.http = http;
    this.importer = importer;
    this.base = base;
  }

  URI uri(LocalDate date) {
    String b = base.toString();
    return URI.create(
        (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/api/daily_papers?date=" + date);
  }

  /** Fetches and imports the list of {@code date}. */
  public ImportSummary poll(LocalDate date, Consumer<Rejection> onRejection) throws IOException {
    URI uri = uri(date);
    List<Object> items = http.get(uri, f -> read(f, date));
    PaperSource source =
        new PaperSource() {
          @Override
          public String describe() {
            return uri.toString();
          }

          @Override
          public void read(RecordSink sink) {
            for (Object o : items) {
              if (o instanceof SourceRecord r) {
                sink.accept(r);
              } else {
                sink.reject((Rejection) o);
              }
            }
          }
        };
    return importer.run(source, onRejection, s -> {});
  }

  private static List<Object> read(Fetched f, LocalDate date) throws IOException {
    String where = f.uri().toString();
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(f.body());
    } catch (JsonProcessingException e) {
      throw new BrokenBodyException(new IOException(where + ": " + Json.invalid(e, true), e));
    }
    if (root == null || !root.isArray()) {
      throw new IOException(
          where
              + ": not a daily_papers response: expected a JSON array of entries but got "
              + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase()));
    }
    HfEntryMapper mapper = new HfEntryMapper();
    List<Object> out = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      String at = where + "[" + i + "]";
      try {
        out.add(mapper.map(root.get(i), at, date));
      } catch (BadRecordException | IllegalArgumentException e) {
        out.add(new Rejection(at, String.valueOf(e.getMessage())));
      }
    }
    return out;
  }
}
