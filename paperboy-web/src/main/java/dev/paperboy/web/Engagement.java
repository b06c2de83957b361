package dev.paperboy.web;

import dev.paperboy.core.community.Comment;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.web.view.Cards;
import dev.paperboy.web.view.Views;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Adds what the community features know to the cards of a page, in one store call per kind for the
 * whole page: whether the viewer upvoted each paper, and how many comments each has.
 */
final class Engagement {
  private final @Nullable Community community;
  private final WebSecurity security;
  private @Nullable Library library;

  Engagement(@Nullable Community community, WebSecurity security) {
    this.community = community;
    this.security = security;
  }

  /** Shows the viewer's saved papers on the cards too (the library's Save button). */
  Engagement withLibrary(@Nullable Library library) {
    this.library = library;
    return this;
  }

  List<Views.PaperCard> decorate(Context ctx, List<Views.PaperCard> cards) {
    if (community == null || cards.isEmpty()) {
      return cards;
    }
    cards = LibraryActions.markSaved(library, security, ctx, cards);
    List<ArxivId> ids = cards.stream().map(c -> new ArxivId(c.id())).toList();
    java.util.Map<ArxivId, Integer> comments = community.comments().countsOf(ids);
    Set<ArxivId> upvoted =
        security
            .principal(ctx)
            .map(p -> community.votes().upvotedAmong(p.user().id(), ids))
            .orElse(Set.of());
    List<Views.PaperCard> out = new ArrayList<>(cards.size());
    for (Views.PaperCard c : cards) {
      ArxivId id = new ArxivId(c.id());
      out.add(Cards.withCommunity(c, upvoted.contains(id), comments.getOrDefault(id, 0)));
    }
    return out;
  }

  /**
   * A paper's discussion for the viewer: top-level comments oldest first, each with its replies;
   * hidden comments only for moderators (marked), deleted ones as "[deleted]" while they have
   * replies.
   */
  List<Views.CommentView> threads(Context ctx, ArxivId paper) {
    if (community == null) {
      return List.of();
    }
    var viewer = security.principal(ctx).map(p -> p.user()).orElse(null);
    boolean moderator =
        viewer != null && viewer.role().atLeast(dev.paperboy.core.security.Role.MODERATOR);
    List<Comment> all = community.comments().ofPaper(paper);
    java.util.Map<String, List<Views.CommentView>> replies = new java.util.HashMap<>();
    for (Comment c : all) {
      if (c.parentId() != null && (moderator || !c.hidden())) {
        replies
            .computeIfAbsent(c.parentId(), k -> new ArrayList<>())
            .add(view(c, viewer, List.of()));
      }
    }
    List<Views.CommentView> out = new ArrayList<>();
    for (Comment c : all) {
      if (c.parentId() == null && (moderator || !c.hidden())) {
        List<Views.CommentView> rs = replies.getOrDefault(c.id(), List.of());
        if (c.deleted() && rs.isEmpty()) {
          continue;
        }
        out.add(view(c, viewer, rs));
      }
    }
    return out;
  }

  private static Views.CommentView view(
      Comment c, dev.paperboy.core.account.@Nullable User viewer, List<Views.CommentView> replies) {
    boolean mine = viewer != null && viewer.id().equals(c.authorId()) && !c.deleted();
    return new Views.CommentView(
        c.id(),
        c.deleted() || c.authorName() == null ? "[deleted]" : c.authorName(),
        c.deleted() ? "<p><em>[deleted]</em></p>" : CommentMarkdown.render(c.body()),
        AccountRoutes.WHEN.format(c.createdAt()),
        c.editedAt() != null,
        c.deleted(),
        c.hidden(),
        mine,
        replies);
  }

  Views.PaperCard decorate(Context ctx, Views.PaperCard card) {
    return decorate(ctx, List.of(card)).get(0);
  }
}
