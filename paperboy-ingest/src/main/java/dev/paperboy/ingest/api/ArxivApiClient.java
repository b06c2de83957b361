package dev.paperboy.ingest.api;

import dev.paperboy.core.ingest.PaperSource;
import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.ingest.SourceRecord;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.ingest.http.BrokenBodyException;
import dev.paperboy.ingest.http.Fetched;
import dev.paperboy.ingest.http.HttpFetcher;
import dev.paperboy.ingest.http.Sleeper;
import dev.paperboy.ingest.oai.MalformedXmlException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Looks papers up in the arXiv API by id, {@code GET
 * https://export.arxiv.org/api/query?id_list=ID,ID,...&max_results=N}, in batches of {@value
 * #BATCH}, with a pause between requests (the API's terms ask for three seconds,
 * https://info.arxiv.org/help/api/tou.html).
 */
public final class ArxivApiClient {
  /** arXiv's API endpoint. */
  public static final URI ARXIV = URI.create("https://export.arxiv.org/api/query");

  /** Ids per request. */
  public static final int BATCH = 100;

  private final HttpFetcher http;
  private final URI endpoint;
  private final Duration delay;
  private final Sleeper sleeper;

  public ArxivApiClient(HttpFetcher http, URI endpoint, Duration delay, Sleeper sleeper) {
    if (endpoint.getHost() == null || endpoint.getRawQuery() != null) {
      throw new IllegalArgumentException(
          "arXiv API endpoint must be a URL with a host and no query, endpoint: " + endpoint);
    }
    this.http = http;
    this.endpoint = endpoint;
    this.delay = delay;
    this.sleeper = sleeper;
  }

  /** A source that reads the current metadata and version of {@code ids} from the API. */
  public PaperSource lookup(Collection<ArxivId> ids) {
    List<ArxivId> all = List.copyOf(ids);
    return new PaperSource() {
      @Override
      public String describe() {
        return endpoint + " (" + all.size() + " ids)";
      }

      @Override
      public void read(RecordSink sink) throws IOException {
        for (int i = 0; i < all.size(); i += BATCH) {
          if (i > 0) {
            pause();
          }
          List<ArxivId> batch = all.subList(i, Math.min(all.size(), i + BATCH));
          BufferingSink b = new BufferingSink();
          http.get(uri(batch), (Fetched f) -> parse(f, b));
          b.replay(sink);
        }
      }
    };
  }

  URI uri(List<ArxivId> batch) {
    String ids = batch.stream().map(ArxivId::value).collect(Collectors.joining(","));
    return URI.create(endpoint + "?id_list=" + ids + "&max_results=" + batch.size());
  }

  private static Void parse(Fetched f, BufferingSink b) throws IOException {
    b.clear();
    try {
      new ArxivApiParser().parse(f.stream(), f.uri().toString(), b);
    } catch (MalformedXmlException e) {
      throw new BrokenBodyException(e);
    }
    return null;
  }

  private void pause() throws InterruptedIOException {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted between arXiv API requests");
    }
  }

  /** Holds one answer until it parsed whole, so a retried answer is not imported twice. */
  private static final class BufferingSink implements RecordSink {
    private final List<SourceRecord> records = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();

    @Override
    public void accept(SourceRecord record) {
      records.add(record);
    }

    @Override
    public void reject(Rejection rejection) {
      rejections.add(rejection);
    }

    void clear() {
      records.clear();
      rejections.clear();
    }

    void replay(RecordSink sink) {
      records.forEach(sink::accept);
      rejections.forEach(sink::reject);
    }
  }
}
