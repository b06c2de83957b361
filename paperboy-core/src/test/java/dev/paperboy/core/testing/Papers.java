package dev.paperboy.core.testing;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import java.time.LocalDate;
import java.util.List;

/** Small hand-written papers for tests. */
public final class Papers {
  private Papers() {}

  public static Paper paper(String id, String title, String abstractText) {
    return Paper.builder(ArxivId.parse(id), title)
        .abstractText(abstractText)
        .authors(List.of("Ada Lovelace", "Alan Turing"))
        .categories(List.of("cs.CL", "cs.LG"))
        .listingDate(LocalDate.of(2025, 6, 16))
        .build();
  }

  public static Paper paper(String id, String title) {
    return paper(id, title, "An abstract about " + title.toLowerCase() + ".");
  }
}
