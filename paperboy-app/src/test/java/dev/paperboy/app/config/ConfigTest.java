package dev.paperboy.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @TempDir Path dir;

  @Test
  void emptyDataDirectoryGivesTheEmbeddedDefaults() {
    Config c = Config.load(dir, null, Map.of(), Map.of());
    assertThat(c.store().isSqlite()).isTrue();
    assertThat(c.store().sqliteFile()).isEqualTo(dir.toAbsolutePath().resolve("paperboy.db"));
    assertThat(c.search().indexDir()).isEqualTo(dir.toAbsolutePath().resolve("index"));
    assertThat(c.server().host()).isEqualTo("127.0.0.1");
    assertThat(c.server().port()).isEqualTo(7070);
    assertThat(c.server().baseUrl()).isEqualTo("http://127.0.0.1:7070");
  }

  @Test
  void layersFileThenEnvironmentThenFlags() throws Exception {
    Files.writeString(
        dir.resolve("paperboy.properties"), "server.port=8000\nserver.host=0.0.0.0\n");
    Config fileOnly = Config.load(dir, null, Map.of(), Map.of());
    assertThat(fileOnly.server().port()).isEqualTo(8000);

    Config env = Config.load(dir, null, Map.of("PAPERBOY_PORT", "8001"), Map.of());
    assertThat(env.server().port()).isEqualTo(8001);
    assertThat(env.server().host()).isEqualTo("0.0.0.0");

    Config flags =
        Config.load(
            dir, null, Map.of("PAPERBOY_SERVER_PORT", "8001"), Map.of("server.port", "8002"));
    assertThat(flags.server().port()).isEqualTo(8002);
  }

  @Test
  void errorsNameKeyValueAndSource() {
    assertThatThrownBy(() -> Config.load(dir, null, Map.of("PAPERBOY_PORT", "abc"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "server.port: expected a number from 0 to 65535 but was 'abc' (from environment"
                + " PAPERBOY_PORT)");
    assertThatThrownBy(
            () -> Config.load(dir, dir.resolve("missing.properties"), Map.of(), Map.of()))
        .hasMessageContaining("config file not found");
  }

  @Test
  void postgresUrlsCarryCredentials() {
    StoreConfig s = StoreConfig.parse("postgres://pb:s%40cret@db.local:5433/paperboy", null, null);
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5433/paperboy");
    assertThat(s.user()).isEqualTo("pb");
    assertThat(s.password()).isEqualTo("s@cret");
    assertThat(s.toString()).doesNotContain("cret");
    assertThatThrownBy(() -> StoreConfig.parse("mysql://x/y", null, null))
        .hasMessageContaining("store.url");
    assertThatThrownBy(() -> StoreConfig.parse("postgres://user:pw@host", null, null))
        .hasMessageContaining("database name")
        .hasMessageNotContaining("pw");
  }

  @Test
  void durationsAndBooleans() {
    Settings s = Settings.of(Map.of("a", "30s", "b", "PT2H", "c", "7d", "d", "yes", "e", "maybe"));
    assertThat(s.getDuration("a", Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.getDuration("b", Duration.ZERO)).isEqualTo(Duration.ofHours(2));
    assertThat(s.getDuration("c", Duration.ZERO)).isEqualTo(Duration.ofDays(7));
    assertThat(s.getBoolean("d", false)).isTrue();
    assertThatThrownBy(() -> s.getBoolean("e", false))
        .hasMessage("e: expected true or false but was 'maybe' (from given)");
  }

  @Test
  void reportsUnknownKeys() {
    Settings s = Settings.of(Map.of("server.prot", "1", "server.port", "2"));
    assertThat(Config.unknownKeys(s)).containsExactly("server.prot");
  }

  @Test
  void remoteSourcesAreOffUntilConfigured() {
    Config c = Config.load(dir, null, Map.of(), Map.of());
    assertThat(c.live().anyOn()).isFalse();
    assertThat(c.live().contact()).isNull();
    assertThat(c.live().oaiUrl()).hasToString("https://oaipmh.arxiv.org/oai");
    assertThat(c.live().feedUrl()).hasToString("https://rss.arxiv.org/atom/");
    assertThat(c.live().arxivApiUrl()).isNull();
    assertThat(c.live().hfUrl()).isNull();
    assertThat(c.live().harvestDelay()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.live().afterAnnouncement()).isEqualTo(Duration.ofMinutes(270));
  }

  @Test
  void remoteSourcesFromFileAndEnvironment() throws Exception {
    Files.writeString(
        dir.resolve("paperboy.properties"),
        "feed.categories=cs.CL+cs.LG, stat.ML\nfeed.cross.lists=false\nharvest.sets=cs,math\n"
            + "hf.url=https://hf.example.org\narxiv.api.url=https://export.arxiv.org/api/query\n");
    Config c = Config.load(dir, null, Map.of("PAPERBOY_HTTP_CONTACT", "ops@example.org"), Map.of());
    assertThat(c.live().feeds()).containsExactly("cs.CL+cs.LG", "stat.ML");
    assertThat(c.live().crossLists()).isFalse();
    assertThat(c.live().harvestSets()).containsExactly("cs", "math");
    assertThat(c.live().hfUrl()).hasToString("https://hf.example.org");
    assertThat(c.live().contact()).isEqualTo("ops@example.org");
    assertThat(c.live().anyOn()).isTrue();
    assertThat(
            Config.unknownKeys(
                Settings.load(dir.resolve("paperboy.properties"), true, Map.of(), Map.of())))
        .isEmpty();
    assertThatThrownBy(() -> Config.load(dir, null, Map.of("PAPERBOY_HF_URL", "ftp://x"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("hf.url: expected an http:// or https:// URL but was 'ftp://x'");
  }

  @Test
  void searchEngineIsLuceneUnlessSolrIsConfiguredWithItsNodes() {
    Config embedded = Config.from(Path.of("d"), Settings.of(Map.of()));
    assertThat(embedded.search().engine()).isEqualTo(SearchConfig.Engine.LUCENE);
    assertThat(embedded.search().solrCollection()).isEqualTo("papers");
    assertThat(embedded.jobs().leaseTtl()).isEqualTo(java.time.Duration.ofMinutes(2));
    assertThat(embedded.jobs().node()).isNotBlank();

    Config solr =
        Config.from(
            Path.of("d"),
            Settings.of(
                Map.of(
                    "search.engine", "SOLR",
                    "search.solr.urls", " http://s1:8983/solr , http://s2:8983/solr",
                    "search.solr.collection", "papers_v2",
                    "node.name", "web-1",
                    "jobs.lease.ttl", "90s")));
    assertThat(solr.search().engine()).isEqualTo(SearchConfig.Engine.SOLR);
    assertThat(solr.search().solrUrls())
        .containsExactly("http://s1:8983/solr", "http://s2:8983/solr");
    assertThat(solr.search().solrCollection()).isEqualTo("papers_v2");
    assertThat(solr.jobs()).isEqualTo(new JobsConfig("web-1", java.time.Duration.ofSeconds(90)));
    assertThat(Config.unknownKeys(Settings.of(Map.of("search.solr.urls", "x", "node.name", "a"))))
        .isEmpty();

    assertThatThrownBy(
            () -> Config.from(Path.of("d"), Settings.of(Map.of("search.engine", "solr"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("search.solr.urls:");
    assertThatThrownBy(
            () -> Config.from(Path.of("d"), Settings.of(Map.of("search.engine", "elastic"))))
        .hasMessageContaining("search.engine: expected lucene or solr but was 'elastic'");
    assertThatThrownBy(
            () ->
                Config.from(
                    Path.of("d"),
                    Settings.of(Map.of("search.engine", "solr", "search.solr.urls", "s1:8983"))))
        .hasMessageContaining("search.solr.urls: expected comma-separated http(s)://");
    assertThatThrownBy(() -> Config.from(Path.of("d"), Settings.of(Map.of("jobs.lease.ttl", "1s"))))
        .hasMessageContaining("jobs.lease.ttl: expected a duration of at least 5s");
  }
}
