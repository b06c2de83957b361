package dev.paperboy.search;

import dev.paperboy.core.search.Highlighted;
import dev.paperboy.core.search.Highlighted.Fragment;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages into {@link Highlighted} fragments: data, not markup, so every
 * front end escapes and marks the text its own way.
 *
 * <p>A passage cut out of a longer text starts and ends with {@link #ELLIPSIS}. Its edges are
 * tidied: the word break iterator may leave a space or a comma at either end. Runs of whitespace
 * (the blank line between two paragraphs of an abstract) become one space.
 */
final class FragmentFormatter extends PassageFormatter {

  /** Marks text left out before or after a snippet. */
  static final String ELLIPSIS = "…";

  @Override
  public Highlighted format(Passage[] passages, String content) {
    Fragments out = new Fragments();
    int previousEnd = 0;
    int rawEnd = 0;
    for (Passage p : passages) {
      int firstMatch = p.getNumMatches() > 0 ? p.getMatchStarts()[0] : p.getEndOffset();
      int start = tidyStart(content, p.getStartOffset(), firstMatch);
      int lastMatch = p.getNumMatches() > 0 ? maxEnd(p) : start;
      int end = tidyEnd(content, start, p.getEndOffset(), lastMatch);
      if (start > previousEnd) {
        out.add(ELLIPSIS, false);
      }
      int pos = start;
      for (int i = 0; i < p.getNumMatches(); i++) {
        int ms = Math.max(p.getMatchStarts()[i], pos);
        int me = Math.min(p.getMatchEnds()[i], end);
        if (me <= ms) {
          continue; // inside an earlier (overlapping) match, or outside the tidied passage
        }
        out.add(content.substring(pos, ms), false);
        out.add(content.substring(ms, me), true);
        pos = me;
      }
      out.add(content.substring(pos, end), false);
      previousEnd = end;
      rawEnd = p.getEndOffset();
    }
    if (!content.substring(rawEnd).isBlank()) {
      out.add(ELLIPSIS, false);
    }
    return new Highlighted(out.build());
  }

  /**
   * The start of {@code text} cut to at most about {@code chars} characters at a word boundary, for
   * a hit whose abstract has no match (it matched in the title or authors).
   */
  static Highlighted lead(String text, int chars) {
    Fragments out = new Fragments();
    if (text.length() <= chars) {
      out.add(text, false);
      return new Highlighted(out.build());
    }
    int cut = chars;
    while (cut > 0 && !Character.isWhitespace(text.charAt(cut))) {
      cut--;
    }
    if (cut == 0) {
      cut = chars; // one enormous "word": cut inside it rather than show nothing
      if (Character.isHighSurrogate(text.charAt(cut - 1))) {
        cut--;
      }
    }
    out.add(text.substring(0, tidyEnd(text, 0, cut, 0)), false);
    out.add(ELLIPSIS, false);
    return new Highlighted(out.build());
  }

  private static int maxEnd(Passage p) {
    int max = 0;
    for (int i = 0; i < p.getNumMatches(); i++) {
      max = Math.max(max, p.getMatchEnds()[i]);
    }
    return max;
  }

  /** Skips whitespace and trailing punctuation of the previous sentence at a cut start. */
  private static int tidyStart(String content, int start, int limit) {
    if (start == 0) {
      return 0;
    }
    int s = start;
    while (s < limit
        && (Character.isWhitespace(content.charAt(s))
            || ",.;:!?)]}".indexOf(content.charAt(s)) >= 0)) {
      s++;
    }
    return s;
  }

  /** Drops whitespace, and at a cut end also dangling commas and opening brackets. */
  private static int tidyEnd(String content, int start, int end, int limit) {
    boolean cut = end < content.length();
    int e = end;
    while (e > Math.max(start, limit)) {
      char c = content.charAt(e - 1);
      if (Character.isWhitespace(c) || (cut && ",;:([{".indexOf(c) >= 0)) {
        e--;
      } else {
        break;
      }
    }
    return e;
  }

  /** Collects fragments, merging neighbours of the same kind and collapsing whitespace. */
  private static final class Fragments {
    private final List<Fragment> list = new ArrayList<>();

    void add(String text, boolean match) {
      String t = text.replaceAll("\\s+", " ");
      if (t.isEmpty()) {
        return;
      }
      if (!list.isEmpty()) {
        Fragment last = list.get(list.size() - 1);
        if (last.text().endsWith(" ") && t.startsWith(" ")) {
          t = t.substring(1);
          if (t.isEmpty()) {
            return;
          }
        }
        if (last.match() == match) {
          list.set(list.size() - 1, new Fragment(last.text() + t, match));
          return;
        }
      }
      list.add(new Fragment(t, match));
    }

    List<Fragment> build() {
      return List.copyOf(list);
    }
  }
}
