package dev.paperboy.search.solr;

import dev.paperboy.core.search.Highlighted;
import dev.paperboy.core.search.SnippetText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  /** Opening and closing tags of a match in Solr's output (Unicode private use: never in text). */
  static final String PRE = "\uE000";

  static final String POST = "\uE001";

  /** Where the first match sits in a snippet: 0 at its start, 1 at its end. */
  private static final double MATCH_ALIGNMENT = 0.3;

  private static final double K1 = 1.2;

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
    return SnippetText.window(m.text(), m.matches(), 0, m.text().length());
  }

  /** The best passage of about {@code chars} characters, matches marked (abstracts). */
  static Highlighted snippet(Marked m, int chars) {
    String text = m.text();
    if (m.matches().isEmpty()) {
      return SnippetText.lead(text, chars);
    }
    if (text.length() <= chars) {
      return SnippetText.window(text, m.matches(), 0, text.length());
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
    return SnippetText.window(text, m.matches(), bestStart, bestEnd);
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
}
