package dev.paperboy.core.library;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Author names as keys for following: "Yann LeCun", "yann lecun" and "Yann Le-Cun" should be one
 * author. The key is the name in Unicode NFKD with combining marks removed (so "Jürgen" matches the
 * "Jurgen" of an ASCII listing), lower case, with punctuation and hyphens turned into spaces and
 * runs of spaces collapsed.
 *
 * <p>Names are not identities: two people can share a key, and one person can publish under several
 * spellings ("J. Smith", "John Smith"). The pages say so; nothing here pretends otherwise.
 */
public final class AuthorNames {
  private AuthorNames() {}

  /**
   * The matching key of {@code name}.
   *
   * @throws IllegalArgumentException when nothing of the name is left (blank or only punctuation)
   */
  public static String key(String name) {
    String n = name == null ? "" : name;
    n = Normalizer.normalize(n, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    n = n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    if (n.isEmpty()) {
      throw new IllegalArgumentException("author name has no letters, name: \"" + name + "\"");
    }
    if (n.length() > 200) {
      throw new IllegalArgumentException("author name is longer than 200 characters");
    }
    return n;
  }
}
