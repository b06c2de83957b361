package dev.paperboy.web;

import dev.paperboy.core.library.ForYou;
import dev.paperboy.core.library.LibraryStore;
import dev.paperboy.core.security.RateLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * The ports and settings of readers' libraries (issue 9: saved papers, collections, follows, "For
 * you", BibTeX), handed to {@link WebServer#library}. Needs the community features (accounts);
 * built by {@code paperboy-app}.
 *
 * @param forYou the "For you" ranking, built around the recommender the digest uses
 * @param config limits and sizes
 */
public record Library(LibraryStore store, ForYou forYou, Config config) {
  public Library {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(forYou, "forYou");
    Objects.requireNonNull(config, "config");
  }

  /**
   * The library's settings.
   *
   * @param importsPerUser BibTeX imports a user may run per window ({@code library.imports})
   * @param writesPerUser saves, collection and follow changes per user ({@code library.writes})
   * @param maxImportBytes the largest BibTeX file accepted ({@code library.import.max-bytes})
   * @param forYouSize papers on the "For you" list ({@code library.for-you.size})
   * @param followingDays how far back the "Following" page looks ({@code library.following.days})
   */
  public record Config(
      RateLimit importsPerUser,
      RateLimit writesPerUser,
      int maxImportBytes,
      int forYouSize,
      int followingDays) {
    public Config {
      Objects.requireNonNull(importsPerUser, "importsPerUser");
      Objects.requireNonNull(writesPerUser, "writesPerUser");
      if (maxImportBytes < 1024 || maxImportBytes > 50 * 1024 * 1024) {
        throw new IllegalArgumentException(
            "library.import.max-bytes must be 1 KiB..50 MiB, got " + maxImportBytes);
      }
      if (forYouSize < 1 || forYouSize > 200) {
        throw new IllegalArgumentException(
            "library.for-you.size must be 1..200, got " + forYouSize);
      }
      if (followingDays < 1 || followingDays > 365) {
        throw new IllegalArgumentException(
            "library.following.days must be 1..365, got " + followingDays);
      }
    }

    /** 10 imports an hour, 600 writes an hour, 2 MiB files, 30 picks, 14 days. */
    public static Config defaults() {
      return new Config(
          new RateLimit("library-import", 10, Duration.ofHours(1)),
          new RateLimit("library-write", 600, Duration.ofHours(1)),
          2 * 1024 * 1024,
          30,
          14);
    }
  }
}
