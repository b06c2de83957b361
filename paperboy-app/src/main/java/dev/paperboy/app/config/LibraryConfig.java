package dev.paperboy.app.config;

import dev.paperboy.core.library.NotInterestedModel;
import dev.paperboy.core.security.RateLimit;
import dev.paperboy.web.Library;
import dev.paperboy.web.RateLimits;
import java.util.Set;

/**
 * Readers' libraries (issue 9), on whenever the community features are.
 *
 * <p>Keys (defaults in brackets): {@code library.imports.user} [10/1h: BibTeX imports per user],
 * {@code library.writes.user} [600/1h: saves, collection and follow changes per user], {@code
 * library.import.max.bytes} [2097152], {@code library.foryou.size} [30 papers], {@code
 * library.foryou.days} [14: how many days of lists count as new for "For you"], {@code
 * library.following.days} [14], {@code library.notinterested.weight} [0.5: how much a paper near
 * one marked "not interested" is pushed down, on "For you" and in the digest's personal picks
 * alike].
 *
 * @param web the settings the web server reads
 * @param forYouDays days of lists whose papers "For you" ranks
 * @param notInterestedWeight the cost of a dismissed neighbour (core NotInterestedModel)
 */
public record LibraryConfig(Library.Config web, int forYouDays, double notInterestedWeight) {
  public static final Set<String> KEYS =
      Set.of(
          "library.imports.user",
          "library.writes.user",
          "library.import.max.bytes",
          "library.foryou.size",
          "library.foryou.days",
          "library.following.days",
          "library.notinterested.weight");

  public static LibraryConfig from(Settings s) {
    Library.Config d = Library.Config.defaults();
    Library.Config web =
        new Library.Config(
            limit(s, "library.imports.user", d.importsPerUser()),
            limit(s, "library.writes.user", d.writesPerUser()),
            s.getInt("library.import.max.bytes", d.maxImportBytes(), 1024, 50 * 1024 * 1024),
            s.getInt("library.foryou.size", d.forYouSize(), 1, 200),
            s.getInt("library.following.days", d.followingDays(), 1, 365));
    return new LibraryConfig(
        web,
        s.getInt("library.foryou.days", 14, 1, 365),
        s.getDouble("library.notinterested.weight", NotInterestedModel.DEFAULT_WEIGHT, 0, 10));
  }

  private static RateLimit limit(Settings s, String key, RateLimit fallback) {
    return s.find(key)
        .map(
            text -> {
              try {
                return RateLimits.parse(fallback.name(), text);
              } catch (IllegalArgumentException e) {
                throw s.wrong(key, "COUNT/WINDOW such as 10/1h or 120/1m");
              }
            })
        .orElse(fallback);
  }
}
