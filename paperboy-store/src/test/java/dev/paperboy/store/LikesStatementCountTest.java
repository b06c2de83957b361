package dev.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserId;
import dev.paperboy.core.digest.EditionBuilder;
import dev.paperboy.core.library.ProfileLikes;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.recommend.Like;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many SQL statements the likes of a page of digest subscribers ({@link EditionBuilder#PAGE})
 * cost, counted where the stores prepare them: in bulk, three queries per chunk of {@link
 * JdbcPaperStore#IN_CHUNK} users (the reset times only for users with likes); per user, three per
 * user. Over a network each statement is at least one round trip.
 */
class LikesStatementCountTest {
  static final Instant T0 = Instant.parse("2025-06-17T09:00:00Z");

  @TempDir Path dir;
  private final AtomicInteger prepared = new AtomicInteger();
  private Database db;

  @BeforeEach
  void open() {
    db = Database.sqlite(dir.resolve("count.db"), 2, ds -> new CountingDataSource(ds, prepared));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aPageOfSubscribersCostsThreeStatementsPerChunkNotPerUser() {
    JdbcPaperStore papers = new JdbcPaperStore(db);
    JdbcUserStore users = new JdbcUserStore(db);
    JdbcLibraryStore library = new JdbcLibraryStore(db);
    JdbcVoteStore votes = new JdbcVoteStore(db);
    List<Paper> ps = new ArrayList<>();
    List<DailyEntry> es = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ArxivId id = ArxivId.parse(String.format("2506.%05d", i + 1));
      ps.add(Paper.builder(id, "Paper " + i).abstractText("About " + i).build());
      es.add(new DailyEntry(LocalDate.of(2025, 6, 16), id, EntrySource.ARXIV, null, 0, null));
    }
    papers.upsertPapers(ps);
    papers.upsertEntries(es);
    // A page as the digest benchmark's population has it: a fifth of the subscribers have an
    // account with likes, a tenth of those reset their profile between their likes.
    int page = EditionBuilder.PAGE;
    int accounts = page / 5;
    List<UserId> pickers = new ArrayList<>();
    for (int i = 0; i < page; i++) {
      if (i % 5 != 0) {
        pickers.add(UserId.random());
        continue;
      }
      User u = users.findOrCreate(EmailAddress.parse("email", "reader" + i + "@example.org"), T0);
      pickers.add(u.id());
      library.save(u.id(), ps.get(i % 5).id(), T0.plusSeconds(i));
      votes.upvote(u.id(), ps.get((i + 1) % 5).id(), T0.plusSeconds(i + 1));
      if (i % 50 == 0) {
        library.resetProfile(u.id(), T0.plusSeconds(i));
      }
    }
    ProfileLikes likes = new ProfileLikes(library, votes);

    prepared.set(0);
    Map<UserId, List<Like>> bulk = likes.likesOf(pickers, EditionBuilder.LIKES_PER_USER);
    int bulkStatements = prepared.get();

    prepared.set(0);
    for (UserId u : pickers) {
      assertThat(bulk.getOrDefault(u, List.of()))
          .isEqualTo(likes.likesOf(u, EditionBuilder.LIKES_PER_USER));
    }
    int perUserStatements = prepared.get();

    int chunks = (page + JdbcPaperStore.IN_CHUNK - 1) / JdbcPaperStore.IN_CHUNK;
    int chunksWithLikes = (accounts + JdbcPaperStore.IN_CHUNK - 1) / JdbcPaperStore.IN_CHUNK;
    System.out.printf(
        "likes of a page of %d subscribers (%d with likes): %d statements in bulk, %d per user%n",
        page, bulk.size(), bulkStatements, perUserStatements);
    assertThat(bulk).hasSize(accounts);
    assertThat(bulkStatements)
        .as("saved and upvotes per chunk of all, resets per chunk of those with likes")
        .isEqualTo(2 * chunks + chunksWithLikes);
    assertThat(perUserStatements).isEqualTo(3 * page);
  }

  /** A data source whose connections count the statements prepared on them. */
  private record CountingDataSource(DataSource inner, AtomicInteger prepared)
      implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return counting(inner.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return counting(inner.getConnection(user, password));
    }

    private Connection counting(Connection conn) {
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("prepareStatement")) {
                  prepared.incrementAndGet();
                }
                try {
                  return method.invoke(conn, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return inner.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      inner.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      inner.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return inner.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return inner.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return inner.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return inner.isWrapperFor(iface);
    }
  }
}
