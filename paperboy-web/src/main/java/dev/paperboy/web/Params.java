package dev.paperboy.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks the query parameters of one request. Every problem becomes a {@link BadRequest}
 * naming the parameter, so handlers never see a malformed value and never answer 500 for one.
 *
 * <p>API routes pass the parameters they declare in the OpenAPI document; reading any other one is
 * a programming error (caught by the tests that call every route), which keeps the document and the
 * code in step.
 */
public final class Params {
  /** The longest query text accepted; longer text is not a search, it is a mistake or an attack. */
  public static final int MAX_QUERY_LENGTH = 500;

  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");
  private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern MONTH_TEXT = Pattern.compile("(\\d{4})-(\\d{2})");

  private final Context ctx;
  private final @Nullable Set<String> declared;

  private Params(Context ctx, @Nullable Set<String> declared) {
    this.ctx = ctx;
    this.declared = declared;
  }

  /** Parameters of a page: any name may be read. */
  public static Params of(Context ctx) {
    return new Params(ctx, null);
  }

  /** Parameters of an API route that declares exactly {@code declared}. */
  public static Params declared(Context ctx, Set<String> declared) {
    return new Params(ctx, declared);
  }

  /** The stripped value, or null when absent or blank. */
  public @Nullable String text(String name) {
    check(name);
    List<String> values = ctx.queryParams(name);
    if (values.size() > 1) {
      throw new BadRequest(name, "given " + values.size() + " times; give it once");
    }
    String v = values.isEmpty() ? null : values.get(0);
    if (v == null || v.isBlank()) {
      return null;
    }
    return v.strip();
  }

  /** The value, or a {@link BadRequest} saying it is missing. */
  public String required(String name) {
    String v = text(name);
    if (v == null) {
      throw new BadRequest(name, "is required");
    }
    return v;
  }

  /** A search query: required, at most {@link #MAX_QUERY_LENGTH} characters. */
  public String query(String name) {
    String q = required(name);
    if (q.length() > MAX_QUERY_LENGTH) {
      throw new BadRequest(
          name, "is too long (" + q.length() + " characters, at most " + MAX_QUERY_LENGTH + ")");
    }
    return q;
  }

  /** An integer in {@code [min, max]}, {@code fallback} when absent. */
  public int integer(String name, int fallback, int min, int max) {
    String v = text(name);
    if (v == null) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new BadRequest(name, "must be a whole number, got '" + clip(v) + "'");
    }
    if (n < min || n > max) {
      throw new BadRequest(name, "must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  /** A day {@code YYYY-MM-DD}, or null when absent. */
  public @Nullable LocalDate date(String name) {
    String v = text(name);
    return v == null ? null : parseDate(name, v);
  }

  /** A boolean flag: {@code 1}, {@code true}, {@code on} or {@code yes}; false when absent. */
  public boolean flag(String name) {
    String v = text(name);
    if (v == null) {
      return false;
    }
    return switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "1", "true", "on", "yes" -> true;
      case "0", "false", "off", "no" -> false;
      default -> throw new BadRequest(name, "must be true or false, got '" + clip(v) + "'");
    };
  }

  /** Parses {@code YYYY-MM-DD} (a real calendar day). */
  public static LocalDate parseDate(String name, String v) {
    // ISO_LOCAL_DATE also reads expanded years (+10000-01-01, -999999999-01-01): such a day is not
    // a paper's, its neighbours overflow LocalDate, and the store compares days as ISO text, where
    // "+10000" sorts before "2025" and would link to the wrong days. Four-digit years only.
    if (!DAY.matcher(v).matches()) {
      throw new BadRequest(name, "must be a day as YYYY-MM-DD, got '" + clip(v) + "'");
    }
    try {
      return LocalDate.parse(v, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      Matcher m = DAY.matcher(v);
      if (m.matches()) {
        // The reader used the right format for a day that is not in the calendar: say which part
        // is wrong instead of asking for the format again.
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        String why;
        if (month < 1 || month > 12) {
          why = "there is no month " + month;
        } else if (day < 1) {
          why = "there is no day 0 of a month";
        } else {
          YearMonth ym = YearMonth.of(year, month);
          why =
              "there is no "
                  + day
                  + " "
                  + ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                  + " "
                  + year
                  + " (that month has "
                  + ym.lengthOfMonth()
                  + " days)";
        }
        throw new BadRequest(name, why + ", got '" + v + "'");
      }
      throw new BadRequest(name, "must be a day as YYYY-MM-DD, got '" + clip(v) + "'");
    }
  }

  /** Parses an ISO week {@code YYYY-Www} into its Monday. */
  public static LocalDate parseWeek(String name, String v) {
    Matcher m = WEEK.matcher(v);
    if (!m.matches()) {
      throw new BadRequest(
          name, "must be an ISO week as YYYY-Www (e.g. 2025-W25), got '" + clip(v) + "'");
    }
    int year = Integer.parseInt(m.group(1));
    int week = Integer.parseInt(m.group(2));
    // Thursday 4 January is always in week 1 of its week-based year (ISO 8601).
    LocalDate jan4 = LocalDate.of(year, 1, 4);
    long weeks = jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
    if (week < 1 || week > weeks) {
      throw new BadRequest(name, year + " has weeks 1 to " + weeks + ", got week " + week);
    }
    return jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(java.time.DayOfWeek.MONDAY);
  }

  /** Parses a month {@code YYYY-MM}. */
  public static YearMonth parseMonth(String name, String v) {
    // Four-digit years only, as for days: "+999999999-12" parses, and its next month overflows.
    if (!MONTH_TEXT.matcher(v).matches()) {
      throw new BadRequest(name, "must be a month as YYYY-MM, got '" + clip(v) + "'");
    }
    try {
      return YearMonth.parse(v, MONTH);
    } catch (DateTimeParseException e) {
      Matcher m = MONTH_TEXT.matcher(v);
      if (m.matches()) {
        throw new BadRequest(
            name, "there is no month " + Integer.parseInt(m.group(2)) + ", got '" + v + "'");
      }
      throw new BadRequest(name, "must be a month as YYYY-MM, got '" + clip(v) + "'");
    }
  }

  /** The ISO week label {@code YYYY-Www} of the week that holds {@code day}. */
  public static String weekLabel(LocalDate day) {
    return String.format(
        "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** A value cut short for an error message. */
  static String clip(String v) {
    return v.length() <= 40 ? v : v.substring(0, 40) + "...";
  }

  private void check(String name) {
    if (declared != null && !declared.contains(name)) {
      throw new IllegalStateException(
          "route " + ctx.path() + " reads parameter '" + name + "' that it does not declare");
    }
  }
}
