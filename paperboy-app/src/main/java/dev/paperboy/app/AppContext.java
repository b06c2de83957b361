package dev.paperboy.app;

import dev.paperboy.app.config.Config;
import dev.paperboy.core.account.UserStore;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.mail.Mailer;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.security.Role;
import dev.paperboy.mail.Mailers;
import dev.paperboy.search.LuceneSearchIndex;
import dev.paperboy.store.Database;
import dev.paperboy.store.DatabaseConfig;
import dev.paperboy.store.JdbcApiTokenStore;
import dev.paperboy.store.JdbcPaperStore;
import dev.paperboy.store.JdbcRateCounterStore;
import dev.paperboy.store.JdbcSecretStore;
import dev.paperboy.store.JdbcSessionStore;
import dev.paperboy.store.JdbcSignInStore;
import dev.paperboy.store.JdbcUserStore;
import dev.paperboy.web.Community;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * The wiring: opens the concrete adapters the configuration names, on first use, and closes them in
 * reverse order. The only place that knows concrete classes; constructors do the rest.
 */
public final class AppContext implements AutoCloseable {
  private final Config config;
  private final Clock clock;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private @Nullable Database database;
  private @Nullable PaperStore store;
  private @Nullable SearchIndex index;
  private @Nullable Community community;
  private @Nullable Mailer mailer;

  private AppContext(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public static AppContext open(Config config) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
    }
    return new AppContext(config, Clock.systemUTC());
  }

  public Config config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public synchronized Database database() {
    if (database == null) {
      database =
          track(
              Database.open(
                  new DatabaseConfig(
                      config.store().jdbcUrl(), config.store().user(), config.store().password())));
    }
    return database;
  }

  public synchronized PaperStore store() {
    if (store == null) {
      store = track(new JdbcPaperStore(database()));
    }
    return store;
  }

  public synchronized SearchIndex index() {
    if (index == null) {
      index = track(LuceneSearchIndex.open(config.search().indexDir()));
    }
    return index;
  }

  /**
   * The community features on the store (accounts, sessions, rate limits, ...), or null when {@code
   * community.enabled} is false. Makes {@code community.admin.email} an admin.
   */
  public synchronized @Nullable Community community() {
    if (community == null && config.community().enabled()) {
      Database db = database();
      JdbcUserStore users = new JdbcUserStore(db);
      community =
          Community.builder(config.community().web(), clock)
              .users(users)
              .sessions(new JdbcSessionStore(db))
              .secrets(new JdbcSecretStore(db, clock))
              .rateCounters(new JdbcRateCounterStore(db))
              .signIns(new JdbcSignInStore(db))
              .apiTokens(new JdbcApiTokenStore(db))
              .mailer(mailer())
              .build();
      EmailAddress admin = config.community().firstAdmin();
      if (admin != null) {
        users.setRole(users.findOrCreate(admin, clock.instant()).id(), Role.ADMIN);
      }
    }
    return community;
  }

  /**
   * The mailer of {@code mail.*}: SMTP when {@code mail.smtp.host} is set, else {@code .eml} files
   * in {@code DATA/mail/outbox} (the mailer logs where).
   */
  public synchronized Mailer mailer() {
    if (mailer == null) {
      mailer =
          track(
              Mailers.create(
                  config.mail().smtp(), config.mail().directory().resolve("outbox"), clock));
    }
    return mailer;
  }

  /** The accounts of the store (for the CLI). */
  public UserStore users() {
    return new JdbcUserStore(database());
  }

  private <T extends AutoCloseable> T track(T resource) {
    opened.push(resource);
    return resource;
  }

  @Override
  public synchronized void close() {
    RuntimeException first = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e instanceof RuntimeException r ? r : new RuntimeException(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
