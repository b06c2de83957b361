package dev.paperboy.core.embed;

import dev.paperboy.core.paper.Paper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The text of a paper that gets embedded, and its fingerprint.
 *
 * <p>Title and abstract joined by one space, as BEIR and MTEB join a document's title and text for
 * dense retrievers (Thakur et al., "BEIR", NeurIPS 2021, §4): the model then sees the title as the
 * first sentence of the passage.
 */
public final class DocumentText {
  private DocumentText() {}

  /** The text to embed for a paper: its title and abstract. */
  public static String of(Paper paper) {
    return of(paper.title(), paper.abstractText());
  }

  /** The text to embed for a document with this title and body; a blank part is left out. */
  public static String of(String title, String body) {
    String t = title.strip();
    String b = body.strip();
    if (t.isEmpty()) {
      return b;
    }
    return b.isEmpty() ? t : t + " " + b;
  }

  /**
   * A fingerprint of the text: lower-case hex SHA-256 of its UTF-8 bytes. Stored with a vector, it
   * tells whether the paper's text changed since the vector was computed.
   */
  public static String hash(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must implement SHA-256 (MessageDigest javadoc).
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
