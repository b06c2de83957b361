package dev.paperboy.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikeKind;
import dev.paperboy.core.recommend.LikedPapers;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileLikesTest {
  static final UserId U = UserId.random();
  static final Instant T = Instant.parse("2025-06-20T00:00:00Z");
  static final ArxivId A = ArxivId.parse("2506.00001");
  static final ArxivId B = ArxivId.parse("2506.00002");
  static final ArxivId C = ArxivId.parse("2506.00003");

  /** A library with fixed saves and reset time (only the two methods ProfileLikes reads). */
  static LibraryStore library(List<Like> saves, Optional<Instant> reset) {
    return (LibraryStore)
        Proxy.newProxyInstance(
            LibraryStore.class.getClassLoader(),
            new Class<?>[] {LibraryStore.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "savedLikes" -> saves;
                  case "profileResetAt" -> reset;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void savesAndUpvotesCountOnceNewestFirst() {
    LikedPapers upvotes =
        (u, n) ->
            List.of(
                new Like(B, LikeKind.UPVOTE, T.plusSeconds(30)),
                new Like(A, LikeKind.UPVOTE, T.plusSeconds(5)));
    LibraryStore lib =
        library(
            List.of(new Like(C, LikeKind.SAVE, T.plusSeconds(20)), new Like(A, LikeKind.SAVE, T)),
            Optional.empty());
    assertThat(new ProfileLikes(lib, upvotes).likesOf(U, 10))
        .containsExactly(
            new Like(B, LikeKind.UPVOTE, T.plusSeconds(30)),
            new Like(C, LikeKind.SAVE, T.plusSeconds(20)),
            new Like(A, LikeKind.UPVOTE, T.plusSeconds(5)));
  }

  @Test
  void likesFromBeforeAResetDoNotCount() {
    LikedPapers upvotes = (u, n) -> List.of(new Like(B, LikeKind.UPVOTE, T.plusSeconds(30)));
    LibraryStore lib =
        library(List.of(new Like(A, LikeKind.SAVE, T)), Optional.of(T.plusSeconds(10)));
    assertThat(new ProfileLikes(lib, upvotes).likesOf(U, 10))
        .containsExactly(new Like(B, LikeKind.UPVOTE, T.plusSeconds(30)));
  }
}
