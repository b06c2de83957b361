package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.Highlighted;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.search.SearchResult;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperboy search QUERY}: searches the index and prints ranked papers with snippets. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search papers by keywords (BM25), by meaning (semantic) or both (hybrid).",
      "Query syntax: words, \"quoted phrases\", -excluded, prefix*."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:search ran (even with no hits)", "1:the search failed", "2:bad usage"})
public final class SearchCommand implements Callable<Integer> {
  private static final String BOLD = "\033[1m";
  private static final String MATCH = "\033[1;33m";
  private static final String RESET = "\033[0m";

  @Mixin DataOptions data;

  @Option(
      names = {"-n", "--limit"},
      defaultValue = "10",
      description = "Number of results (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "Results to skip.")
  int offset;

  @Option(
      names = "--mode",
      description =
          "bm25 (keywords), semantic (meaning) or hybrid (both fused). Default: hybrid, or bm25"
              + " when semantic search is off.")
  @Nullable String mode;

  @Option(
      names = {"-c", "--category"},
      paramLabel = "CAT",
      description = "Only papers in this arXiv category (repeatable), e.g. cs.CL.")
  List<String> categories = List.of();

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "Only papers dated on or after.")
  @Nullable LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM-DD",
      description = "Only papers dated on or before.")
  @Nullable LocalDate to;

  @Option(names = "--code", description = "Only papers with a code repository.")
  boolean codeOnly;

  @Option(
      names = "--color",
      negatable = true,
      description = "Highlight matches with ANSI colours (default: on a terminal).")
  @Nullable Boolean color;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to search for.")
  List<String> words;

  @Override
  public Integer call() {
    SearchMode chosen = mode == null ? null : SearchMode.parse(mode);
    try (AppContext app = AppContext.open(data.load(System.getenv(), Map.of()))) {
      if (chosen == null) {
        chosen = app.searchModes().iterator().next();
      } else if (!app.searchModes().contains(chosen)) {
        throw new IllegalArgumentException(
            chosen.label() + " search is switched off here (search.semantic=false)");
      }
      return run(app, chosen);
    }
  }

  private int run(AppContext app, SearchMode chosen) {
    SearchQuery query =
        new SearchQuery(
            String.join(" ", words),
            chosen,
            new LinkedHashSet<>(categories),
            from,
            to,
            codeOnly,
            offset,
            limit);
    if (app.indexNeedsRebuild()) {
      System.err.println(
          "warning: the search index is empty but the store holds papers: run 'paperboy"
              + " reindex' (or 'paperboy serve', which rebuilds it)");
    }
    SearchResult result = app.index().search(query);
    Map<dev.paperboy.core.paper.ArxivId, Paper> papers =
        app.store().findPapers(result.hits().stream().map(SearchHit::id).toList()).stream()
            .collect(Collectors.toMap(Paper::id, Function.identity()));
    print(System.out, query, result, papers, color != null ? color : Progress.isTerminal());
    return 0;
  }

  static void print(
      PrintStream out,
      SearchQuery query,
      SearchResult result,
      Map<dev.paperboy.core.paper.ArxivId, Paper> papers,
      boolean ansi) {
    out.printf(
        Locale.ROOT,
        "%,d papers match \"%s\" (%s, %d ms)%n%n",
        result.total(),
        query.text(),
        query.mode().label(),
        result.took().toMillis());
    int rank = query.offset();
    for (SearchHit hit : result.hits()) {
      rank++;
      Paper p = papers.get(hit.id());
      String date = p == null || p.displayDate() == null ? "" : p.displayDate().toString();
      String cats = p == null ? "" : String.join(" ", p.categories());
      out.printf(Locale.ROOT, "%2d. %s  %s  %s%n", rank, hit.id(), date, cats);
      out.println(
          "    "
              + (ansi ? BOLD : "")
              + render(hit.title(), ansi, ansi ? BOLD : "")
              + (ansi ? RESET : ""));
      if (p != null && !p.authors().isEmpty()) {
        List<String> a = p.authors();
        out.println(
            "    "
                + String.join(", ", a.subList(0, Math.min(4, a.size())))
                + (a.size() > 4 ? " et al." : ""));
      }
      if (!hit.snippet().fragments().isEmpty()) {
        out.println("    " + render(hit.snippet(), ansi, ""));
      }
      out.println("    " + hit.id().absUrl());
      out.println();
    }
  }

  /** Matches in bold colour on a terminal, between *stars* otherwise. */
  static String render(Highlighted h, boolean ansi, String resume) {
    StringBuilder sb = new StringBuilder();
    for (Highlighted.Fragment f : h.fragments()) {
      String text = f.text().replace('\n', ' ');
      if (!f.match()) {
        sb.append(text);
      } else if (ansi) {
        sb.append(MATCH).append(text).append(RESET).append(resume);
      } else {
        sb.append('*').append(text).append('*');
      }
    }
    return sb.toString();
  }
}
