package dev.paperboy.core.community;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import java.io.IOException;
import java.util.Optional;

/** Finds a paper's metadata at its source (the arXiv API) when the store does not have it. */
public interface PaperLookup {

  /**
   * The paper as the source has it now; empty when the source has no such paper.
   *
   * @throws IOException when the source cannot be asked (network, server error)
   */
  Optional<Paper> lookup(ArxivId id) throws IOException;
}
