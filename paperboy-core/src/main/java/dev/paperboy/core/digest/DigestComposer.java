package dev.paperboy.core.digest;

import dev.paperboy.core.library.NotInterestedModel;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.recommend.LikedItem;
import dev.paperboy.core.recommend.Pick;
import dev.paperboy.core.recommend.Recommender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Composes one subscriber's digest of one edition: a pure function of the edition's inputs and the
 * subscriber.
 *
 * <p>The rules, in order:
 *
 * <ol>
 *   <li>A quiet edition (arXiv announced nothing) is the note for subscribers who chose {@link
 *       QuietDays#NOTE}, and nothing for the others.
 *   <li>Sections are filled from the most specific to the least: alerts (the reader asked for
 *       these), then personal picks, then trending; a paper already placed is not placed again, so
 *       no paper appears twice in one digest, and it keeps its most specific reason.
 *   <li>Papers of the subscriber's latest editions ({@link Recipient#recent()}) are left out, so no
 *       paper is repeated in consecutive editions.
 *   <li>Papers the reader marked "not interested" ({@link Dismissals}) are left out of every
 *       section, and their near neighbours are pushed down among the picks by the same {@link
 *       NotInterestedModel} (same marks, same weight) as on the "For you" list, so both rank alike.
 *   <li>Every section keeps to the subscriber's categories.
 *   <li>When nobody has upvoted a paper in the subscriber's categories yet, the trending section
 *       holds the period's newest papers instead ({@link Reason.Kind#NEW}), so a digest is never
 *       empty just because there are no votes.
 * </ol>
 *
 * <p>Thread-safe: composing runs in parallel over subscribers.
 */
public final class DigestComposer {
  private final DigestLimits limits;
  private final Recommender recommender;
  private final double notInterestedWeight;

  /** A composer whose "not interested" weight is the default one. */
  public DigestComposer(DigestLimits limits, Recommender recommender) {
    this(limits, recommender, NotInterestedModel.DEFAULT_WEIGHT);
  }

  /**
   * @param recommender the shared personal-picks recommender (the one "For you" wraps too)
   * @param notInterestedWeight the cost of a dismissed neighbour ({@link NotInterestedModel}),
   *     {@code library.notinterested.weight} as "For you" has it
   */
  public DigestComposer(DigestLimits limits, Recommender recommender, double notInterestedWeight) {
    if (limits == null || recommender == null) {
      throw new IllegalArgumentException("limits and recommender must not be null");
    }
    if (!(notInterestedWeight >= 0)) {
      throw new IllegalArgumentException(
          "notInterestedWeight must be >= 0, notInterestedWeight: " + notInterestedWeight);
    }
    this.limits = limits;
    this.recommender = recommender;
    this.notInterestedWeight = notInterestedWeight;
  }

  public double notInterestedWeight() {
    return notInterestedWeight;
  }

  public DigestLimits limits() {
    return limits;
  }

  public Recommender recommender() {
    return recommender;
  }

  /**
   * The subscriber's content, possibly empty (nothing to send).
   *
   * @param liked the subscriber's account's liked papers with vectors (empty without an account)
   * @param now the edition's time (likes age from it)
   */
  public EditionContent compose(
      Edition edition,
      Recipient recipient,
      List<LikedItem> liked,
      EditionInputs inputs,
      Instant now) {
    return compose(edition, recipient, liked, Dismissals.NONE, inputs, now);
  }

  /**
   * The subscriber's content, possibly empty (nothing to send).
   *
   * @param liked the subscriber's account's liked papers with vectors (empty without an account)
   * @param dismissed the account's "not interested" marks ({@link Dismissals#NONE} without one)
   * @param now the edition's time (likes age from it)
   */
  public EditionContent compose(
      Edition edition,
      Recipient recipient,
      List<LikedItem> liked,
      Dismissals dismissed,
      EditionInputs inputs,
      Instant now) {
    DigestPreferences prefs = recipient.preferences();
    if (edition.quiet()) {
      return prefs.quietDays() == QuietDays.NOTE
          ? EditionContent.quiet(edition.quietNote())
          : new EditionContent(List.of(), null);
    }
    // A dismissed paper counts as placed already: no section can take it.
    Set<ArxivId> used = new HashSet<>(recipient.recent());
    used.addAll(dismissed.papers());
    List<DigestItem> items = new ArrayList<>();

    if (prefs.wants(Section.ALERTS) && limits.alerts() > 0) {
      int total = 0;
      for (String query : recipient.alerts()) {
        String text;
        try {
          text = new Alert(recipient.id(), query, now).searchText();
        } catch (IllegalArgumentException e) {
          continue; // an alert stored before a stricter rule: skip it rather than fail the digest
        }
        int forThis = 0;
        for (ArxivId id : inputs.alertMatches().apply(text)) {
          if (forThis >= limits.perAlert() || total >= limits.alerts()) {
            break;
          }
          if (!used.contains(id) && prefs.includes(inputs.categoriesOf(id))) {
            used.add(id);
            items.add(new DigestItem(id, Section.ALERTS, Reason.alert(query)));
            forThis++;
            total++;
          }
        }
      }
    }

    if (prefs.wants(Section.PICKS) && limits.picks() > 0 && !liked.isEmpty()) {
      Recommender ranking =
          dismissed.vectors().isEmpty()
              ? recommender
              : NotInterestedModel.recommender(
                  recommender, dismissed.vectors(), notInterestedWeight);
      List<Pick> picks =
          ranking.recommend(
              liked,
              inputs.newPapers(),
              limits.picks(),
              id -> !used.contains(id) && prefs.includes(inputs.categoriesOf(id)),
              now);
      for (Pick p : picks) {
        used.add(p.paper());
        items.add(
            new DigestItem(
                p.paper(),
                Section.PICKS,
                Reason.similar(p.because().title(), p.because().like().kind().verb())));
      }
    }

    if (prefs.wants(Section.TRENDING) && limits.trending() > 0) {
      int n = 0;
      boolean upvoted = false; // anything upvoted in the subscriber's categories
      for (TrendingPaper t : inputs.trending()) {
        if (n >= limits.trending()) {
          break;
        }
        if (t.upvotes() > 0 && prefs.includes(t.categories())) {
          upvoted = true;
          if (!used.contains(t.paper())) {
            used.add(t.paper());
            items.add(new DigestItem(t.paper(), Section.TRENDING, Reason.trending(t.upvotes())));
            n++;
          }
        }
      }
      if (!upvoted) {
        // Nobody upvoted anything here yet (an install with arXiv data only, or a quiet corner):
        // the period's newest papers, as the day pages list them, rather than no section at all.
        boolean inCategories = !prefs.categories().isEmpty();
        for (ListedPaper p : inputs.newest()) {
          if (n >= limits.trending()) {
            break;
          }
          if (!used.contains(p.paper()) && prefs.includes(p.categories())) {
            used.add(p.paper());
            items.add(
                new DigestItem(p.paper(), Section.TRENDING, Reason.newest(p.day(), inCategories)));
            n++;
          }
        }
      }
    }
    return EditionContent.of(items, null);
  }
}
