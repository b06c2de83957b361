package dev.paperboy.digest;

import java.util.ArrayList;
import java.util.List;

/**
 * Word-wraps text for the plain-text part. Lines stay at most 72 characters where words allow (RFC
 * 3676 and long habit keep plain-text mail readable at 78 columns with room for quoting); a word
 * longer than that, a URL say, gets a line of its own rather than being cut.
 */
final class TextWrap {
  static final int WIDTH = 72;

  private TextWrap() {}

  /** {@code text} wrapped to {@code width}, each line starting with {@code indent}. */
  static List<String> wrap(String text, int width, String indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      boolean empty = line.length() == indent.length();
      if (!empty && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line = new StringBuilder(indent);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > indent.length()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** A line of {@code c} as long as {@code text}, at most {@link #WIDTH}: an underline. */
  static String rule(String text, char c) {
    return String.valueOf(c).repeat(Math.min(WIDTH, text.length()));
  }
}
