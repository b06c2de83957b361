package dev.paperboy.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.account.ApiToken;
import dev.paperboy.core.account.ApiTokenStore;
import dev.paperboy.core.account.Session;
import dev.paperboy.core.account.SessionStore;
import dev.paperboy.core.account.Sessions;
import dev.paperboy.core.account.SignInLinks;
import dev.paperboy.core.account.SignInStore;
import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserId;
import dev.paperboy.core.account.UserStore;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.security.RateCounterStore;
import dev.paperboy.core.security.Role;
import dev.paperboy.core.security.SecretStore;
import dev.paperboy.core.security.Secrets;
import dev.paperboy.core.security.SignedTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What the stores of the security foundation must do: users, sessions, the signing key and rate
 * counters. Implementations extend it and return stores on one new, empty database.
 */
public abstract class SecurityStoreContract {
  protected static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  protected abstract UserStore users();

  protected abstract SessionStore sessions();

  protected abstract SecretStore secrets();

  protected abstract RateCounterStore counters();

  protected abstract SignInStore signIns();

  protected abstract ApiTokenStore apiTokens();

  static EmailAddress email(String s) {
    return EmailAddress.parse("email", s);
  }

  @Test
  void findOrCreateGivesOneAccountPerAddressIgnoringCase() {
    User a = users().findOrCreate(email("Ada@Example.org"), T0);
    assertThat(a.role()).isEqualTo(Role.USER);
    assertThat(a.displayName()).startsWith("reader-").doesNotContain("Ada");
    assertThat(a.createdAt()).isEqualTo(T0);
    User again = users().findOrCreate(email("ada@example.org"), T0.plusSeconds(5));
    assertThat(again).isEqualTo(a);
    assertThat(users().findByEmail(email("ADA@example.org"))).contains(a);
    assertThat(users().find(a.id())).contains(a);
    assertThat(users().find(UserId.random())).isEmpty();
    assertThat(users().findByEmail(email("bob@example.org"))).isEmpty();
  }

  @Test
  void concurrentFirstSignInsMakeOneAccount() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<User>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> users().findOrCreate(email("race@example.org"), T0)));
      }
      Set<UserId> ids = new HashSet<>();
      for (Future<User> f : futures) {
        ids.add(f.get().id());
      }
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void roleDisplayNameAndSuspensionAreStored() {
    User a = users().findOrCreate(email("ada@example.org"), T0);
    assertThat(users().setRole(a.id(), Role.ADMIN).role()).isEqualTo(Role.ADMIN);
    assertThat(users().setDisplayName(a.id(), "  Ada L. ").displayName()).isEqualTo("Ada L.");
    assertThat(users().setSuspended(a.id(), T0).suspendedAt()).isEqualTo(T0);
    User now = users().find(a.id()).orElseThrow();
    assertThat(now.role()).isEqualTo(Role.ADMIN);
    assertThat(now.displayName()).isEqualTo("Ada L.");
    assertThat(now.suspended()).isTrue();
    assertThat(users().setSuspended(a.id(), null).suspended()).isFalse();
    assertThatThrownBy(() -> users().setDisplayName(a.id(), "\u0007"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> users().setRole(UserId.random(), Role.ADMIN))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void sessionsAreStoredByHashExtendedAndDeleted() {
    User a = users().findOrCreate(email("ada@example.org"), T0);
    String hash = Secrets.hash("cookie-value");
    Session s = new Session(hash, a.id(), T0, T0.plus(Duration.ofDays(30)));
    sessions().create(s);
    assertThat(sessions().find(hash)).contains(s);
    sessions().extend(hash, T0.plus(Duration.ofDays(31)));
    assertThat(sessions().find(hash).orElseThrow().expiresAt())
        .isEqualTo(T0.plus(Duration.ofDays(31)));
    sessions().delete(hash);
    assertThat(sessions().find(hash)).isEmpty();

    sessions().create(new Session(Secrets.hash("1"), a.id(), T0, T0.plusSeconds(60)));
    sessions().create(new Session(Secrets.hash("2"), a.id(), T0, T0.plusSeconds(600)));
    assertThat(sessions().purgeExpired(T0.plusSeconds(120))).isEqualTo(1);
    assertThat(sessions().deleteAllOf(a.id())).isEqualTo(1);
    assertThat(sessions().find(Secrets.hash("2"))).isEmpty();
  }

  @Test
  void sessionRulesOnTheStore() {
    MovingClock clock = new MovingClock(T0);
    Sessions rules = new Sessions(sessions(), users(), clock, Duration.ofDays(30));
    User a = users().findOrCreate(email("ada@example.org"), T0);
    Sessions.Opened opened = rules.open(a.id());
    assertThat(opened.session().idHash()).isEqualTo(Secrets.hash(opened.cookieValue()));
    assertThat(sessions().find(Secrets.hash(opened.cookieValue()))).isPresent();
    assertThat(rules.resolve(opened.cookieValue()).orElseThrow().user()).isEqualTo(a);
    assertThat(rules.resolve("forged")).isEmpty();
    assertThat(rules.resolve(opened.cookieValue() + "x")).isEmpty();

    // Used again after the renewal interval: the expiry slides.
    clock.now = T0.plus(Duration.ofHours(2));
    Session renewed = rules.resolve(opened.cookieValue()).orElseThrow().session();
    assertThat(renewed.expiresAt()).isEqualTo(clock.now.plus(Duration.ofDays(30)));
    // Within the interval: no write.
    clock.now = clock.now.plus(Duration.ofMinutes(10));
    assertThat(rules.resolve(opened.cookieValue()).orElseThrow().session().expiresAt())
        .isEqualTo(renewed.expiresAt());
    // Idle past the ttl: gone.
    clock.now = renewed.expiresAt();
    assertThat(rules.resolve(opened.cookieValue())).isEmpty();
    assertThat(sessions().find(opened.session().idHash())).isEmpty();

    // A suspended user's session is refused.
    Sessions.Opened second = rules.open(a.id());
    users().setSuspended(a.id(), clock.now);
    assertThat(rules.resolve(second.cookieValue())).isEmpty();
    // Sign-out deletes.
    users().setSuspended(a.id(), null);
    Sessions.Opened third = rules.open(a.id());
    rules.close(third.cookieValue());
    assertThat(rules.resolve(third.cookieValue())).isEmpty();
  }

  @Test
  void theFirstSecretWins() {
    byte[] first = Secrets.randomBytes(32);
    byte[] second = Secrets.randomBytes(32);
    assertThat(secrets().getOrCreate("k", first)).isEqualTo(first);
    assertThat(secrets().getOrCreate("k", second)).isEqualTo(first);
    assertThat(secrets().getOrCreate("other", second)).isEqualTo(second);
  }

  @Test
  void countersCountExactlyUnderConcurrency() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        futures.add(pool.submit(() -> counters().increment("k", T0, T0.plusSeconds(60))));
      }
      List<Long> values = new ArrayList<>();
      for (Future<Long> f : futures) {
        values.add(f.get());
      }
      Collections.sort(values);
      for (int i = 0; i < values.size(); i++) {
        assertThat(values.get(i)).isEqualTo(i + 1L);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(counters().increment("k", T0.plusSeconds(60), T0.plusSeconds(120))).isEqualTo(1);
    assertThat(counters().increment("other", T0, T0.plusSeconds(60))).isEqualTo(1);
    assertThat(counters().purgeExpired(T0.plusSeconds(61))).isEqualTo(2);
    assertThat(counters().increment("k", T0, T0.plusSeconds(60))).isEqualTo(1);
  }

  @Test
  void aSignInNonceIsConsumedOnceBeforeItExpires() throws Exception {
    signIns().record("n1", T0.plusSeconds(900));
    signIns().record("n2", T0.plusSeconds(900));
    assertThat(signIns().consume("n1", T0.plusSeconds(10))).isTrue();
    assertThat(signIns().consume("n1", T0.plusSeconds(11))).isFalse();
    assertThat(signIns().consume("unknown", T0)).isFalse();
    assertThat(signIns().consume("n2", T0.plusSeconds(900))).isFalse();
    signIns().record("race", T0.plusSeconds(900));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> signIns().consume("race", T0)));
      }
      int winners = 0;
      for (Future<Boolean> f : futures) {
        winners += f.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(signIns().purgeExpired(T0.plusSeconds(901))).isEqualTo(3);
  }

  @Test
  void signInLinksFailWhenForgedExpiredOrReused() throws Exception {
    MovingClock clock = new MovingClock(T0);
    SignedTokens tokens = SignedTokens.fromStore(secrets(), clock);
    SignInLinks links = new SignInLinks(tokens, signIns(), clock, Duration.ofMinutes(15));
    String token = links.issue(email("ada@example.org"));
    assertThat(links.peek(token).value()).isEqualTo("ada@example.org");
    assertThat(links.consume(token).value()).isEqualTo("ada@example.org");
    assertThatThrownBy(() -> links.consume(token)).hasMessageContaining("already used");

    String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
    assertThatThrownBy(() -> links.peek(forged)).hasMessageContaining("not a valid sign-in link");
    String other = links.issue(email("bob@example.org"));
    String swapped = token.substring(0, token.indexOf('.')) + other.substring(other.indexOf('.'));
    assertThatThrownBy(() -> links.consume(swapped))
        .hasMessageContaining("not a valid sign-in link");

    String late = links.issue(email("eve@example.org"));
    clock.now = T0.plus(Duration.ofMinutes(15));
    assertThatThrownBy(() -> links.consume(late)).hasMessageContaining("expired");
  }

  @Test
  void apiTokensAreFoundByHashRevokedByTheirOwnerAndGoWithTheAccount() {
    User a = users().findOrCreate(email("ada@example.org"), T0);
    User b = users().findOrCreate(email("bob@example.org"), T0);
    String secret = ApiToken.newSecret();
    ApiToken t = apiTokens().create(a.id(), " my script ", Secrets.hash(secret), T0);
    assertThat(t.name()).isEqualTo("my script");
    apiTokens().create(a.id(), "second", Secrets.hash(ApiToken.newSecret()), T0.plusSeconds(1));
    assertThat(apiTokens().tokensOf(a.id()))
        .extracting(ApiToken::name)
        .containsExactly("second", "my script");
    assertThat(apiTokens().userOf(Secrets.hash(secret))).contains(a);
    assertThat(apiTokens().userOf(Secrets.hash(secret + "x"))).isEmpty();
    assertThat(apiTokens().revoke(b.id(), t.id())).isFalse();
    assertThat(apiTokens().revoke(a.id(), t.id())).isTrue();
    assertThat(apiTokens().userOf(Secrets.hash(secret))).isEmpty();

    sessions().create(new Session(Secrets.hash("s"), a.id(), T0, T0.plusSeconds(600)));
    assertThat(users().delete(a.id())).isTrue();
    assertThat(users().delete(a.id())).isFalse();
    assertThat(users().find(a.id())).isEmpty();
    assertThat(apiTokens().tokensOf(a.id())).isEmpty();
    assertThat(sessions().find(Secrets.hash("s"))).isEmpty();
    assertThat(users().find(b.id())).isPresent();
  }

  /** A clock the test moves. */
  protected static final class MovingClock extends Clock {
    public volatile Instant now;

    public MovingClock(Instant start) {
      now = start;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
