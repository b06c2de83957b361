package dev.paperboy.search.solr;

import dev.paperboy.core.search.Highlighted;
import dev.paperboy.core.search.Highlighted.Fragment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns Solr's highlighting into {@link Highlighted} fragments with the embedded index's rules
 * ({@code FragmentFormatter} in paperboy-search): the title whole with its matches marked; of the
 * abstract, the passage of about {@code snippetChars} characters with the best matches, cut at word
 * boundaries, the first match about a third of the way in, ellipses where text was left out, every
 * match inside marked, runs of whitespace as one space; without a match, the abstract's lead.
 *
 * <p>Solr marks every match of a whole field (break iterator {@code WHOLE}) with two private-use
 * characters as tags; the passage is chosen here, where the whole text and all match offsets are at
 * hand. Passages are scored like the embedded highlighter's: BM25 without length normalisation (k1
 * = 1.2, b = 0) over the distinct matched words in the passage.
 */
final class Snippets {
  /** Marks text left out before or after a snippet. */
  static final String ELLIPSIS = "…";

  /** Opening and closing tags of a match in Solr's output (Unicode private use: never in text). */
  static final String PRE = "\uE000";

  static final String POST = "\uE001";

  /** Where the first match sits in a snippet: 0 at its start, 1 at its end. */
  private static final double MATCH_ALIGNMENT = 0.3;

  private static final double K1 = 1.2;

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Snippets() {}

  /** A text and the [start, end) offsets of its matches, in order. */
  record Marked(String text, List<int[]> matches) {}

  /** Reads Solr's tagged text; null when the tags do not pair up. */
  static @Nullable Marked parse(String tagged) {
    StringBuilder text = new StringBuilder(tagged.length());
    List<int[]> matches = new ArrayList<>();
    int open = -1;
    for (int i = 0; i < tagged.length(); i++) {
      char c = tagged.charAt(i);
      if (c == PRE.charAt(0)) {
        if (open >= 0) {
          return null;
        }
        open = text.length();
      } else if (c == POST.charAt(0)) {
        if (open < 0) {
          return null;
        }
        matches.add(new int[] {open, text.length()});
        open = -1;
      } else {
        text.append(c);
      }
    }
    return open >= 0 ? null : new Marked(text.toString(), matches);
  }

  /** The whole text with its matches marked (titles). */
  static Highlighted whole(Marked m) {
    return format(m.text(), m.matches(), 0, m.text().length());
  }

  /** The best passage of about {@code chars} characters, matches marked (abstracts). */
  static Highlighted snippet(Marked m, int chars) {
    String text = m.text();
    if (m.matches().isEmpty()) {
      return lead(text, chars);
    }
    if (text.length() <= chars) {
      return format(text, m.matches(), 0, text.length());
    }
    int bestStart = 0;
    int bestEnd = chars;
    double bestScore = -1;
    for (int[] anchor : m.matches()) {
      int start = Math.max(0, anchor[0] - (int) Math.round(chars * MATCH_ALIGNMENT));
      int end = Math.min(text.length(), start + chars);
      // A window cut short by the end of the text grows backwards to the full length.
      start = Math.max(0, end - chars);
      start = wordStart(text, start, anchor[0]);
      end = wordEnd(text, end, anchor[1]);
      double score = score(text, m.matches(), start, end);
      if (score > bestScore) {
        bestScore = score;
        bestStart = start;
        bestEnd = end;
      }
    }
    return format(text, m.matches(), bestStart, bestEnd);
  }

  /** BM25 of a passage: each distinct matched word once, saturating with its count. */
  private static double score(String text, List<int[]> matches, int start, int end) {
    Map<String, Integer> tf = new HashMap<>();
    for (int[] match : matches) {
      if (match[0] >= start && match[1] <= end) {
        tf.merge(text.substring(match[0], match[1]).toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    double s = 0;
    for (int f : tf.values()) {
      s += f * (K1 + 1) / (f + K1);
    }
    return s;
  }

  /** {@code at} moved forward to the start of a word, never past {@code limit}. */
  private static int wordStart(String text, int at, int limit) {
    int s = at;
    while (s > 0 && s < limit && !Character.isWhitespace(text.charAt(s - 1))) {
      s++;
    }
    return s;
  }

  /** {@code at} moved back to the end of a word, never before {@code limit}. */
  private static int wordEnd(String text, int at, int limit) {
    int e = at;
    while (e < text.length() && e > limit && !Character.isWhitespace(text.charAt(e))) {
      e--;
    }
    return e;
  }

  /** The text between {@code rawStart} and {@code rawEnd}, tidied, with ellipses and marks. */
  private static Highlighted format(String content, List<int[]> all, int rawStart, int rawEnd) {
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
