package dev.paperboy.core.paper;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Normalises the whitespace of arXiv text fields, which keep the submitter's hard line wraps. */
public final class Text {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  // Control characters other than whitespace (NUL above all) carry no text, break XML feeds and
  // are refused by PostgreSQL; they are dropped.
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\s]]");

  private Text() {}

  /**
   * A title on one line: every whitespace run becomes one space, ends stripped, control characters
   * dropped.
   */
  public static String oneLine(@Nullable String s) {
    if (s == null) {
      return "";
    }
    String t = SPACES.matcher(s).replaceAll(" ").strip();
    return CONTROL.matcher(t).find() ? CONTROL.matcher(t).replaceAll("").strip() : t;
  }

  /** Same as {@link #oneLine} but null for null or blank input. */
  public static @Nullable String oneLineOrNull(@Nullable String s) {
    String t = oneLine(s);
    return t.isEmpty() ? null : t;
  }

  /**
   * An abstract: wrapped lines joined, paragraphs separated by exactly one blank line. A newline
   * followed by a space or tab, or two or more newlines, start a new paragraph; every other run of
   * whitespace becomes one space. (A character loop: this runs once per imported record and the
   * equivalent regular expressions were most of an import's CPU time.)
   */
  public static String paragraphs(@Nullable String s) {
    if (s == null) {
      return "";
    }
    int n = s.length();
    StringBuilder out = new StringBuilder(n);
    boolean space = false;
    boolean paragraph = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\r' && nextAfterCr(s, i + 1) == '\n') {
        continue;
      }
      if (c == '\n') {
        char next = nextAfterCr(s, i + 1);
        if (next == ' ' || next == '\t' || next == '\n') {
          paragraph = true;
        } else {
          space = true;
        }
      } else if (isSpace(c)) {
        space = true;
      } else if (isControl(c)) {
        continue; // see CONTROL
      } else {
        if (!out.isEmpty()) {
          if (paragraph) {
            out.append("\n\n");
          } else if (space) {
            out.append(' ');
          }
        }
        space = false;
        paragraph = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The character at {@code i} as the rule sees it: control characters skipped, CRLF as LF. */
  private static char nextAfterCr(String s, int i) {
    while (i < s.length() && isControl(s.charAt(i))) {
      i++;
    }
    if (i + 1 < s.length() && s.charAt(i) == '\r') {
      int j = i + 1;
      while (j < s.length() && isControl(s.charAt(j))) {
        j++;
      }
      if (j < s.length() && s.charAt(j) == '\n') {
        return '\n';
      }
    }
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private static boolean isControl(char c) {
    return (c < 0x20 || c == 0x7f) && !isSpace(c);
  }

  /** The characters of the regex class {@code \\s}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
