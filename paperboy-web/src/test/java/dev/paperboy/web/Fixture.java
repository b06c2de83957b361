package dev.paperboy.web;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperVersion;
import dev.paperboy.core.testing.InMemoryPaperStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, hand-written site: two weeks of lists (Monday 2025-06-16 to Monday 2025-06-23, no
 * weekend lists), a paper with everything filled in, an old-style id, and a hostile paper whose
 * every text field tries to inject markup.
 */
final class Fixture {
  static final LocalDate MON = LocalDate.of(2025, 6, 16);
  static final LocalDate LATEST = LocalDate.of(2025, 6, 23);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-25T15:00:00Z"), ZoneOffset.UTC);

  static final String RICH = "2506.10001";
  static final String HOSTILE = "2506.10666";
  static final String OLD_STYLE = "hep-th/9901001";
  static final String HOSTILE_TITLE = "<script>alert('title')</script> & \"Friends\"";

  private Fixture() {}

  static InMemoryPaperStore store() {
    InMemoryPaperStore store = new InMemoryPaperStore();
    store.upsertPapers(papers());
    store.upsertEntries(entries());
    return store;
  }

  static FakeSearchIndex index(InMemoryPaperStore store) {
    FakeSearchIndex index = new FakeSearchIndex();
    index.index(store.papersAfter(null, 1000));
    return index;
  }

  static List<Paper> papers() {
    List<Paper> out = new ArrayList<>();
    out.add(
        Paper.builder(ArxivId.parse(RICH), "Sparse Mixture of Experts for Fast Inference")
            .version(2)
            .abstractText(
                "Mixture of experts models scale capacity without scaling compute. We present a"
                    + " gating scheme that predicts which experts a token needs one layer ahead,"
                    + " so their weights can be fetched while the previous layer runs. On eight"
                    + " benchmarks our method matches dense quality at a third of the memory and"
                    + " runs 1.9 times faster on one GPU. It also works with quantised experts and"
                    + " with speculative decoding, which we show in ablations over four model sizes."
                    + "\n\nCode and checkpoints are released.")
            .authors(
                List.of(
                    "Ada Lovelace",
                    "Alan Turing",
                    "Grace Hopper",
                    "Edsger Dijkstra",
                    "Barbara Liskov",
                    "Donald Knuth",
                    "Frances Allen",
                    "John Backus",
                    "Niklaus Wirth"))
            .categories(List.of("cs.LG", "cs.CL", "cs.DC"))
            .comments("12 pages, 5 figures")
            .journalRef("Proc. Test 2025")
            .doi("10.1234/test.5678")
            .license("http://creativecommons.org/licenses/by/4.0/")
            .submitted(LocalDate.of(2025, 6, 12))
            .updated(LocalDate.of(2025, 6, 14))
            .listingDate(MON)
            .codeUrl("https://github.com/example/sparse-moe")
            .projectPage("https://example.org/sparse-moe")
            .githubStars(1234)
            .aiSummary(
                "A look-ahead gate lets sparse expert models prefetch weights and run faster.")
            .aiKeywords(List.of("mixture of experts", "inference", "prefetching"))
            .versions(
                List.of(
                    new PaperVersion(1, LocalDate.of(2025, 6, 12)),
                    new PaperVersion(2, LocalDate.of(2025, 6, 14))))
            .build());
    out.add(
        Paper.builder(ArxivId.parse(HOSTILE), HOSTILE_TITLE)
            .abstractText("<img src=x onerror=alert('abstract')> experts & </p><p>injected")
            .authors(List.of("\"><b>Mallory</b>", "Eve <eve@example.org>"))
            .categories(List.of("cs.CR"))
            .comments("<a href=\"javascript:alert(1)\">click</a>")
            .listingDate(LATEST)
            .codeUrl("javascript:alert('code')")
            .projectPage("https://example.org/?a=1&b=<x>")
            .aiSummary("<script>alert('summary')</script>")
            .build());
    out.add(
        Paper.builder(ArxivId.parse(OLD_STYLE), "An Old-Style Identifier Paper on String Theory")
            .abstractText("A paper from 1999 with an old-style arXiv identifier.")
            .authors(List.of("Edward Witten"))
            .categories(List.of("hep-th"))
            .listingDate(LocalDate.of(1999, 1, 4))
            .build());
    String[] topics = {
      "Retrieval-Augmented Generation", "Diffusion Models for Video",
          "Reinforcement Learning from Feedback",
      "Vision Transformers at Scale", "Efficient Attention Kernels",
          "Multilingual Speech Recognition",
      "Graph Neural Networks for Chemistry", "Robot Manipulation with Language",
          "Benchmarking Code Models",
      "Long-Context Language Modelling"
    };
    String[] cats = {
      "cs.CL", "cs.CV", "cs.LG", "cs.CV", "cs.LG", "eess.AS", "cs.LG", "cs.RO", "cs.SE", "cs.CL"
    };
    for (int day = 0; day < 6; day++) {
      for (int i = 0; i < 6; i++) {
        int n = day * 10 + i + 1;
        LocalDate listing = day < 5 ? MON.plusDays(day) : LATEST;
        String topic = topics[(day + i) % topics.length];
        out.add(
            Paper.builder(ArxivId.parse(String.format("2506.%05d", n)), topic + ": Study " + n)
                .abstractText(
                    "We study "
                        + topic.toLowerCase()
                        + " in setting "
                        + n
                        + ". Experts agree"
                        + " this matters. Results improve on prior work across benchmarks.")
                .authors(List.of("Author " + n + "A", "Author " + n + "B"))
                .categories(List.of(cats[(day + i) % cats.length], "cs.AI"))
                .submitted(listing.minusDays(3))
                .listingDate(listing)
                .codeUrl(i % 2 == 0 ? "https://github.com/example/study-" + n : null)
                .build());
      }
    }
    return out;
  }

  static List<DailyEntry> entries() {
    List<DailyEntry> out = new ArrayList<>();
    for (int day = 0; day < 6; day++) {
      LocalDate d = day < 5 ? MON.plusDays(day) : LATEST;
      for (int i = 0; i < 6; i++) {
        int n = day * 10 + i + 1;
        // Upvotes fall with i, and one paper a day has none (an arXiv-only entry).
        int votes = i == 5 ? 0 : (6 - i) * 3 + day;
        out.add(
            new DailyEntry(
                d,
                ArxivId.parse(String.format("2506.%05d", n)),
                i == 5 ? EntrySource.ARXIV : EntrySource.HUGGING_FACE,
                i == 5 ? null : "curator" + i,
                votes,
                null));
      }
    }
    out.add(
        new DailyEntry(MON, ArxivId.parse(RICH), EntrySource.HUGGING_FACE, "akhaliq", 40, null));
    out.add(
        new DailyEntry(
            MON.plusDays(1), ArxivId.parse(RICH), EntrySource.ARXIV_CROSS, null, 0, null));
    out.add(
        new DailyEntry(
            LATEST, ArxivId.parse(HOSTILE), EntrySource.COMMUNITY, "<b>mallory</b>", 7, null));
    return out;
  }
}
