package dev.paperboy.web;

import dev.paperboy.core.search.SearchMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

/** The fixture site with the community features on SQLite, on a free port. */
final class CommunityServer implements AutoCloseable {
  final CommunityFixture fx;
  final CommunityFixture.MovableClock clock;
  final WebServer.Running server;
  final dev.paperboy.store.JdbcPaperStore store;
  final dev.paperboy.store.JdbcLibraryStore library;
  final FakeSearchIndex index;

  CommunityServer(Path dir) {
    this(dir, CommunityConfig.defaults());
  }

  CommunityServer(Path dir, CommunityConfig config) {
    this(dir, config, null, null);
  }

  CommunityServer(
      Path dir,
      CommunityConfig config,
      dev.paperboy.core.mail.@org.jspecify.annotations.Nullable Mailer mailer,
      dev.paperboy.core.community.@org.jspecify.annotations.Nullable PaperLookup lookup) {
    this(dir, config, mailer, lookup, java.util.EnumSet.of(SearchMode.BM25));
  }

  /** A site whose search offers {@code modes} (enable them in {@link #index} too). */
  CommunityServer(Path dir, java.util.Set<SearchMode> modes) {
    this(dir, CommunityConfig.defaults(), null, null, modes);
  }

  CommunityServer(
      Path dir,
      CommunityConfig config,
      dev.paperboy.core.mail.@org.jspecify.annotations.Nullable Mailer mailer,
      dev.paperboy.core.community.@org.jspecify.annotations.Nullable PaperLookup lookup,
      java.util.Set<SearchMode> modes) {
    clock = CommunityFixture.clockAt(Instant.parse("2025-06-25T15:00:00Z"));
    fx = new CommunityFixture(dir, clock, config, mailer, lookup);
    // The papers live in the same SQLite database as accounts and votes, as in a real install.
    store = new dev.paperboy.store.JdbcPaperStore(fx.db);
    store.upsertPapers(Fixture.papers());
    store.upsertEntries(Fixture.entries());
    index = new FakeSearchIndex();
    index.index(store.papersAfter(null, 1000));
    library = new dev.paperboy.store.JdbcLibraryStore(fx.db);
    Library lib = LibraryFixture.library(fx, store, library, clock);
    server =
        new WebServer(
                WebConfig.defaults().withHost("127.0.0.1").withPort(0).withSearchModes(modes),
                store,
                index,
                clock,
                new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                    io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT),
                fx.community)
            .library(lib)
            .start();
  }

  URI uri() {
    return server.uri();
  }

  TestBrowser browser() {
    return new TestBrowser(server.uri());
  }

  /** A browser signed in as {@code email} through the mailed link. */
  TestBrowser signedIn(String email) {
    TestBrowser b = browser();
    var sent = b.submit("/signin", "/signin", java.util.Map.of("email", email));
    if (sent.statusCode() != 200) {
      throw new AssertionError(
          "sign-in request answered " + sent.statusCode() + ": " + sent.body());
    }
    var done = b.followSignInLink(fx.mail.lastLinkTo(email));
    if (done.statusCode() != 303) {
      throw new AssertionError("sign-in answered " + done.statusCode() + ": " + done.body());
    }
    return b;
  }

  @Override
  public void close() {
    server.close();
    fx.close();
  }
}
