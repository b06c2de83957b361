package dev.paperboy.core.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeLinksTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Code is available at https://github.com/facebookresearch/llama.|https://github.com/facebookresearch/llama",
        "Code: \\url{https://github.com/org/repo}.|https://github.com/org/repo",
        "see github.com/Org-Name/My.Repo_v2/tree/main/src for details|https://github.com/Org-Name/My.Repo_v2",
        "(https://www.github.com/a/b.git)|https://github.com/a/b",
        "at HTTPS://GitHub.com/a/b?tab=readme#usage, and more|https://github.com/a/b",
        "https://gitlab.com/group/sub/project/-/tree/main is ours|https://gitlab.com/group/sub/project",
        "at gitlab.com/team/tool.|https://gitlab.com/team/tool",
        "first https://gitlab.com/x/first then https://github.com/y/second|https://gitlab.com/x/first",
        "first https://github.com/y/first then https://gitlab.com/x/second|https://github.com/y/first",
      })
  void findsTheFirstRepository(String text, String expected) {
    assertThat(CodeLinks.find(text, null)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "no links at all",
        "we use git for version control",
        "the profile https://github.com/someone only",
        "topics: https://github.com/topics/llm and https://github.com/orgs/acme/people",
        "mygithub.com/a/b is not GitHub",
        "https://gist.github.com/abc/123",
        "https://gitlab.com/explore/projects",
      })
  void ignoresWhatIsNotARepository(String text) {
    assertThat(CodeLinks.find(text, null)).isEmpty();
  }

  @Test
  void abstractBeforeComments() {
    assertThat(CodeLinks.find("Code at https://github.com/a/abs", "https://github.com/c/comments"))
        .contains("https://github.com/a/abs");
    assertThat(CodeLinks.find("No code here.", "12 pages; code: https://github.com/c/comments"))
        .contains("https://github.com/c/comments");
    assertThat(CodeLinks.find(null, null)).isEmpty();
  }

  @Test
  void fillMarksFoundLinksAndKeepsExistingOnes() {
    ArxivId id = ArxivId.parse("2503.11731");
    Paper plain = Paper.builder(id, "T").abstractText("See https://github.com/a/b.").build();
    Paper filled = CodeLinks.fill(plain);
    assertThat(filled.codeUrl()).isEqualTo("https://github.com/a/b");
    assertThat(filled.codeUrlFromText()).isTrue();

    Paper curated = plain.toBuilder().codeUrl("https://github.com/curated/x").build();
    assertThat(CodeLinks.fill(curated)).isSameAs(curated);

    Paper none = Paper.builder(id, "T").abstractText("nothing").build();
    assertThat(CodeLinks.fill(none)).isSameAs(none);
  }
}
