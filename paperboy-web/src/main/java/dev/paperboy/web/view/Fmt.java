package dev.paperboy.web.view;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Formatting helpers the templates call. Dates are UTC days, written unambiguously. */
public final class Fmt {
  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter MEDIUM =
      DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

  private Fmt() {}

  /** "Monday, 16 June 2025". */
  public static String longDay(LocalDate d) {
    return LONG.format(d);
  }

  /** "16 Jun 2025". */
  public static String day(@Nullable LocalDate d) {
    return d == null ? "" : MEDIUM.format(d);
  }

  /** "Mon 16 Jun". */
  public static String shortDay(LocalDate d) {
    return SHORT.format(d);
  }

  /** "June 2025". */
  public static String month(LocalDate d) {
    return MONTH.format(d);
  }

  /** The ISO date for {@code <time datetime>}. */
  public static String iso(@Nullable LocalDate d) {
    return d == null ? "" : d.toString();
  }

  /** "1 paper", "17 papers". */
  public static String count(long n, String one, String many) {
    return String.format(Locale.ENGLISH, "%,d %s", n, n == 1 ? one : many);
  }

  /** 1234 as "1.2k". */
  public static String compact(int n) {
    if (n < 1000) {
      return Integer.toString(n);
    }
    return String.format(Locale.ENGLISH, "%.1fk", n / 1000.0).replace(".0k", "k");
  }

  /** URL-encodes a query parameter value. */
  public static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The URL when it is an absolute http(s) URL, else null (no javascript: or data: links). */
  public static @Nullable String safeUrl(@Nullable String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI u = new URI(url.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
        return u.toString();
      }
    } catch (java.net.URISyntaxException e) {
      return null;
    }
    return null;
  }

  /** A code URL's short label: "owner/repo" for GitHub-like hosts, else the host. */
  public static String codeLabel(String url) {
    URI u = URI.create(url);
    String path = u.getPath() == null ? "" : u.getPath().replaceAll("^/+|/+$", "");
    String[] parts = path.split("/");
    if (parts.length >= 2 && !parts[0].isEmpty()) {
      return parts[0] + "/" + parts[1];
    }
    return u.getHost();
  }
}
