package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceFormatTest {
  @Test
  void namesForTheCommandLine() {
    assertThat(SourceFormat.fromName("oai-pmh")).isEqualTo(SourceFormat.OAI_PMH);
    assertThat(SourceFormat.fromName("OAI_PMH")).isEqualTo(SourceFormat.OAI_PMH);
    assertThat(SourceFormat.fromName(" Kaggle ")).isEqualTo(SourceFormat.KAGGLE);
    assertThat(SourceFormat.fromName("hf-daily-jsonl")).isEqualTo(SourceFormat.HF_DAILY_JSONL);
    assertThat(SourceFormat.ARXIV_JSONL.toString()).isEqualTo("arxiv-jsonl");
    assertThatThrownBy(() -> SourceFormat.fromName("csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown format 'csv', expected one of: hf-daily, hf-daily-jsonl, arxiv-jsonl, kaggle,"
                + " oai-pmh");
  }
}
