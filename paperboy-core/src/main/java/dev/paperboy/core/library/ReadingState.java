package dev.paperboy.core.library;

import java.util.Locale;

/** Where a saved paper is in the reader's reading: still to read, or read. */
public enum ReadingState {
  TO_READ("to-read"),
  READ("read");

  private final String code;

  ReadingState(String code) {
    this.code = code;
  }

  /** The stable name used in the store, forms, the API and exports. */
  public String code() {
    return code;
  }

  /**
   * The state named {@code code} ({@code to-read} or {@code read}, any case).
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static ReadingState parse(String code) {
    String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (ReadingState s : values()) {
      if (s.code.equals(c)) {
        return s;
      }
    }
    throw new IllegalArgumentException("state must be to-read or read, state: \"" + code + "\"");
  }
}
