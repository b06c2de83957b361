package dev.paperboy.core.library;

import dev.paperboy.core.account.UserId;
import java.time.Instant;

/**
 * A named, ordered set of papers a reader made. A public collection can be read by anyone who has
 * its URL (and through its feeds); a private one exists only for its owner.
 *
 * @param id random and unguessable (core {@code Secrets.newId}), so a private collection's URL
 *     reveals nothing and ids cannot be counted
 * @param size the number of papers in it
 */
public record PaperCollection(
    String id,
    UserId owner,
    String name,
    String description,
    boolean isPublic,
    Instant createdAt,
    Instant updatedAt,
    int size) {
  public static final int MAX_NAME = 120;
  public static final int MAX_DESCRIPTION = 2000;

  public PaperCollection {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    if (owner == null || createdAt == null || updatedAt == null) {
      throw new IllegalArgumentException(
          "owner, createdAt and updatedAt must not be null, collection: " + id);
    }
    name = checkName(name);
    description = Notes.check("description", description, MAX_DESCRIPTION);
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, size: " + size);
    }
  }

  /**
   * A collection name as stored: stripped, 1..120 characters, one line.
   *
   * @throws IllegalArgumentException naming the rule broken
   */
  public static String checkName(String name) {
    String n = Notes.check("name", name, MAX_NAME);
    if (n.isEmpty()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (n.indexOf('\n') >= 0 || n.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("name must be one line, name: \"" + n + "\"");
    }
    return n;
  }
}
