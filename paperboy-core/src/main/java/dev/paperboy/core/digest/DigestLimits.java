package dev.paperboy.core.digest;

/**
 * How many papers each section of a digest holds at most.
 *
 * @param trending papers in the trending section
 * @param picks personal picks
 * @param perAlert new papers per saved-topic alert
 * @param alerts papers in the alerts section in all
 */
public record DigestLimits(int trending, int picks, int perAlert, int alerts) {
  public static final DigestLimits DEFAULTS = new DigestLimits(10, 5, 5, 15);

  public DigestLimits {
    check("trending", trending);
    check("picks", picks);
    check("perAlert", perAlert);
    check("alerts", alerts);
  }

  private static void check(String field, int value) {
    if (value < 0 || value > 100) {
      throw new IllegalArgumentException(
          "digest limit " + field + " must be 0..100, " + field + ": " + value);
    }
  }
}
