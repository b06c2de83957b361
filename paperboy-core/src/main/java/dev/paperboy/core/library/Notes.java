package dev.paperboy.core.library;

/** Checks of the free texts of the library (notes, names, descriptions). */
final class Notes {
  private Notes() {}

  /** {@code text} stripped ("" for null), at most {@code max} characters. */
  static String check(String field, String text, int max) {
    String t = text == null ? "" : text.strip();
    if (t.length() > max) {
      throw new IllegalArgumentException(
          field + " must be at most " + max + " characters, " + field + " has " + t.length());
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        throw new IllegalArgumentException(
            field
                + " must not contain control characters, found U+"
                + String.format("%04X", (int) c)
                + " at "
                + i);
      }
    }
    return t;
  }
}
