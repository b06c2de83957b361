package dev.paperboy.search;

import dev.paperboy.core.search.Highlighted;
import dev.paperboy.core.search.Highlighted.Fragment;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages into {@link Highlighted} fragments: data, not markup, so every
 * front end escapes and marks the text its own way.
 *
 * <p>A passage cut out of a longer text starts and ends with {@link #ELLIPSIS}. Its edges are
 * tidied: the word break iterator may leave a space or a comma at either end. Runs of whitespace
 * (the blank line between two paragraphs of an abstract) become one space.
 *
 * <p>The formatter is given every passage with a match and keeps the best scoring one, widened to
 * the snippet length at word boundaries (backwards first: the highlighter cuts short passages at
 * the end of a text, or where a passage had to start at the end of the previous one). Matches of
 * the other passages that fall inside the widened window are marked too.
 */
final class FragmentFormatter extends PassageFormatter {

  /** Marks text left out before or after a snippet. */
  static final String ELLIPSIS = "…";

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final int minChars;

  /**
   * @param minChars length to widen the best passage to; 0 leaves it as it is
   */
  FragmentFormatter(int minChars) {
    this.minChars = minChars;
  }

  @Override
  public Highlighted format(Passage[] passages, String content) {
    Passage best = passages[0];
    for (Passage p : passages) {
      if (p.getScore() > best.getScore()) {
        best = p;
      }
    }
    int rawStart = best.getStartOffset();
    int rawEnd = best.getEndOffset();
    if (rawEnd - rawStart < minChars) {
      int deficit = minChars - (rawEnd - rawStart);
      int wideStart = Math.max(0, rawStart - deficit);
      int wideEnd = Math.min(content.length(), rawEnd + deficit - (rawStart - wideStart));
      // Pull the grown edges back to whole words.
      while (wideStart > 0
          && wideStart < rawStart
          && !Character.isWhitespace(content.charAt(wideStart - 1))) {
        wideStart++;
      }
      while (wideEnd < content.length()
          && wideEnd > rawEnd
          && !Character.isWhitespace(content.charAt(wideEnd))) {
        wideEnd--;
      }
      rawStart = wideStart;
      rawEnd = wideEnd;
    }
    List<int[]> matches = new ArrayList<>();
    for (Passage p : passages) {
      for (int i = 0; i < p.getNumMatches(); i++) {
        int ms = p.getMatchStarts()[i];
        int me = p.getMatchEnds()[i];
        if (ms >= rawStart && me <= rawEnd) {
          matches.add(new int[] {ms, me});
        }
      }
    }
    matches.sort(
        (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));

    int firstMatch = matches.isEmpty() ? rawEnd : matches.get(0)[0];
    int start = tidyStart(content, rawStart, firstMatch);
    int lastMatch = start;
    for (int[] m : matches) {
      lastMatch = Math.max(lastMatch, m[1]);
    }
    int end = tidyEnd(content, start, rawEnd, lastMatch);

    Fragments out = new Fragments();
    if (start > 0) {
      out.add(ELLIPSIS, false);
    }
    int pos = start;
    for (int[] m : matches) {
      int ms = Math.max(m[0], pos);
      int me = Math.min(m[1], end);
      if (me <= ms) {
        continue; // inside an earlier (overlapping) match
      }
      out.add(content.substring(pos, ms), false);
      out.add(content.substring(ms, me), true);
      pos = me;
    }
    out.add(content.substring(pos, end), false);
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
      String t = WHITESPACE.matcher(text).replaceAll(" ");
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
