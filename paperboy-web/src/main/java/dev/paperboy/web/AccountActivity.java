package dev.paperboy.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.core.account.User;
import dev.paperboy.web.view.Views;
import java.util.List;

/**
 * What a user did on the site, for their account page and their data export: submissions, upvotes
 * and comments. Each feature adds its part here, so the page and the export never miss one.
 */
final class AccountActivity {
  /** The account page's lists, newest first. */
  record Lists(
      List<Views.ActivityItem> submissions,
      List<Views.ActivityItem> upvotes,
      List<Views.ActivityItem> comments) {}

  private final Community community;

  AccountActivity(Community community) {
    this.community = community;
  }

  Lists of(User user) {
    return new Lists(List.of(), List.of(), List.of());
  }

  /** Adds the user's submissions, upvotes and comments to an export document. */
  void export(User user, ObjectNode out) {
    out.putArray("submissions");
    out.putArray("upvotes");
    out.putArray("comments");
  }

  Community community() {
    return community;
  }
}
