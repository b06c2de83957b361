package dev.paperboy.ingest.api;

import dev.paperboy.core.community.PaperLookup;
import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.ingest.SourceRecord;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link PaperLookup} of submit-by-id: one {@code id_list} request to the arXiv API through
 * {@link ArxivApiClient}. An id arXiv does not know comes back as an answer without entries (or
 * with an error entry, which the parser rejects), so it is empty here, not an error. Wrap it in
 * {@code core.community.PoliteLookup} to keep to one request per three seconds.
 */
public final class ArxivApiLookup implements PaperLookup {
  private final ArxivApiClient client;

  public ArxivApiLookup(ArxivApiClient client) {
    this.client = client;
  }

  @Override
  public Optional<Paper> lookup(ArxivId id) throws IOException {
    List<Paper> found = new ArrayList<>();
    client
        .lookup(List.of(id))
        .read(
            new RecordSink() {
              @Override
              public void accept(SourceRecord record) {
                if (record.paper().id().equals(id)) {
                  found.add(record.paper());
                }
              }

              @Override
              public void reject(Rejection rejection) {
                // An unknown or malformed id: the answer has no paper for it.
              }
            });
    return found.stream().findFirst();
  }
}
