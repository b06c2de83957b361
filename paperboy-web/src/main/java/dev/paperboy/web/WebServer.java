package dev.paperboy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.core.embed.Coverage;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.search.SearchIndex;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Paperboy web server: pages, JSON API, feeds, {@code /health} and {@code /metrics}.
 *
 * <pre>{@code
 * try (WebServer.Running web = new WebServer(config, store, index, Clock.systemUTC(), registry).start()) {
 *   web.awaitStop();
 * }
 * }</pre>
 *
 * <p>It reads through the core's ports only; the caller owns the store and the index and closes
 * them after the server.
 */
public final class WebServer {
  private static final Logger ACCESS = LoggerFactory.getLogger("dev.paperboy.web.access");
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  private final WebConfig config;
  private final PaperStore store;
  private final SearchIndex index;
  private final Clock clock;
  private final PrometheusMeterRegistry registry;
  private Supplier<@Nullable Coverage> coverage = () -> null;
  private final @Nullable Community community;
  private @Nullable Digests digests;
  private @Nullable Library library;

  /**
   * A server with the community features (sign-in, votes, submissions, comments, moderation) when
   * {@code community} is given, else a read-only site.
   */
  public WebServer(
      WebConfig config,
      PaperStore store,
      SearchIndex index,
      Clock clock,
      PrometheusMeterRegistry registry,
      @Nullable Community community) {
    this.config = config;
    this.store = store;
    this.index = index;
    this.clock = clock;
    this.registry = registry;
    this.community = community;
  }

  /** A read-only site (no community features). */
  public WebServer(
      WebConfig config,
      PaperStore store,
      SearchIndex index,
      Clock clock,
      PrometheusMeterRegistry registry) {
    this(config, store, index, clock, registry, null);
  }

  /** A server with its own metrics registry. */
  public WebServer(WebConfig config, PaperStore store, SearchIndex index, Clock clock) {
    this(config, store, index, clock, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /**
   * Tells the server how far the embedding backfill has got, for {@code /health}, {@code /metrics}
   * and the search page. Without it the server reports no semantic coverage.
   */
  public WebServer semanticCoverage(Supplier<@Nullable Coverage> coverage) {
    this.coverage = coverage;
    return this;
  }

  /**
   * Turns on the email digest pages (subscribe, confirm, preferences, unsubscribe) and the home
   * page's subscribe form. They need the community features (CSRF, rate limits, the mailer).
   *
   * @throws IllegalStateException when the server has no community features
   */
  public WebServer digests(Digests d) {
    if (community == null) {
      throw new IllegalStateException("email digests need the community features");
    }
    this.digests = d;
    return this;
  }

  /**
   * Turns on readers' libraries (saved papers, collections, follows, For you); needs the community
   * features.
   */
  public WebServer library(@Nullable Library library) {
    this.library = library;
    return this;
  }

  /** Starts listening; returns once the port is bound. */
  public Running start() {
    ObjectMapper mapper = new ObjectMapper();
    Templates templates = new Templates();
    Catalog catalog = new Catalog(store, index, clock, coverage);
    if (community != null) {
      catalog.withCommentCounts(ids -> community.comments().countsOf(ids));
      catalog.withHiddenPapers(ids -> community.moderation().hiddenAmong(ids));
    }
    AtomicReference<String> base = new AtomicReference<>(baseUrl(config.port()));
    boolean https = config.publicUrl() != null && "https".equals(config.publicUrl().getScheme());
    WebSecurity security = new WebSecurity(community, https);
    ErrorHandling errors = new ErrorHandling(templates, mapper, security);
    Engagement engagement =
        new Engagement(community, security).withLibrary(community == null ? null : library);
    PageRoutes pages = new PageRoutes(config, catalog, templates, security, engagement);
    pages.subscribeForm(digests != null);
    DigestRoutes digestRoutes =
        digests == null || community == null
            ? null
            : new DigestRoutes(community, digests, security, templates);
    ApiRoutes api = new ApiRoutes(config, catalog, mapper);
    FeedRoutes feeds = new FeedRoutes(config, catalog, base::get);
    OpsRoutes ops = new OpsRoutes(catalog, index, registry, mapper);
    AccountRoutes accounts =
        community == null
            ? null
            : new AccountRoutes(
                community,
                security,
                templates,
                mapper,
                base::get,
                new AccountActivity(community, store));
    CommunityApiRoutes communityApi =
        community == null
            ? null
            : new CommunityApiRoutes(community, security, mapper, store, index);
    CommunityPages communityPages =
        community == null
            ? null
            : new CommunityPages(
                community,
                security,
                new Votes(community, security, store),
                new Submissions(community, security, store, index),
                templates,
                new Comments(community, security, store));
    LibraryActions libraryActions =
        community == null || library == null
            ? null
            : new LibraryActions(library, community, security, store, index, config.searchModes());
    if (libraryActions != null && accounts != null) {
      accounts.exportAlso((user, out) -> libraryActions.export(user.id(), out));
    }
    registerGauges();

    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.http.generateEtags = true;
              cfg.http.prefer405over404 = true;
              cfg.http.defaultContentType = "text/plain; charset=utf-8";
              cfg.router.ignoreTrailingSlashes = true;
              cfg.jetty.modifyServer(
                  server -> {
                    // Stop accepting, let requests in flight finish (up to the grace), then stop.
                    server.setStopTimeout(config.shutdownGrace().toMillis());
                    server.setHandler(new GracefulHandler());
                    // Requests Jetty rejects before routing get the site's error answers.
                    server.setErrorHandler(new EarlyErrors(errors));
                  });
              cfg.staticFiles.add(
                  sf -> {
                    sf.hostedPath = StaticAssets.PATH;
                    sf.directory = StaticAssets.DIRECTORY;
                    sf.location = Location.CLASSPATH;
                    // None here (Javalin's default is max-age=0, set after the before handlers):
                    // StaticAssets sets a year for the current version, else a short time.
                    sf.headers = Map.of();
                  });
              cfg.staticFiles.add(
                  sf -> {
                    sf.hostedPath = KatexAssets.PATH;
                    sf.directory = KatexAssets.DIRECTORY;
                    sf.location = Location.CLASSPATH;
                    // A year, immutable: the path changes whenever the files do.
                    sf.headers = Map.of("Cache-Control", StaticAssets.IMMUTABLE);
                  });
              cfg.router.javaLangErrorHandler(
                  (res, error) -> {
                    // An Error skips the exception mappers (ErrorHandling): without a body here
                    // the reader gets a blank page. No request is at hand to choose HTML or JSON,
                    // so it is plain text, with an incident id and no details, as ErrorHandling
                    // answers an unexpected exception.
                    String incident = java.util.UUID.randomUUID().toString().substring(0, 8);
                    LOG.error(
                        "incident {}: fatal error while answering a request", incident, error);
                    res.setStatus(500);
                    try {
                      if (!res.isCommitted()) {
                        res.resetBuffer();
                        res.setContentType("text/plain; charset=utf-8");
                        res.setHeader("Cache-Control", "no-store");
                        res.getOutputStream()
                            .write(
                                ("500 Something went wrong: the server could not answer this"
                                        + " request (incident "
                                        + incident
                                        + ", in the server log).\n")
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                      }
                    } catch (java.io.IOException | IllegalStateException e) {
                      LOG.debug("cannot write the 500 response of incident {}", incident, e);
                    }
                  });
              cfg.requestLogger.http(this::logAndMeasure);
              cfg.routes.before(WebServer::securityHeaders);
              cfg.routes.after(WebServer::cacheHeaders);
              StaticAssets.register(cfg.routes);
              KeepAlive.register(cfg.routes);
              errors.register(cfg.routes);
              security.register(cfg.routes);
              pages.register(cfg.routes);
              if (digestRoutes != null) {
                digestRoutes.register(cfg.routes);
              }
              if (accounts != null) {
                accounts.register(cfg.routes);
                communityPages.register(cfg.routes);
                new ModerationRoutes(community, security, templates, store).register(cfg.routes);
                // Before the read API: its /api/papers/<arxivId> would match longer paths.
                communityApi.register(cfg.routes);
                if (libraryActions != null) {
                  new LibraryPages(
                          libraryActions,
                          community,
                          security,
                          templates,
                          engagement,
                          feeds,
                          base::get)
                      .register(cfg.routes);
                  new LibraryApiRoutes(libraryActions, mapper).register(cfg.routes);
                }
              }
              api.register(cfg.routes);
              feeds.register(cfg.routes);
              ops.register(cfg.routes);
              answerHeadLikeGet(cfg);
            });
    app.start(config.host(), config.port());
    base.set(baseUrl(app.port()));
    LOG.info("Paperboy is serving {} (listening on {}:{})", base.get(), config.host(), app.port());
    return new Running(app, URI.create(base.get()), housekeeping());
  }

  /**
   * Gives every GET route a HEAD route with the same handler. Without one, Javalin answers HEAD for
   * any path with a GET route by 200 and nothing else, without running the route
   * (DefaultTasks.HTTP): a missing paper, a bad date and an unhealthy {@code /health} all looked
   * fine to link checkers and uptime monitors. RFC 9110 section 9.3.2: HEAD answers the status and
   * header fields GET would, without content; Jetty sends no content for HEAD.
   */
  private static void answerHeadLikeGet(io.javalin.config.JavalinConfig cfg) {
    java.util.Set<String> heads = new java.util.HashSet<>();
    java.util.List<io.javalin.router.Endpoint> gets = new java.util.ArrayList<>();
    for (io.javalin.router.ParsedEndpoint p : cfg.unsafe.internalRouter.allHttpHandlers()) {
      if (p.endpoint.method == io.javalin.http.HandlerType.HEAD) {
        heads.add(p.endpoint.path);
      } else if (p.endpoint.method == io.javalin.http.HandlerType.GET) {
        gets.add(p.endpoint);
      }
    }
    for (io.javalin.router.Endpoint get : gets) {
      if (heads.add(get.path)) {
        cfg.routes.addEndpoint(
            new io.javalin.router.Endpoint(
                io.javalin.http.HandlerType.HEAD, get.path, get.handler));
      }
    }
  }

  /**
   * Deletes expired sessions and rate counters every ten minutes. Every node may run it: the
   * deletes are idempotent.
   */
  private java.util.concurrent.@Nullable ScheduledExecutorService housekeeping() {
    if (community == null) {
      return null;
    }
    var timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "paperboy-housekeeping");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            int n = community.purgeExpired();
            if (n > 0) {
              LOG.debug("deleted {} expired sessions and rate counters", n);
            }
          } catch (RuntimeException e) {
            LOG.warn("cannot delete expired sessions and rate counters: {}", e.getMessage());
          }
        },
        1,
        10,
        TimeUnit.MINUTES);
    return timer;
  }

  private String baseUrl(int port) {
    if (config.publicUrl() != null) {
      return config.publicUrl().toString().replaceAll("/+$", "");
    }
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    if (host.equals("0.0.0.0") || host.equals("[::]")) {
      host = "localhost";
    }
    return "http://" + host + ":" + port;
  }

  private void registerGauges() {
    Gauge.builder("paperboy.papers", store, s -> safely(() -> s.stats().papers()))
        .description("Papers in the store")
        .register(registry);
    Gauge.builder("paperboy.index.documents", index, i -> safely(i::size))
        .description("Documents in the search index")
        .register(registry);
    Gauge.builder(
            "paperboy.semantic.coverage",
            this,
            w -> {
              Coverage c = w.coverage.get();
              return c == null ? Double.NaN : c.fraction();
            })
        .description("Share of papers with a vector of the current embedding model (0..1)")
        .baseUnit("ratio")
        .register(registry);
  }

  private static double safely(java.util.function.LongSupplier f) {
    try {
      return f.getAsLong();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  /** One access-log line and one timer sample per request, tagged by route (not by raw path). */
  private void logAndMeasure(Context ctx, Float millis) {
    String route = route(ctx);
    int status = ctx.statusCode();
    Timer.builder("http.server.requests")
        .description("HTTP requests by route")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .register(registry)
        .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    if (ACCESS.isInfoEnabled()) {
      String query = ctx.queryString();
      ACCESS.info(
          "{} \"{} {}{}\" {} {} ms",
          ctx.ip(),
          ctx.method().name(),
          ctx.path(),
          query == null ? "" : "?" + query,
          status,
          String.format(java.util.Locale.ROOT, "%.1f", millis));
    }
  }

  private static String route(Context ctx) {
    try {
      var endpoint = ctx.endpoints().lastHttpEndpoint();
      if (endpoint != null) {
        return endpoint.path;
      }
    } catch (RuntimeException e) {
      // no endpoint matched
    }
    return ctx.path().startsWith("/static/") ? "/static/*" : "unmatched";
  }

  /**
   * The Content-Security-Policy of every response: scripts, styles, fonts and everything else only
   * from this origin, so an injected {@code <script>} or inline handler would not run even if
   * escaping failed somewhere. No {@code 'unsafe-inline'}: the pages have no inline scripts, styles
   * or handlers; KaTeX sets its inline sizes through the CSSOM, which CSP allows. Images may also
   * be {@code data:} URLs (KaTeX's CSS has none today; SVG icons might). No page may be framed
   * (clickjacking on the vote and sign-out buttons).
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self';"
          + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'";

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
  }

  private static void cacheHeaders(Context ctx) {
    if (ctx.res().getHeader("Cache-Control") != null) {
      return;
    }
    String path = ctx.path();
    if (ctx.statusCode() >= 400) {
      ctx.header("Cache-Control", "no-store");
    } else if (path.startsWith("/api/")
        || path.startsWith("/feeds/")
        || path.startsWith("/.well-known/")) {
      // Lists change at most a few times a day; five minutes keeps readers and caches fresh.
      ctx.header("Cache-Control", "public, max-age=300");
    } else if (!path.startsWith("/static/")) {
      // Pages revalidate with the ETag each time (cheap 304s) and show new votes at once.
      ctx.header("Cache-Control", "no-cache");
    }
  }

  /** A started server. Closing it stops it gracefully. */
  public static final class Running implements AutoCloseable {
    private final Javalin app;
    private final URI uri;
    private final java.util.concurrent.@Nullable ScheduledExecutorService housekeeping;

    private Running(
        Javalin app,
        URI uri,
        java.util.concurrent.@Nullable ScheduledExecutorService housekeeping) {
      this.app = app;
      this.uri = uri;
      this.housekeeping = housekeeping;
    }

    /** The port it listens on (the real one when the config said 0). */
    public int port() {
      return app.port();
    }

    /** The base URL of the site, without a trailing slash. */
    public URI uri() {
      return uri;
    }

    /** Stops accepting connections, waits for requests in flight (up to the grace), stops. */
    @Override
    public void close() {
      if (housekeeping != null) {
        housekeeping.shutdownNow();
      }
      app.stop();
    }
  }
}
