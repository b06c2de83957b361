package dev.paperboy.core.paper;

import dev.paperboy.core.testing.InMemoryPaperStore;
import dev.paperboy.core.testing.PaperStoreContract;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The read contract on the port's default methods: a store that implements only the abstract
 * methods (delegating to the in-memory store) must pass it too.
 */
class PaperStoreDefaultsTest extends PaperStoreContract {

  @Override
  protected PaperStore openStore() {
    return new MinimalStore(new InMemoryPaperStore());
  }

  /** Implements the abstract methods only, so the defaults run. */
  private record MinimalStore(PaperStore d) implements PaperStore {
    @Override
    public List<Outcome> upsertPapers(List<Paper> papers) {
      return d.upsertPapers(papers);
    }

    @Override
    public List<Outcome> upsertEntries(List<DailyEntry> entries) {
      return d.upsertEntries(entries);
    }

    @Override
    public Optional<Paper> findPaper(ArxivId id) {
      return d.findPaper(id);
    }

    @Override
    public List<Paper> findPapers(Collection<ArxivId> ids) {
      return d.findPapers(ids);
    }

    @Override
    public List<Paper> papersAfter(@Nullable ArxivId after, int limit) {
      return d.papersAfter(after, limit);
    }

    @Override
    public long changeHorizon() {
      return d.changeHorizon();
    }

    @Override
    public List<PaperChange> changesAfter(long seq, int limit) {
      return d.changesAfter(seq, limit);
    }

    @Override
    public List<DailyEntry> entriesOn(LocalDate day) {
      return d.entriesOn(day);
    }

    @Override
    public List<DailyEntry> entriesOf(ArxivId id) {
      return d.entriesOf(id);
    }

    @Override
    public Optional<LocalDate> latestDay() {
      return d.latestDay();
    }

    @Override
    public Optional<LocalDate> dayBefore(LocalDate day) {
      return d.dayBefore(day);
    }

    @Override
    public Optional<LocalDate> dayAfter(LocalDate day) {
      return d.dayAfter(day);
    }

    @Override
    public StoreStats stats() {
      return d.stats();
    }

    @Override
    public void close() {
      d.close();
    }
  }
}
