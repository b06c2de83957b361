package dev.paperboy.core.search;

import dev.paperboy.core.search.Highlighted.Fragment;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a snippet of an abstract is shown, the same for every search engine: a window of the text
 * with its matches marked, its edges tidied (no space, dangling comma or opening bracket at a cut,
 * no trailing punctuation of the previous sentence at its start), {@link #ELLIPSIS} where text was
 * left out, and runs of whitespace (the blank line between two paragraphs) as one space. Which
 * window to show is the engine's choice; this is only the rendering into {@link Highlighted}
 * fragments: data, not markup, so every front end escapes and marks the text its own way.
 *
 * <p>Depends on the JDK only.
 */
public final class SnippetText {
  /** Marks text left out before or after a snippet. */
  public static final String ELLIPSIS = "…";

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private SnippetText() {}

  /**
   * The text between {@code rawStart} and {@code rawEnd}, tidied, with ellipses and the matches
   * inside it marked.
   *
   * @param all [start, end) offsets of matches in {@code content}, in any order; those outside the
   *     window are ignored, overlapping ones are marked once
   */
  public static Highlighted window(String content, List<int[]> all, int rawStart, int rawEnd) {
    List<int[]> matches = new ArrayList<>();
    for (int[] m : all) {
      if (m[0] >= rawStart && m[1] <= rawEnd) {
        matches.add(m);
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
   * a hit whose abstract has no match (it matched in the title or authors, or by meaning).
   */
  public static Highlighted lead(String text, int chars) {
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
