package dev.paperboy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.paper.StoreStats;
import dev.paperboy.core.search.SearchIndex;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /health}, {@code /metrics} and the OpenAPI document. */
final class OpsRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);
  static final String OPENAPI_RESOURCE = "/dev/paperboy/web/openapi.json";

  private final Catalog catalog;
  private final PaperStore store;
  private final SearchIndex index;
  private final PrometheusMeterRegistry registry;
  private final ObjectMapper mapper;
  private final byte[] openApi;

  OpsRoutes(
      Catalog catalog, SearchIndex index, PrometheusMeterRegistry registry, ObjectMapper mapper) {
    this.catalog = catalog;
    this.store = catalog.store();
    this.index = index;
    this.registry = registry;
    this.mapper = mapper;
    this.openApi = openApiDocument();
  }

  void register(RoutesConfig routes) {
    routes.get("/health", this::health);
    routes.get("/metrics", this::metrics);
    routes.get(
        "/.well-known/openapi.json",
        ctx -> ctx.contentType("application/json; charset=utf-8").result(openApi));
    routes.get("/favicon.ico", ctx -> ctx.redirect(StaticAssets.url("favicon.svg")));
    routes.get(
        "/robots.txt",
        ctx ->
            ctx.contentType("text/plain; charset=utf-8")
                .result("User-agent: *\nDisallow: /api/\nDisallow: /search\n"));
  }

  /** 200 when the store and the index answer, 503 (with what failed) when one does not. */
  private void health(Context ctx) throws Exception {
    ObjectNode body = mapper.createObjectNode();
    boolean ok = true;
    ObjectNode s = body.putObject("store");
    try {
      StoreStats stats = store.stats();
      s.put("status", "ok");
      s.put("papers", stats.papers());
      s.put("entries", stats.entries());
      s.put("days", stats.days());
      s.put("latestDay", stats.lastDay() == null ? null : stats.lastDay().toString());
    } catch (RuntimeException e) {
      LOG.warn("health: the store does not answer", e);
      ok = false;
      s.put("status", "unavailable");
      s.put("error", e.getClass().getSimpleName());
    }
    ObjectNode i = body.putObject("index");
    try {
      long size = index.size();
      i.put("status", "ok");
      i.put("documents", size);
    } catch (RuntimeException e) {
      LOG.warn("health: the search index does not answer", e);
      ok = false;
      i.put("status", "unavailable");
      i.put("error", e.getClass().getSimpleName());
    }
    catalog
        .semanticCoverage()
        .ifPresent(
            c -> {
              // Semantic search works while the backfill runs; papers without a vector yet rank
              // by keywords only. Coverage says how far it has got.
              ObjectNode sem = body.putObject("semantic");
              sem.put("papers", c.papers());
              sem.put("withVector", c.withVector());
              sem.put("coverage", Math.round(c.fraction() * 10_000) / 10_000.0);
            });
    body.put("status", ok ? "ok" : "unavailable");
    ctx.status(ok ? 200 : 503);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(mapper.writeValueAsString(body));
  }

  private void metrics(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    // Prometheus text exposition format 0.0.4.
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
    ctx.result(registry.scrape());
  }

  private static byte[] openApiDocument() {
    try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
