package dev.paperboy.web;

import dev.paperboy.core.mail.EmailAddress;

/**
 * What a reader sees when the address typed into an HTML form (subscribe, sign in) is refused.
 *
 * <p>{@link EmailAddress#parse} explains itself for logs and the JSON API: {@code email is not a
 * valid email address (no '@'), email: ''}. That is right for a developer and odd for a reader, who
 * gets a plain sentence here instead, keeping the reason when there is something to correct.
 */
final class EmailFormText {
  private static final String EXAMPLE = "name@example.org";

  private EmailFormText() {}

  /**
   * @param field the field name given to {@link EmailAddress#parse}
   * @param typed what the reader typed
   * @param refused what {@link EmailAddress#parse} threw for it
   */
  static String problem(String field, String typed, IllegalArgumentException refused) {
    if (typed == null || typed.isBlank()) {
      return "Please enter an email address, like " + EXAMPLE + ".";
    }
    String reason = reason(field, String.valueOf(refused.getMessage()));
    return "That is not an email address we can send to"
        + (reason == null ? "" : " (" + reason + ")")
        + ". Please enter one like "
        + EXAMPLE
        + ".";
  }

  /**
   * The reason inside {@code <field> is not a valid email address (<reason>), <field>: '<value>'},
   * or null for a message of another shape. The reason may hold parentheses itself, so the value
   * part is cut at its last occurrence.
   */
  static String reason(String field, String message) {
    String head = field + " is not a valid email address (";
    int end = message.lastIndexOf("), " + field + ": ");
    if (!message.startsWith(head) || end < head.length()) {
      return null;
    }
    return message.substring(head.length(), end);
  }
}
