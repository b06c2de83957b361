package dev.paperboy.ingest.oai;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one OAI-PMH response page held, besides the records handed to the sink.
 *
 * @param responseDate the server's {@code <responseDate>}, the {@code from} of the next incremental
 *     harvest; null when absent or not a UTC time
 * @param records {@code <record>} elements read (accepted, deleted and rejected)
 * @param accepted records handed to {@link dev.paperboy.core.ingest.RecordSink#accept}
 * @param deleted records whose header has {@code status="deleted"}
 * @param rejected records that could not be mapped (not counting deleted ones)
 * @param resumptionToken the page's token; null when the response had none (a complete list)
 */
public record OaiPmhPage(
    @Nullable Instant responseDate,
    int records,
    int accepted,
    int deleted,
    int rejected,
    @Nullable ResumptionToken resumptionToken) {

  /** True when the list goes on: there is a non-empty token to send back. */
  public boolean hasMore() {
    return resumptionToken != null && !resumptionToken.isLast();
  }

  /** The token to request the next page with, when {@link #hasMore()}. */
  public Optional<String> nextToken() {
    return hasMore() ? Optional.of(resumptionToken.value()) : Optional.empty();
  }
}
