package dev.paperboy.core.digest;

import dev.paperboy.core.paper.ArxivId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one subscriber's message of one edition holds: papers with their reasons, in message order
 * (by {@link Section}, then as ranked), or a note that arXiv announced nothing. This, not the
 * rendered message, is what the outbox keeps: small, and rendering it again gives the same message.
 *
 * @param note the quiet-day note, when the edition is quiet (then there are no items)
 */
public record EditionContent(List<DigestItem> items, @Nullable String note) {

  public EditionContent {
    items = List.copyOf(items == null ? List.of() : items);
    Set<ArxivId> seen = new HashSet<>();
    for (DigestItem item : items) {
      if (!seen.add(item.paper())) {
        throw new IllegalArgumentException(
            "a paper appears twice in one digest, paper: " + item.paper());
      }
    }
    if (note != null && note.isBlank()) {
      note = null;
    }
    for (int i = 1; i < items.size(); i++) {
      if (items.get(i).section().compareTo(items.get(i - 1).section()) < 0) {
        throw new IllegalArgumentException(
            "items must be in section order (alerts, picks, trending), paper: "
                + items.get(i).paper());
      }
    }
  }

  /** Items sorted into message order, keeping the order within each section. */
  public static EditionContent of(List<DigestItem> items, @Nullable String note) {
    List<DigestItem> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(DigestItem::section));
    return new EditionContent(sorted, note);
  }

  /** The note of a quiet edition. */
  public static EditionContent quiet(String note) {
    return new EditionContent(List.of(), note);
  }

  public boolean isEmpty() {
    return items.isEmpty() && note == null;
  }

  public List<ArxivId> papers() {
    return items.stream().map(DigestItem::paper).toList();
  }

  /** The items of one section, in order. */
  public List<DigestItem> section(Section s) {
    return items.stream().filter(i -> i.section() == s).toList();
  }
}
