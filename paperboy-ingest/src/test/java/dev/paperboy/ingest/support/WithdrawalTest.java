package dev.paperboy.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WithdrawalTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "This paper has been withdrawn by the author due to a crucial error in Lemma 2",
        "withdrawn",
        "Withdrawn.",
        "Paper withdrawn",
        "withdrawn due to an error in the proof of Theorem 1",
        "This submission has been withdrawn by arXiv administrators due to inappropriate text reuse",
        "The authors withdraw this paper because the experiments were flawed",
        "This manuscript is withdrawn: a newer version appears as 2501.00001",
        "paper withdrawn by the authors"
      })
  void noticesAreWithdrawals(String comments) {
    assertThat(Withdrawal.isWithdrawn(comments, "An abstract.")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Supersedes a paper withdrawn from ICML 2024",
        "An earlier version was withdrawn from ICLR; 12 pages",
        "12 pages, 3 figures",
        "We study withdrawal symptoms in smokers",
        ""
      })
  void mentionsAreNot(String comments) {
    assertThat(Withdrawal.isWithdrawn(comments, "An abstract.")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "This paper has been withdrawn by the author.",
        "  Withdrawn due to a flaw.\nThe rest.",
        "This submission has been withdrawn. Please see 2501.00001."
      })
  void anAbstractThatOpensWithANoticeIsAWithdrawal(String abstractText) {
    assertThat(Withdrawal.isWithdrawn(null, abstractText)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "We revisit results. Our earlier paper has been withdrawn from the journal.",
        "Drug withdrawn from the market are studied."
      })
  void laterSentencesOfAnAbstractDoNotCount(String abstractText) {
    assertThat(Withdrawal.isWithdrawn(null, abstractText)).isFalse();
  }
}
