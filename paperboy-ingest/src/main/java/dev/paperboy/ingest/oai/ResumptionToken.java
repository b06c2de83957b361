package dev.paperboy.ingest.oai;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An OAI-PMH {@code <resumptionToken>} (protocol section 3.5): how to ask for the next page of an
 * incomplete list. The last page of a list carries an <em>empty</em> token, possibly still with
 * {@code cursor} and {@code completeListSize}; then {@link #isLast()} is true.
 *
 * @param value the token to send back as {@code resumptionToken=}; empty on the last page
 * @param cursor the position of this page's first record in the complete list, when given
 * @param completeListSize the number of records in the complete list, when given
 * @param expirationDate when the token stops working, when given
 */
public record ResumptionToken(
    String value,
    @Nullable Long cursor,
    @Nullable Long completeListSize,
    @Nullable Instant expirationDate) {

  public ResumptionToken {
    if (value == null) {
      throw new IllegalArgumentException("resumption token value must not be null (use \"\")");
    }
    if (cursor != null && cursor < 0) {
      throw new IllegalArgumentException("cursor must be >= 0, cursor: " + cursor);
    }
    if (completeListSize != null && completeListSize < 0) {
      throw new IllegalArgumentException(
          "completeListSize must be >= 0, completeListSize: " + completeListSize);
    }
  }

  /** True for the empty token that ends a list. */
  public boolean isLast() {
    return value.isEmpty();
  }
}
