package dev.paperboy.core.community;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.security.Secrets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment on a paper, in Markdown as its author wrote it (rendered to sanitised HTML on display).
 *
 * @param authorId null once the author deleted their account
 * @param authorName the author's current display name, null when the account is gone
 * @param parentId the top-level comment this replies to, or null for a top-level comment (replies
 *     are one level deep)
 * @param body the Markdown; empty once deleted
 * @param editedAt when the author last changed it, or null
 * @param deletedAt when it was deleted while replies kept it in the thread ("[deleted]"), or null
 * @param hiddenAt when a moderator hid it, or null
 */
public record Comment(
    String id,
    ArxivId paperId,
    @Nullable UserId authorId,
    @Nullable String authorName,
    @Nullable String parentId,
    String body,
    Instant createdAt,
    @Nullable Instant editedAt,
    @Nullable Instant deletedAt,
    @Nullable Instant hiddenAt) {

  /** The longest comment, in characters. */
  public static final int MAX_BODY = 10_000;

  public Comment {
    if (!Secrets.isId(id)) {
      throw new IllegalArgumentException("not a comment id, id: '" + id + "'");
    }
    if (paperId == null || body == null || createdAt == null) {
      throw new IllegalArgumentException("paperId, body and createdAt must not be null, id: " + id);
    }
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  public boolean hidden() {
    return hiddenAt != null;
  }

  /** Shown to readers: neither deleted nor hidden. */
  public boolean visible() {
    return deletedAt == null && hiddenAt == null;
  }

  /**
   * A comment body as given: not blank, at most {@value #MAX_BODY} characters, no NUL.
   *
   * @throws IllegalArgumentException with a message fit for the person who wrote it
   */
  public static String checkBody(String body) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("a comment must not be empty");
    }
    String b = body.strip().replace("\r\n", "\n").replace('\r', '\n');
    if (b.length() > MAX_BODY) {
      throw new IllegalArgumentException(
          "a comment is at most " + MAX_BODY + " characters, this one has " + b.length());
    }
    if (b.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a comment must not contain NUL characters");
    }
    return b;
  }
}
