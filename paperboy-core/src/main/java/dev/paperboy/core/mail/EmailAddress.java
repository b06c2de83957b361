package dev.paperboy.core.mail;

import java.net.IDN;
import java.util.Locale;

/**
 * A mailbox address ({@code local-part@domain}) that an SMTP server will take in {@code MAIL FROM}
 * or {@code RCPT TO}: a value that exists is syntactically valid and normalised.
 *
 * <p>What is accepted is the common subset of RFC 5321 section 4.1.2 and RFC 5322 section 3.4.1: a
 * dot-atom local part of at most 64 characters and a host-name domain, at most 254 characters in
 * all (RFC 5321 section 4.5.3.1.3: a path is at most 256 including its angle brackets). Not
 * accepted, each with a message saying so: quoted local parts, address literals ({@code
 * user@[192.0.2.1]}) and non-ASCII local parts, which need the SMTPUTF8 extension (RFC 6531).
 *
 * <p>Normalisation: an internationalised domain is converted to its ASCII (punycode) form and the
 * domain is lower-cased, since domains are case-insensitive (RFC 5321 section 2.4). The local part
 * keeps its case: only the receiving system may decide that {@code Bob} and {@code bob} are one
 * mailbox.
 */
public record EmailAddress(String value) implements Comparable<EmailAddress> {

  public EmailAddress {
    value = check("email address", value);
  }

  /**
   * Parses what a person typed, ignoring surrounding whitespace.
   *
   * @param field what the address is for, named in the error ({@code "to"}, {@code "email"})
   * @throws IllegalArgumentException naming the field, the value and what is wrong with it
   */
  public static EmailAddress parse(String field, String text) {
    return new EmailAddress(check(field, text == null ? null : text.strip()));
  }

  /** The part before the {@code @}. */
  public String localPart() {
    return value.substring(0, value.lastIndexOf('@'));
  }

  /** The domain, lower-case ASCII. */
  public String domain() {
    return value.substring(value.lastIndexOf('@') + 1);
  }

  @Override
  public int compareTo(EmailAddress other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  private static String check(String field, String value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    int at = value.lastIndexOf('@');
    if (at < 0) {
      throw invalid(field, value, "no '@'");
    }
    String local = value.substring(0, at);
    String domain = value.substring(at + 1);
    if (local.isEmpty()) {
      throw invalid(field, value, "nothing before the '@'");
    }
    if (local.startsWith("\"")) {
      throw invalid(field, value, "quoted local parts are not supported");
    }
    if (!local.chars().allMatch(c -> c < 0x80)) {
      throw invalid(
          field, value, "non-ASCII before the '@' needs SMTPUTF8 (RFC 6531), which is not used");
    }
    if (local.length() > 64) {
      throw invalid(field, value, "more than 64 characters before the '@'");
    }
    String localProblem = HeaderText.dotAtomProblem(local);
    if (localProblem != null) {
      throw invalid(field, value, "the part before the '@' " + localProblem);
    }
    String ascii = asciiDomain(field, value, domain);
    String normalised = local + "@" + ascii;
    if (normalised.length() > 254) {
      throw invalid(field, value, "longer than 254 characters");
    }
    return normalised;
  }

  private static String asciiDomain(String field, String value, String domain) {
    if (domain.isEmpty()) {
      throw invalid(field, value, "nothing after the '@'");
    }
    if (domain.startsWith("[")) {
      throw invalid(field, value, "address literals such as [192.0.2.1] are not supported");
    }
    if (domain.endsWith(".")) {
      throw invalid(field, value, "the domain ends with a dot");
    }
    String ascii;
    try {
      // STD3 rules restrict labels to letters, digits and hyphens (RFC 1123 host names).
      ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw invalid(field, value, "the domain is not a valid host name (" + e.getMessage() + ")");
    }
    if (ascii.length() > 253) {
      throw invalid(field, value, "the domain is longer than 253 characters");
    }
    for (String label : ascii.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        throw invalid(field, value, "the domain has an empty label or one over 63 characters");
      }
    }
    // The last label (top-level domain) is never all digits (RFC 3696 section 2); this keeps
    // IPv4 addresses written without brackets out.
    String tld = ascii.substring(ascii.lastIndexOf('.') + 1);
    if (tld.chars().allMatch(Character::isDigit)) {
      throw invalid(field, value, "the domain ends with an all-numeric label");
    }
    return ascii;
  }

  private static IllegalArgumentException invalid(String field, String value, String reason) {
    return new IllegalArgumentException(
        field
            + " is not a valid email address ("
            + reason
            + "), "
            + field
            + ": "
            + HeaderText.quote(value));
  }
}
