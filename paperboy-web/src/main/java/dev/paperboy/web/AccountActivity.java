package dev.paperboy.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.core.account.User;
import dev.paperboy.core.community.Submission;
import dev.paperboy.core.community.Vote;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.web.view.Views;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user did on the site, for their account page and their data export: submissions, upvotes
 * and comments. Each feature adds its part here, so the page and the export never miss one.
 */
final class AccountActivity {
  /** Items per list on the account page (the export has everything). */
  static final int ON_PAGE = 50;

  /** The most of each kind an export holds. */
  static final int IN_EXPORT = 100_000;

  /** The account page's lists, newest first. */
  record Lists(
      List<Views.ActivityItem> submissions,
      List<Views.ActivityItem> upvotes,
      List<Views.ActivityItem> comments) {}

  private final Community community;
  private final PaperStore store;

  AccountActivity(Community community, PaperStore store) {
    this.community = community;
    this.store = store;
  }

  Lists of(User user) {
    List<Submission> subs = community.submissions().submissionsOf(user.id(), ON_PAGE);
    List<Vote> votes = community.votes().votesOf(user.id(), ON_PAGE);
    List<ArxivId> ids = new ArrayList<>();
    subs.forEach(s -> ids.add(s.paperId()));
    votes.forEach(v -> ids.add(v.paperId()));
    Map<ArxivId, String> titles = titles(ids);
    List<Views.ActivityItem> submissions = new ArrayList<>();
    for (Submission s : subs) {
      submissions.add(
          new Views.ActivityItem(
              "/papers/" + s.paperId(),
              titles.getOrDefault(s.paperId(), s.paperId().value()),
              "on the list of " + s.day(),
              null));
    }
    List<Views.ActivityItem> upvotes = new ArrayList<>();
    for (Vote v : votes) {
      upvotes.add(
          new Views.ActivityItem(
              "/papers/" + v.paperId(),
              titles.getOrDefault(v.paperId(), v.paperId().value()),
              AccountRoutes.WHEN.format(v.createdAt()),
              null));
    }
    List<Views.ActivityItem> comments = new ArrayList<>();
    var mine = community.comments().ofUser(user.id(), ON_PAGE);
    Map<ArxivId, String> commented = titles(mine.stream().map(c -> c.paperId()).toList());
    for (var c : mine) {
      String text = c.body().length() > 140 ? c.body().substring(0, 140) + "\u2026" : c.body();
      comments.add(
          new Views.ActivityItem(
              "/papers/" + c.paperId() + "#c-" + c.id(),
              commented.getOrDefault(c.paperId(), c.paperId().value()),
              AccountRoutes.WHEN.format(c.createdAt())
                  + (c.hidden() ? " · hidden by moderators" : ""),
              text));
    }
    return new Lists(submissions, upvotes, comments);
  }

  /** Adds the user's submissions, upvotes and comments to an export document. */
  void export(User user, ObjectNode out) {
    ArrayNode subs = out.putArray("submissions");
    for (Submission s : community.submissions().submissionsOf(user.id(), IN_EXPORT)) {
      subs.addObject()
          .put("paper", s.paperId().value())
          .put("day", s.day().toString())
          .put("submittedAt", HfJson.instant(s.createdAt()));
    }
    ArrayNode votes = out.putArray("upvotes");
    for (Vote v : community.votes().votesOf(user.id(), IN_EXPORT)) {
      votes
          .addObject()
          .put("paper", v.paperId().value())
          .put("upvotedAt", HfJson.instant(v.createdAt()));
    }
    ArrayNode comments = out.putArray("comments");
    for (var c : community.comments().ofUser(user.id(), IN_EXPORT)) {
      ObjectNode o =
          comments
              .addObject()
              .put("id", c.id())
              .put("paper", c.paperId().value())
              .put("markdown", c.body())
              .put("createdAt", HfJson.instant(c.createdAt()));
      if (c.parentId() != null) {
        o.put("parentId", c.parentId());
      }
      if (c.editedAt() != null) {
        o.put("editedAt", HfJson.instant(c.editedAt()));
      }
      o.put("hidden", c.hidden());
    }
  }

  private Map<ArxivId, String> titles(Collection<ArxivId> ids) {
    Map<ArxivId, String> out = new HashMap<>();
    for (Paper p : store.findPapers(ids)) {
      out.put(p.id(), p.title());
    }
    return out;
  }
}
