package dev.paperboy.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.ingest.HarvestCheckpoint;
import dev.paperboy.core.ingest.HarvestCheckpointStore;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HarvestCheckpointStore} must do. A store's test extends this and returns a
 * fresh, empty store from {@link #newStore()}.
 */
public abstract class HarvestCheckpointStoreContract {

  protected abstract HarvestCheckpointStore newStore();

  static final String ARXIV = "https://oaipmh.arxiv.org/oai";
  static final Instant T = Instant.parse("2026-11-02T10:15:30.123456Z");

  @Test
  void emptyStoreFindsNothing() {
    HarvestCheckpointStore s = newStore();
    assertThat(s.find(ARXIV, "cs")).isEmpty();
    assertThat(s.all()).isEmpty();
  }

  @Test
  void savesAndReplacesPerEndpointAndSet() {
    HarvestCheckpointStore s = newStore();
    HarvestCheckpoint inFlight =
        new HarvestCheckpoint(
            ARXIV,
            "cs",
            LocalDate.of(2026, 10, 31),
            "6011|1001",
            LocalDate.of(2026, 11, 1),
            null,
            1,
            1000,
            T);
    s.save(inFlight);
    assertThat(s.find(ARXIV, "cs")).contains(inFlight);
    assertThat(s.find(ARXIV, "math")).isEmpty();
    assertThat(s.find("http://other.example/oai", "cs")).isEmpty();

    HarvestCheckpoint done =
        new HarvestCheckpoint(
            ARXIV, "cs", LocalDate.of(2026, 11, 2), null, null, null, 0, 0, T.plusSeconds(60));
    s.save(done);
    assertThat(s.find(ARXIV, "cs")).contains(done);
    assertThat(s.all()).containsExactly(done);
  }

  @Test
  void keepsEveryFieldIncludingNullsAndTheEmptySet() {
    HarvestCheckpointStore s = newStore();
    HarvestCheckpoint a =
        new HarvestCheckpoint(
            ARXIV, "", null, "tok en/+=?&", null, LocalDate.of(2026, 1, 5), 7, 0, T);
    HarvestCheckpoint b =
        new HarvestCheckpoint(
            "http://other.example/oai",
            "physics:hep-th",
            LocalDate.of(2025, 1, 1),
            null,
            null,
            null,
            0,
            0,
            T);
    s.save(a);
    s.save(b);
    assertThat(s.find(ARXIV, "")).contains(a);
    assertThat(s.find("http://other.example/oai", "physics:hep-th")).contains(b);
    assertThat(s.all()).containsExactly(b, a);
  }
}
