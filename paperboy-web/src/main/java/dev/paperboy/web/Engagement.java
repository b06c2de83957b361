package dev.paperboy.web;

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

  Engagement(@Nullable Community community, WebSecurity security) {
    this.community = community;
    this.security = security;
  }

  List<Views.PaperCard> decorate(Context ctx, List<Views.PaperCard> cards) {
    if (community == null || cards.isEmpty()) {
      return cards;
    }
    List<ArxivId> ids = cards.stream().map(c -> new ArxivId(c.id())).toList();
    Set<ArxivId> upvoted =
        security
            .principal(ctx)
            .map(p -> community.votes().upvotedAmong(p.user().id(), ids))
            .orElse(Set.of());
    List<Views.PaperCard> out = new ArrayList<>(cards.size());
    for (Views.PaperCard c : cards) {
      ArxivId id = new ArxivId(c.id());
      out.add(Cards.withCommunity(c, upvoted.contains(id), c.numComments()));
    }
    return out;
  }

  Views.PaperCard decorate(Context ctx, Views.PaperCard card) {
    return decorate(ctx, List.of(card)).get(0);
  }
}
