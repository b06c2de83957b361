package dev.paperboy.ingest.support;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Tells a withdrawn paper from its comments. arXiv keeps withdrawn papers and announces a last
 * version whose comments say so, in the submitter's words: "This paper has been withdrawn by the
 * author due to a crucial error", "Withdrawn", "withdrawn due to ...", "The authors withdraw this
 * paper". Old records replace the abstract with the same sentence instead.
 *
 * <p>The phrases are narrow on purpose: a comment that merely mentions a withdrawal ("supersedes a
 * paper withdrawn from ICML") must not mark the paper.
 */
public final class Withdrawal {
  // Comments that are the withdrawal notice: they start with "withdrawn" ("Withdrawn.",
  // "withdrawn due to an error in eq. 3") ...
  private static final Pattern STARTS_WITHDRAWN =
      Pattern.compile("^\\W*(?:paper\\s+)?withdrawn\\b", Pattern.CASE_INSENSITIVE);
  // ... or say that the paper/submission has been (is) withdrawn, or that the authors withdraw
  // it. Not "was withdrawn": "an earlier version was withdrawn from ICLR" is history, not notice.
  private static final Pattern SAYS_WITHDRAWN =
      Pattern.compile(
          "\\b(?:paper|article|submission|manuscript|preprint|this)\\s+"
              + "(?:has\\s+been|have\\s+been|is\\s+being|is)\\s+withdrawn\\b"
              + "|\\bwithdrawn\\s+by\\s+(?:the\\s+)?(?:author|authors|submitter|arxiv|administrators?)\\b"
              + "|\\bwithdraw(?:s|n)?\\s+(?:this|the|our)\\s+"
              + "(?:paper|article|submission|manuscript|preprint|work)\\b",
          Pattern.CASE_INSENSITIVE);

  private Withdrawal() {}

  /**
   * True when {@code comments} are a withdrawal notice, or the abstract opens with one (older
   * withdrawn records put the notice in place of the abstract).
   */
  public static boolean isWithdrawn(@Nullable String comments, @Nullable String abstractText) {
    if (comments != null
        && mentionsWithdrawal(comments)
        && (STARTS_WITHDRAWN.matcher(comments).find() || SAYS_WITHDRAWN.matcher(comments).find())) {
      return true;
    }
    if (abstractText != null && mentionsWithdrawal(abstractText)) {
      // Only the first sentence: later sentences may well discuss some other withdrawal.
      String opening = abstractText.strip();
      int end = opening.indexOf(". ");
      opening = end < 0 ? opening : opening.substring(0, end + 1);
      return STARTS_WITHDRAWN.matcher(opening).find() || SAYS_WITHDRAWN.matcher(opening).find();
    }
    return false;
  }

  /** A cheap test that rules out almost every text before the patterns run. */
  private static boolean mentionsWithdrawal(String s) {
    int n = s.length() - "withdr".length();
    for (int i = 0; i <= n; i++) {
      char c = s.charAt(i);
      if ((c == 'w' || c == 'W') && s.regionMatches(true, i, "withdr", 0, 6)) {
        return true;
      }
    }
    return false;
  }
}
