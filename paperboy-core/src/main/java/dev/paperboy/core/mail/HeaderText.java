package dev.paperboy.core.mail;

import org.jspecify.annotations.Nullable;

/** Checks shared by the records that end up in message headers. */
final class HeaderText {

  private HeaderText() {}

  /** True when {@code s} holds CR or LF, which would end a header line (header injection). */
  static boolean hasLineBreak(String s) {
    return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
  }

  /**
   * The value quoted for an error message, with control characters shown as escapes so that the
   * message cannot itself inject lines into a log; long values are cut.
   */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), 120) + 2).append('\'');
    for (int i = 0; i < s.length(); i++) {
      if (b.length() > 120) {
        b.append("...");
        break;
      }
      char c = s.charAt(i);
      switch (c) {
        case '\r' -> b.append("\\r");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('\'').toString();
  }

  /**
   * RFC 5322 section 3.2.3 {@code atext}: the characters a dot-atom may hold besides dots (letters,
   * digits and {@code !#$%&'*+-/=?^_`{|}~}).
   */
  static boolean isAtext(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
  }

  /**
   * RFC 5322 {@code dot-atom-text}: one or more atext runs joined by single dots, no dot first or
   * last. Returns null when it is one, else what is wrong.
   */
  static @Nullable String dotAtomProblem(String s) {
    if (s.isEmpty()) {
      return "is empty";
    }
    if (s.charAt(0) == '.' || s.charAt(s.length() - 1) == '.') {
      return "starts or ends with a dot";
    }
    if (s.contains("..")) {
      return "has two dots in a row";
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '.' && !isAtext(c)) {
        return "has a character not allowed there ("
            + (c < 0x20 || c >= 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'")
            + ")";
      }
    }
    return null;
  }
}
