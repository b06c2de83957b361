package dev.paperboy.core.paper;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity of an arXiv paper, without a version: {@code 2503.11731}, {@code 0704.0001} or the
 * old style {@code hep-th/9901001}.
 *
 * <p>A value that exists is valid and normalised, so two ids for the same paper are {@code equals}.
 * Old-style ids drop a subject class ({@code math.GT/0309136} is {@code math/0309136}), which is
 * how arXiv itself names them in abs URLs and OAI identifiers.
 */
public record ArxivId(String value) implements Comparable<ArxivId> {

  // New-style ids: YYMM.NNNN from 0704 to 1412, YYMM.NNNNN from 1501 (arXiv identifier scheme,
  // https://info.arxiv.org/help/arxiv_identifier.html).
  private static final Pattern NEW_STYLE = Pattern.compile("(\\d{2})(\\d{2})\\.(\\d{4,5})");
  // Old-style ids: archive, optional subject class, '/', YYMMNNN (1991..2007).
  private static final Pattern OLD_STYLE =
      Pattern.compile("([a-z]+(?:-[a-z]+)?)(?:\\.[A-Za-z-]{2,})?/(\\d{2})(\\d{2})(\\d{3})");
  private static final Pattern VERSION = Pattern.compile("[vV](\\d{1,3})$");
  private static final Pattern URL =
      Pattern.compile(
          "^(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/(.+?)(?:\\.pdf)?/?(?:[?#].*)?$",
          Pattern.CASE_INSENSITIVE);

  public ArxivId {
    if (value == null) {
      throw new IllegalArgumentException("arXiv id must not be null");
    }
    if (!isNormalised(value)) {
      throw new IllegalArgumentException(
          "not a normalised arXiv id (expected YYMM.NNNNN or archive/YYMMNNN without version),"
              + " value: '"
              + value
              + "'");
    }
  }

  /**
   * Parses an id as arXiv writes it: an optional {@code arXiv:} prefix and an optional version
   * suffix ({@code v2}), which is dropped. Use {@link VersionedId#parse} to keep it.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static ArxivId parse(String text) {
    return VersionedId.parse(text).id();
  }

  /** Like {@link #parse} but returns empty instead of throwing. */
  public static Optional<ArxivId> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses what a person pastes: an id, {@code arXiv:id}, or an arxiv.org abs/pdf/html URL.
   *
   * @throws IllegalArgumentException with a message fit to show to that person
   */
  public static VersionedId fromUserInput(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "enter an arXiv id such as 2503.11731 or an arxiv.org URL");
    }
    String t = text.strip();
    Matcher url = URL.matcher(t);
    if (url.matches()) {
      t = url.group(1);
    }
    return VersionedId.parse(t);
  }

  /** True when {@code value} is already a normalised id without version. */
  static boolean isNormalised(String value) {
    Matcher m = NEW_STYLE.matcher(value);
    if (m.matches()) {
      return validNewStyle(m);
    }
    m = OLD_STYLE.matcher(value);
    return m.matches()
        && m.group(0).equals(m.group(1) + "/" + m.group(2) + m.group(3) + m.group(4))
        && validMonth(m.group(3));
  }

  static ArxivId normalise(String withoutVersion, String original) {
    Matcher m = NEW_STYLE.matcher(withoutVersion);
    if (m.matches()) {
      if (!validNewStyle(m)) {
        throw new IllegalArgumentException(
            "not an arXiv id: '" + original + "' (month or number length out of range)");
      }
      return new ArxivId(withoutVersion);
    }
    m = OLD_STYLE.matcher(withoutVersion);
    if (m.matches() && validMonth(m.group(3))) {
      return new ArxivId(m.group(1) + "/" + m.group(2) + m.group(3) + m.group(4));
    }
    throw new IllegalArgumentException(
        "not an arXiv id: '"
            + original
            + "' (expected e.g. 2503.11731, 0704.0001, hep-th/9901001, optionally with v2)");
  }

  private static boolean validNewStyle(Matcher m) {
    int yy = Integer.parseInt(m.group(1));
    int digits = m.group(3).length();
    if (!validMonth(m.group(2))) {
      return false;
    }
    int yymm = yy * 100 + Integer.parseInt(m.group(2));
    // 4-digit numbers were used from 0704 to 1412, 5-digit numbers from 1501 on.
    return digits == 4 ? yymm >= 704 && yymm <= 1412 : yymm >= 1501;
  }

  private static boolean validMonth(String mm) {
    int month = Integer.parseInt(mm);
    return month >= 1 && month <= 12;
  }

  static int versionSuffix(String text) {
    Matcher v = VERSION.matcher(text);
    return v.find() ? Integer.parseInt(v.group(1)) : 0;
  }

  static String stripVersion(String text) {
    return VERSION.matcher(text).replaceFirst("");
  }

  static String stripPrefix(String text) {
    String t = text.strip();
    if (t.toLowerCase(Locale.ROOT).startsWith("arxiv:")) {
      t = t.substring("arxiv:".length()).strip();
    }
    return t;
  }

  /** True for ids of the pre-2007 scheme ({@code archive/YYMMNNN}). */
  public boolean isOldStyle() {
    return value.indexOf('/') >= 0;
  }

  /** The month the id was assigned, which is the month of first submission. */
  public YearMonth yearMonth() {
    String digits = isOldStyle() ? value.substring(value.indexOf('/') + 1) : value;
    int yy = Integer.parseInt(digits.substring(0, 2));
    int mm = Integer.parseInt(digits.substring(2, 4));
    // Old-style ids start in 1991; new-style ids in 2007.
    int year = yy >= 91 ? 1900 + yy : 2000 + yy;
    return YearMonth.of(year, mm);
  }

  public String absUrl() {
    return "https://arxiv.org/abs/" + value;
  }

  public String pdfUrl() {
    return "https://arxiv.org/pdf/" + value;
  }

  @Override
  public int compareTo(ArxivId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
