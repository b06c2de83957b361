package dev.paperboy.core.paper;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds a paper's code repository in its own text: the first GitHub or GitLab repository URL in the
 * abstract, else in the comments ("Code: https://github.com/org/repo"). A pure function, applied by
 * the {@link dev.paperboy.core.ingest.Importer} to every record that has no code link, so every
 * source gets the same rule; the link is marked as found in text ({@link Paper#codeUrlFromText()})
 * and gives way to a curated one ({@link PaperMerge}).
 *
 * <p>What counts: {@code github.com/OWNER/REPO} and {@code gitlab.com/GROUP[/SUBGROUP...]/PROJECT},
 * with or without {@code https://} or {@code www.}. The result is normalised to {@code
 * https://github.com/OWNER/REPO}: deeper paths ({@code /tree/main/src}, GitLab's {@code /-/...}),
 * queries, fragments, a {@code .git} suffix and sentence punctuation are dropped. Pages that are
 * not repositories (a user's page {@code github.com/someone}, {@code github.com/topics/...}, gists)
 * are skipped.
 */
public final class CodeLinks {
  // Owner: GitHub user/org names are alphanumerics and single hyphens; repository names are
  // [A-Za-z0-9._-]. LaTeX braces, brackets and quotes end the match naturally.
  private static final Pattern GITHUB =
      Pattern.compile(
          "(?<![\\w.-])(?:https?://)?(?:www\\.)?github\\.com/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))"
              + "/([A-Za-z0-9._-]{1,100})",
          Pattern.CASE_INSENSITIVE);
  // GitLab nests groups; "/-/" starts the project's own pages (tree, blob, issues).
  private static final Pattern GITLAB =
      Pattern.compile(
          "(?<![\\w.-])(?:https?://)?(?:www\\.)?gitlab\\.com/((?:[A-Za-z0-9_.][A-Za-z0-9_.-]*/){1,5}"
              + "[A-Za-z0-9_.][A-Za-z0-9_.-]*)",
          Pattern.CASE_INSENSITIVE);

  // First path segments of github.com that are site pages, not owners.
  private static final Set<String> GITHUB_NOT_OWNERS =
      Set.of(
          "about",
          "apps",
          "collections",
          "enterprise",
          "features",
          "login",
          "marketplace",
          "orgs",
          "pricing",
          "settings",
          "site",
          "sponsors",
          "topics",
          "trending",
          "users",
          "search",
          "explore",
          "notifications",
          "security",
          "customer-stories",
          "readme");
  private static final Set<String> GITLAB_NOT_GROUPS =
      Set.of("explore", "users", "help", "search", "dashboard", "-");

  private CodeLinks() {}

  /** The first repository URL in {@code abstractText}, else in {@code comments}. */
  public static Optional<String> find(@Nullable String abstractText, @Nullable String comments) {
    String found = first(abstractText);
    if (found == null) {
      found = first(comments);
    }
    return Optional.ofNullable(found);
  }

  /**
   * {@code paper} with a code link found in its text when it has no code link at all; otherwise
   * {@code paper} itself (a link it already has, curated or found, is kept).
   */
  public static Paper fill(Paper paper) {
    if (paper.codeUrl() != null) {
      return paper;
    }
    Optional<String> found = find(paper.abstractText(), paper.comments());
    return found.isEmpty() ? paper : paper.toBuilder().codeUrl(found.get(), true).build();
  }

  private static @Nullable String first(@Nullable String text) {
    if (text == null || !mentionsGit(text)) {
      return null;
    }
    String best = null;
    int bestAt = Integer.MAX_VALUE;
    Matcher g = GITHUB.matcher(text);
    while (g.find()) {
      String owner = g.group(1);
      String repo = trimRepo(g.group(2));
      if (repo.isEmpty() || GITHUB_NOT_OWNERS.contains(owner.toLowerCase(Locale.ROOT))) {
        continue;
      }
      best = "https://github.com/" + owner + "/" + repo;
      bestAt = g.start();
      break;
    }
    Matcher l = GITLAB.matcher(text);
    while (l.find() && l.start() < bestAt) {
      String path = gitlabProject(l.group(1));
      if (path != null) {
        return "https://gitlab.com/" + path;
      }
    }
    return best;
  }

  private static @Nullable String gitlabProject(String path) {
    String[] segments = path.split("/");
    if (GITLAB_NOT_GROUPS.contains(segments[0].toLowerCase(Locale.ROOT))) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (String s : segments) {
      String t = trimRepo(s);
      if (t.isEmpty()) {
        break;
      }
      if (!out.isEmpty()) {
        out.append('/');
      }
      out.append(t);
      if (!t.equals(s)) {
        break; // punctuation ended the URL inside this segment
      }
    }
    return out.indexOf("/") < 0 ? null : out.toString();
  }

  /** Drops sentence punctuation and a {@code .git} suffix from the end of a repository name. */
  private static String trimRepo(String repo) {
    String r = repo;
    boolean changed = true;
    while (changed && !r.isEmpty()) {
      changed = false;
      if (r.toLowerCase(Locale.ROOT).endsWith(".git")) {
        r = r.substring(0, r.length() - 4);
        changed = true;
      }
      if (r.endsWith(".")) {
        r = r.substring(0, r.length() - 1);
        changed = true;
      }
    }
    return r;
  }

  /** A cheap test that rules out almost every abstract before the patterns run. */
  private static boolean mentionsGit(String s) {
    int n = s.length() - 3;
    for (int i = 0; i <= n; i++) {
      char c = s.charAt(i);
      if ((c == 'g' || c == 'G') && s.regionMatches(true, i, "git", 0, 3)) {
        return true;
      }
    }
    return false;
  }
}
