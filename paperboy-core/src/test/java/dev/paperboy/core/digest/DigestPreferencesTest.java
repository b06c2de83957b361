package dev.paperboy.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigestPreferencesTest {

  @Test
  void categoriesAreCheckedAndMadeCanonical() {
    assertThat(DigestPreferences.checkCategories(List.of(" cs.CL", "cs.SY", "math", "")))
        .containsExactly("cs.CL", "eess.SY", "math");
    assertThatThrownBy(() -> DigestPreferences.checkCategories(List.of("cs.XX")))
        .hasMessageContaining("unknown arXiv category 'cs.XX'");
    assertThatThrownBy(() -> DigestPreferences.checkCategories(List.of("nonsense")))
        .hasMessageContaining("nonsense");
  }

  @Test
  void includesByCategoryOrArchiveAndEverythingWithoutAFilter() {
    DigestPreferences all = DigestPreferences.defaults();
    assertThat(all.includes(List.of())).isTrue();
    DigestPreferences some = all.withCategories(Set.of("cs.CL", "stat"));
    assertThat(some.includes(List.of("cs.LG", "cs.CL"))).isTrue();
    assertThat(some.includes(List.of("stat.ML"))).as("by archive").isTrue();
    assertThat(some.includes(List.of("cs.LG"))).isFalse();
    assertThat(some.includes(List.of())).as("unknown categories").isFalse();
  }

  @Test
  void contentMustNameASection() {
    assertThatThrownBy(
            () -> DigestPreferences.defaults().withContent(EnumSet.noneOf(Section.class)))
        .hasMessageContaining("at least one section");
    assertThat(
            DigestPreferences.defaults()
                .withContent(Set.of(Section.TRENDING, Section.ALERTS))
                .contentCodes())
        .containsExactly("alerts", "trending");
  }

  @Test
  void alertQueriesRequireEveryWordUnlessTheyUseSyntax() {
    Alert a =
        new Alert(
            SubscriptionId.random(),
            "  retrieval   augmented generation ",
            java.time.Instant.EPOCH);
    assertThat(a.query()).isEqualTo("retrieval augmented generation");
    assertThat(a.searchText()).isEqualTo("\"retrieval\" \"augmented\" \"generation\"");
    assertThat(new Alert(a.subscription(), "\"large language\" models", a.createdAt()).searchText())
        .isEqualTo("\"large language\" models");
    assertThat(new Alert(a.subscription(), "diffusion -video", a.createdAt()).searchText())
        .isEqualTo("diffusion -video");
    assertThat(new Alert(a.subscription(), "COVID-19 vaccines", a.createdAt()).searchText())
        .isEqualTo("\"COVID-19\" \"vaccines\"");
    assertThatThrownBy(() -> Alert.check("x")).hasMessageContaining("two characters");
    assertThatThrownBy(() -> Alert.check("a\u0007b")).hasMessageContaining("control");
  }

  @Test
  void aNewAlertMustLookForSomethingNotOnlyExclude() {
    assertThatThrownBy(() -> Alert.check("-video"))
        .hasMessageContaining("an alert needs at least one word to look for")
        .hasMessageContaining("'-video'");
    assertThatThrownBy(() -> Alert.check(" -video  -\"survey paper\" "))
        .hasMessageContaining("at least one word");
    assertThat(Alert.check("diffusion -video")).isEqualTo("diffusion -video");
    // A hyphen inside a word or alone is no exclusion.
    assertThat(Alert.check("COVID-19")).isEqualTo("COVID-19");
    assertThat(Alert.check("G - quadruplex")).isEqualTo("G - quadruplex");
  }
}
