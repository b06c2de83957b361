package dev.paperboy.app.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The whole configuration, read once at start-up and passed to constructors. Every key has a
 * default, so an empty data directory starts the embedded setup with no configuration at all.
 *
 * <p>Keys (see README "Configuration"): {@code store.url}, {@code store.user}, {@code
 * store.password}, {@code search.index.dir}, {@code server.host}, {@code server.port}, {@code
 * server.base.url}, and those of {@link SearchConfig}, {@link LiveConfig}, {@link MailConfig} and
 * {@link CommunityConfig} and {@link DigestConfig}.
 */
public record Config(
    Path dataDir,
    StoreConfig store,
    SearchConfig search,
    ServerConfig server,
    LiveConfig live,
    MailConfig mail,
    CommunityConfig community,
    DigestConfig digest,
    JobsConfig jobs) {

  /** Keys this version understands; others are reported as probable typos. */
  public static final Set<String> KEYS =
      Stream.of(
              Set.of(
                  "store.url",
                  "store.user",
                  "store.password",
                  "server.host",
                  "server.port",
                  "server.base.url"),
              Set.copyOf(SearchConfig.KEYS),
              Set.copyOf(LiveConfig.KEYS),
              MailConfig.KEYS,
              CommunityConfig.KEYS,
              DigestConfig.KEYS,
              Set.copyOf(JobsConfig.KEYS))
          .flatMap(Set::stream)
          .collect(Collectors.toUnmodifiableSet());

  /** The data directory when neither {@code --data} nor {@code PAPERBOY_DATA} is given. */
  public static final Path DEFAULT_DATA_DIR = Path.of("paperboy-data");

  public static final String CONFIG_FILE = "paperboy.properties";

  /**
   * Reads the configuration for a data directory: {@code DATA/paperboy.properties} (or {@code
   * configFile}), the environment, then flags.
   */
  public static Config load(
      Path dataDir, @Nullable Path configFile, Map<String, String> env, Map<String, String> flags) {
    Path file = configFile != null ? configFile : dataDir.resolve(CONFIG_FILE);
    Settings s = Settings.load(file, configFile != null, env, flags);
    return from(dataDir, s);
  }

  public static Config from(Path dataDir, Settings s) {
    Path data = dataDir.toAbsolutePath().normalize();
    StoreConfig store =
        s.find("store.url")
            .map(
                url ->
                    StoreConfig.parse(
                        url,
                        s.find("store.user").orElse(null),
                        s.find("store.password").orElse(null)))
            .orElseGet(() -> StoreConfig.sqlite(data.resolve("paperboy.db")));
    SearchConfig search = SearchConfig.from(data, s);
    String host = s.get("server.host", "127.0.0.1");
    int port = s.getInt("server.port", 7070, 0, 65535);
    String baseUrl =
        s.get(
            "server.base.url",
            "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw s.wrong("server.base.url", "an http:// or https:// URL");
    }
    MailConfig mail = MailConfig.from(s, data, baseUrl);
    return new Config(
        data,
        store,
        search,
        new ServerConfig(host, port, stripSlash(baseUrl)),
        LiveConfig.from(s),
        mail,
        CommunityConfig.from(s, mail.from()),
        DigestConfig.from(s),
        JobsConfig.from(s));
  }

  /** Keys that were set but that this version does not know. */
  public static Set<String> unknownKeys(Settings s) {
    Set<String> unknown = new TreeSet<>(s.keys());
    unknown.removeAll(KEYS);
    return unknown;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
