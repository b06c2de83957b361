package dev.paperboy.ingest.harvest;

import dev.paperboy.ingest.http.LocalServer;
import dev.paperboy.ingest.http.LocalServer.Reply;
import dev.paperboy.ingest.support.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An OAI-PMH endpoint on a loopback port that replays the three-page {@code ListRecords} of {@code
 * harvest/page*.xml}: the first request (with {@code metadataPrefix}, {@code set}, {@code from})
 * gets page 1, the token of each page gets the next. Scripted replies can be queued in front of a
 * page to play failures (a 503, a truncated page, an expired token).
 */
final class OaiFixtureServer implements AutoCloseable {
  static final String TOKEN_PAGE_2 = "6960524|1001";
  static final String TOKEN_PAGE_3 = "6960524|2001";

  final LocalServer server = LocalServer.start();
  private final Map<Integer, Deque<Reply>> scripted = new HashMap<>();

  OaiFixtureServer() {
    server.on("/oai", this::answer);
  }

  /** The next request for {@code page} gets {@code reply} instead (queued in order). */
  synchronized OaiFixtureServer before(int page, Reply reply) {
    scripted.computeIfAbsent(page, p -> new ArrayDeque<>()).add(reply);
    return this;
  }

  private synchronized Reply answer(LocalServer.Request r) {
    if (!"ListRecords".equals(r.param("verb"))) {
      return Reply.status(400, Map.of());
    }
    String token = r.param("resumptionToken");
    int page;
    if (token == null) {
      if (!"arXiv".equals(r.param("metadataPrefix"))) {
        return Reply.status(400, Map.of());
      }
      page = 1;
    } else if (token.equals(TOKEN_PAGE_2)) {
      page = 2;
    } else if (token.equals(TOKEN_PAGE_3)) {
      page = 3;
    } else {
      return Reply.xml(fixture("bad-resumption-token.xml"));
    }
    Deque<Reply> q = scripted.get(page);
    if (q != null && !q.isEmpty()) {
      return q.poll();
    }
    return Reply.xml(fixture("page" + page + ".xml"));
  }

  static String fixture(String name) {
    try {
      return Files.readString(Fixtures.path("harvest/" + name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<LocalServer.Request> requests() {
    return server.requests();
  }

  java.net.URI endpoint() {
    return server.uri("/oai");
  }

  @Override
  public void close() {
    server.close();
  }
}
