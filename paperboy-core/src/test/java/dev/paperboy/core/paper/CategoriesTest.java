package dev.paperboy.core.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CategoriesTest {
  private final Categories categories = Categories.arxiv();

  @Test
  void namesCategories() {
    assertThat(categories.name("cs.CL")).isEqualTo("Computation and Language");
    assertThat(categories.name("eess.IV")).isEqualTo("Image and Video Processing");
    assertThat(categories.archiveName("cs")).contains("Computer Science");
  }

  @Test
  void resolvesAliasesAndDropsClassificationCodes() {
    assertThat(categories.canonical("cs.SY")).contains("eess.SY");
    assertThat(categories.canonical("cmp-lg")).contains("cs.CL");
    assertThat(categories.canonical("I.2.7")).isEmpty();
    assertThat(categories.canonical("68T50")).isEmpty();
    assertThat(categories.canonical("cs.CV, cs.MM")).isEmpty();
  }

  @Test
  void findsCategoriesWhateverTheCaseOfWhatWasTyped() {
    assertThat(categories.canonicalIgnoringCase("cs.cl")).contains("cs.CL");
    assertThat(categories.canonicalIgnoringCase("CS.CL")).contains("cs.CL");
    assertThat(categories.canonicalIgnoringCase("HEP-TH")).contains("hep-th");
    assertThat(categories.canonicalIgnoringCase("cs.sy")).contains("eess.SY");
    assertThat(categories.canonicalIgnoringCase("cs")).isEmpty();
    assertThat(categories.canonicalIgnoringCase("nope.xx")).isEmpty();
    // Source data stays exact.
    assertThat(categories.canonical("cs.cl")).isEmpty();
  }

  @Test
  void listsTheCategoriesOfAnArchive() {
    assertThat(categories.archiveIgnoringCase("CS")).contains("cs");
    assertThat(categories.archiveIgnoringCase("nope")).isEmpty();
    assertThat(categories.activeIn("cs"))
        .extracting(Categories.Category::code)
        .contains("cs.AI", "cs.CL", "cs.NA")
        .allMatch(c -> c.startsWith("cs."));
  }

  @Test
  void noTwoCodesDifferOnlyInCase() {
    java.util.Map<String, String> seen = new java.util.HashMap<>();
    for (Categories.Category c : categories.active()) {
      String other = seen.put(c.code().toLowerCase(java.util.Locale.ROOT), c.code());
      assertThat(other).as("codes %s and %s differ only in case", other, c.code()).isNull();
    }
  }

  @Test
  void listsActiveCategories() {
    assertThat(categories.active()).hasSizeGreaterThan(150).allMatch(Categories.Category::active);
  }
}
