package dev.paperboy.web.view;

import dev.paperboy.web.view.Views.Choice;
import dev.paperboy.web.view.Views.FeedLink;
import dev.paperboy.web.view.Views.PageMeta;
import dev.paperboy.web.view.Views.PaperCard;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The records the library's templates render (issue 9). */
public final class LibraryViews {
  private LibraryViews() {}

  /** A saved paper on the Saved page: its card, reading state and private note. */
  public record SavedRow(PaperCard card, String state, String note, String savedOn) {
    public boolean read() {
      return "read".equals(state);
    }
  }

  /** The Saved page. */
  public record SavedView(
      PageMeta meta,
      String q,
      List<Choice> modes,
      List<Choice> states,
      List<SavedRow> rows,
      int total,
      Views.Pager pager,
      @Nullable String notice) {}

  /** A collection in a list of them. */
  public record CollectionRow(
      String id, String name, boolean isPublic, int size, String updated, boolean holds) {}

  /** The Collections page: the user's collections and a form to make one. */
  public record CollectionsView(
      PageMeta meta, List<CollectionRow> collections, @Nullable String error) {}

  /** A paper in a collection, with why it is there. */
  public record ItemRow(PaperCard card, String note, int position, boolean first, boolean last) {}

  /** A paper on a personal list with why it is there. */
  public record PickRow(PaperCard card, String reason) {}

  /** An import's outcome, for the collection page. */
  public record ImportNotice(
      int entries, int added, int already, List<String> skipped, List<String> errors) {}

  /** A collection's page, for its owner (with controls) or anyone with the link (public). */
  public record CollectionView(
      PageMeta meta,
      String id,
      String name,
      String description,
      boolean isPublic,
      boolean owner,
      String ownerName,
      List<ItemRow> items,
      List<PickRow> moreLikeThese,
      FeedLink feed,
      String shareUrl,
      @Nullable ImportNotice imported,
      @Nullable String error) {}

  /** Something followed, with the form values to unfollow it. */
  public record FollowRow(String kind, String name, String label) {}

  /** The Following page. */
  public record FollowingView(
      PageMeta meta,
      List<FollowRow> follows,
      List<PickRow> papers,
      int days,
      @Nullable String error) {}

  /** The For-you page. */
  public record ForYouView(
      PageMeta meta,
      List<PickRow> picks,
      int likes,
      @Nullable String resetOn,
      boolean following,
      boolean needsEmbeddings) {}

  /** An author or category on a paper's library page, and whether the viewer follows it. */
  public record Followable(String kind, String name, String label, boolean followed) {}

  /** A paper's library page: save, state, note, collections, follows. */
  public record PaperLibraryView(
      PageMeta meta,
      PaperCard card,
      boolean saved,
      String state,
      String note,
      List<CollectionRow> collections,
      List<Followable> followables) {}
}
