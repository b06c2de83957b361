package dev.paperboy.core.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PaperMergeTest {
  private static final ArxivId ID = ArxivId.parse("2503.11731");

  @Test
  void newerVersionSuppliesMetadataAndDatesMergeByMeaning() {
    Paper v1 =
        Paper.builder(ID, "Old title")
            .version(1)
            .abstractText("old")
            .categories(List.of("cs.CL"))
            .submitted(LocalDate.of(2025, 3, 14))
            .listingDate(LocalDate.of(2025, 3, 18))
            .codeUrl("https://github.com/a/b")
            .build();
    Paper v2 =
        Paper.builder(ID, "New title")
            .version(2)
            .abstractText("new")
            .updated(LocalDate.of(2025, 4, 1))
            .submitted(LocalDate.of(2025, 3, 14))
            .build();

    Paper merged = PaperMerge.merge(v1, v2);

    assertThat(merged.title()).isEqualTo("New title");
    assertThat(merged.abstractText()).isEqualTo("new");
    assertThat(merged.version()).isEqualTo(2);
    assertThat(merged.categories()).containsExactly("cs.CL");
    assertThat(merged.listingDate()).isEqualTo(LocalDate.of(2025, 3, 18));
    assertThat(merged.updated()).isEqualTo(LocalDate.of(2025, 4, 1));
    assertThat(merged.codeUrl()).isEqualTo("https://github.com/a/b");
    assertThat(PaperMerge.merge(v2, v1)).isEqualTo(merged);
  }

  @Test
  void olderRecordOnlyFillsGaps() {
    Paper stored = Paper.builder(ID, "Title").version(3).abstractText("v3 text").build();
    Paper hf =
        Paper.builder(ID, "Title (HF)")
            .abstractText("hf text")
            .codeUrl("https://github.com/x/y")
            .githubStars(10)
            .build();
    Paper merged = PaperMerge.merge(stored, hf);
    assertThat(merged.title()).isEqualTo("Title");
    assertThat(merged.codeUrl()).isEqualTo("https://github.com/x/y");
    assertThat(merged.githubStars()).isEqualTo(10);
  }

  @Test
  void curatedCodeLinkReplacesOneFoundInTextWhateverTheOrder() {
    Paper found =
        Paper.builder(ID, "T")
            .version(2)
            .abstractText("Code: https://github.com/found/it")
            .codeUrl("https://github.com/found/it", true)
            .build();
    Paper curated = Paper.builder(ID, "T").codeUrl("https://github.com/curated/repo").build();

    for (Paper merged :
        List.of(PaperMerge.merge(found, curated), PaperMerge.merge(curated, found))) {
      assertThat(merged.codeUrl()).isEqualTo("https://github.com/curated/repo");
      assertThat(merged.codeUrlFromText()).isFalse();
      assertThat(merged.version()).isEqualTo(2);
    }
  }

  @Test
  void firstCuratedLinkIsKeptAndFoundLinkFollowsTheNewerText() {
    Paper a = Paper.builder(ID, "T").codeUrl("https://github.com/first/one").build();
    Paper b = Paper.builder(ID, "T").codeUrl("https://github.com/second/one").build();
    assertThat(PaperMerge.merge(a, b).codeUrl()).isEqualTo("https://github.com/first/one");

    Paper v1 =
        Paper.builder(ID, "T").version(1).codeUrl("https://github.com/v1/code", true).build();
    Paper v2 =
        Paper.builder(ID, "T").version(2).codeUrl("https://github.com/v2/code", true).build();
    Paper merged = PaperMerge.merge(v1, v2);
    assertThat(merged.codeUrl()).isEqualTo("https://github.com/v2/code");
    assertThat(merged.codeUrlFromText()).isTrue();
    assertThat(PaperMerge.merge(v2, v1)).isEqualTo(merged);
  }

  @Test
  void latestRevisionComesFromVersionsElseFromVersionAndUpdated() {
    LocalDate v1 = LocalDate.of(2026, 10, 9);
    LocalDate v3 = LocalDate.of(2026, 10, 30);
    Paper fromApi =
        Paper.builder(ID, "T")
            .version(3)
            .updated(v3)
            .versions(List.of(new PaperVersion(1, v1), new PaperVersion(3, v3)))
            .build();
    assertThat(fromApi.latestRevision()).contains(new PaperVersion(3, v3));
    // The feed said v3, the OAI record said when the latest version was submitted.
    Paper feedAndOai =
        PaperMerge.merge(
            Paper.builder(ID, "T").version(3).build(),
            Paper.builder(ID, "T")
                .submitted(v1)
                .updated(v3)
                .versions(List.of(new PaperVersion(1, v1)))
                .build());
    assertThat(feedAndOai.latestRevision()).contains(new PaperVersion(3, v3));
    assertThat(Paper.builder(ID, "T").version(1).updated(v1).build().latestRevision()).isEmpty();
    assertThat(Paper.builder(ID, "T").version(0).updated(v3).build().latestRevision()).isEmpty();
    assertThat(Paper.builder(ID, "T").version(2).build().latestRevision()).isEmpty();
  }

  @Test
  void aPaperWithoutCodeUrlIsNeverMarkedFromText() {
    Paper p = Paper.builder(ID, "T").codeUrl(null, true).build();
    assertThat(p.codeUrlFromText()).isFalse();
  }

  @Property(tries = 300)
  void curatedLinkSurvivesAnyMerge(@ForAll("papers") Paper a, @ForAll("papers") Paper b) {
    Paper once = PaperMerge.merge(a, b);
    boolean anyCurated =
        (a.codeUrl() != null && !a.codeUrlFromText())
            || (b.codeUrl() != null && !b.codeUrlFromText());
    assertThat(once.codeUrl() != null && !once.codeUrlFromText()).isEqualTo(anyCurated);
  }

  @Property(tries = 300)
  void mergeIsIdempotent(@ForAll("papers") Paper a, @ForAll("papers") Paper b) {
    Paper once = PaperMerge.merge(a, b);
    assertThat(PaperMerge.merge(once, b)).isEqualTo(once);
    assertThat(PaperMerge.merge(once, a)).isEqualTo(once);
  }

  @Provide
  Arbitrary<Paper> papers() {
    Arbitrary<Integer> versions = Arbitraries.integers().between(0, 3);
    Arbitrary<LocalDate> dates =
        Arbitraries.integers().between(0, 5).map(d -> LocalDate.of(2025, 3, 10).plusDays(d));
    Arbitrary<String> text = Arbitraries.of("a", "b", "c");
    Arbitrary<String> maybe = Arbitraries.of("x", "y").injectNull(0.5);
    Arbitrary<Boolean> fromText = Arbitraries.of(true, false);
    return Combinators.combine(
            versions, dates.injectNull(0.4), dates.injectNull(0.4), text, maybe, maybe, fromText)
        .as(
            (v, updated, listed, title, code, comment, found) ->
                Paper.builder(ID, title)
                    .version(v)
                    .abstractText(title + " abstract")
                    .updated(updated)
                    .listingDate(listed)
                    .codeUrl(code, found)
                    .comments(comment)
                    .categories(
                        title.equals("a") ? List.of() : List.of("cs." + title.toUpperCase()))
                    .build());
  }
}
