package dev.paperboy.search;

import dev.paperboy.core.search.Highlighted;
import dev.paperboy.core.search.SnippetText;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages into {@link Highlighted} fragments: data, not markup, so every
 * front end escapes and marks the text its own way.
 *
 * <p>A passage cut out of a longer text starts and ends with {@link SnippetText#ELLIPSIS}. Its
 * edges are tidied: the word break iterator may leave a space or a comma at either end. Runs of
 * whitespace (the blank line between two paragraphs of an abstract) become one space.
 *
 * <p>The formatter is given every passage with a match and keeps the best scoring one, widened to
 * the snippet length at word boundaries (backwards first: the highlighter cuts short passages at
 * the end of a text, or where a passage had to start at the end of the previous one). Matches of
 * the other passages that fall inside the widened window are marked too.
 */
final class FragmentFormatter extends PassageFormatter {

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
        matches.add(new int[] {p.getMatchStarts()[i], p.getMatchEnds()[i]});
      }
    }
    return SnippetText.window(content, matches, rawStart, rawEnd);
  }
}
