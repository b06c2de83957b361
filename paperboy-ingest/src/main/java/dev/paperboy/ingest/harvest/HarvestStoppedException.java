package dev.paperboy.ingest.harvest;

import java.io.IOException;

/**
 * A harvest that stopped before the end of its list (a page that stays malformed after retries, an
 * OAI-PMH error, the server gone). Every page before it is imported and the checkpoint keeps the
 * token of the page that failed, so running the harvest again resumes there. The message says which
 * page, why, and what to do.
 */
public final class HarvestStoppedException extends IOException {
  private static final long serialVersionUID = 1L;

  public HarvestStoppedException(String message, Throwable cause) {
    super(message, cause);
  }
}
