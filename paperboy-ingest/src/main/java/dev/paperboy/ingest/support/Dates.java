package dev.paperboy.ingest.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Parses the dates sources write, with messages that name the field and the value. */
public final class Dates {
  private Dates() {}

  /** {@code YYYY-MM-DD}, or null for null. */
  public static @Nullable LocalDate date(@Nullable String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new BadRecordException(
          "bad " + field + " " + JsonRecord.quote(text) + ": expected a date YYYY-MM-DD");
    }
  }

  /** An ISO-8601 instant such as {@code 2026-08-20T00:00:00.000Z}, or null for null. */
  public static @Nullable Instant instant(@Nullable String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new BadRecordException(
          "bad "
              + field
              + " "
              + JsonRecord.quote(text)
              + ": expected an ISO-8601 time such as 2025-06-16T04:13:42.201Z");
    }
  }

  /** The UTC calendar day of an instant. */
  public static LocalDate utcDay(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  /**
   * An RFC 1123 date-time as arXiv writes version dates ({@code Mon, 2 Apr 2007 19:18:42 GMT}), as
   * a UTC day.
   */
  public static LocalDate rfc1123Day(String text, String field) {
    try {
      ZonedDateTime t = ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
      return t.withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new BadRecordException(
          "bad "
              + field
              + " "
              + JsonRecord.quote(text)
              + ": expected an RFC 1123 date such as \"Mon, 2 Apr 2007 19:18:42 GMT\"");
    }
  }
}
