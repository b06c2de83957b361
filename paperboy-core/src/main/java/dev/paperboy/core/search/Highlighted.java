package dev.paperboy.core.search;

import java.util.List;

/**
 * A piece of text with the parts that matched the query marked. Kept as data, not markup, so each
 * front end escapes the text and draws the marks its own way (HTML {@code <mark>}, terminal bold).
 */
public record Highlighted(List<Fragment> fragments) {

  /** A run of text, matched or not. */
  public record Fragment(String text, boolean match) {}

  public Highlighted {
    fragments = List.copyOf(fragments);
  }

  public static Highlighted plain(String text) {
    return new Highlighted(List.of(new Fragment(text, false)));
  }

  /** The text without marks. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Fragment f : fragments) {
      sb.append(f.text());
    }
    return sb.toString();
  }

  public boolean hasMatch() {
    return fragments.stream().anyMatch(Fragment::match);
  }
}
