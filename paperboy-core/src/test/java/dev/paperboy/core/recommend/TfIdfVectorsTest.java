package dev.paperboy.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.embed.Vectors;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TfIdfVectorsTest {
  static Paper paper(String id, String title, String abstractText) {
    return Paper.builder(ArxivId.parse(id), title).abstractText(abstractText).build();
  }

  final Paper rag =
      paper(
          "2603.00001",
          "Retrieval augmented generation for question answering",
          "We study retrieval augmented generation with dense passage retrievers.");
  final Paper rag2 =
      paper(
          "2603.00002",
          "Long-context retrieval augmented generation benchmarks",
          "A benchmark of retrieval augmented generation over long documents.");
  final Paper molecules =
      paper(
          "2603.00003",
          "Graph neural networks for molecules",
          "We study graph neural networks that predict properties of molecules.");
  final Paper video =
      paper(
          "2603.00004",
          "Video diffusion with temporal attention",
          "We study video diffusion models with temporal attention layers.");
  final List<Paper> corpus = List.of(rag, rag2, molecules, video);

  @Test
  void vectorsAreUnitLengthAndSharedRareWordsMakeThemClose() {
    TfIdfVectors t = TfIdfVectors.fit(corpus);
    Map<ArxivId, float[]> v = t.vectorsOf(corpus);
    assertThat(v).hasSize(4);
    for (float[] x : v.values()) {
      assertThat(x).hasSize(TfIdfVectors.DEFAULT_DIMENSIONS);
      assertThat((double) Vectors.dot(x, x))
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }
    double related = Vectors.dot(v.get(rag.id()), v.get(rag2.id()));
    double unrelated = Vectors.dot(v.get(rag.id()), v.get(molecules.id()));
    assertThat(related).isGreaterThan(0.3);
    // "We study" is shared, but "we" is short and "study" is common: little weight.
    assertThat(unrelated).isLessThan(0.1);
    assertThat(t.documents()).isEqualTo(4);
  }

  @Test
  void theSamePaperGivesTheSameVectorAndAWordlessOneIsZero() {
    TfIdfVectors t = TfIdfVectors.fit(corpus);
    assertThat(t.vector(rag)).isEqualTo(t.vector(rag));
    float[] empty = t.vector(paper("2603.00009", "On it", ""));
    assertThat(Vectors.dot(empty, empty)).isZero();
  }

  @Test
  void keepingOnlyTheHeaviestWordsDropsTheCommonOnes() {
    // With one word kept, each paper is its rarest word: the two papers on molecules and video
    // share "study" in full vectors, not in pruned ones.
    TfIdfVectors all = TfIdfVectors.fit(corpus, 4096, 0);
    TfIdfVectors one = TfIdfVectors.fit(corpus, 4096, 1);
    assertThat(Vectors.dot(all.vector(molecules), all.vector(video))).isGreaterThan(0);
    assertThat(Vectors.dot(one.vector(molecules), one.vector(video))).isZero();
  }

  @Test
  void badSettingsAreRefusedWithTheirValue() {
    assertThatThrownBy(() -> TfIdfVectors.fit(corpus, 8, 0))
        .hasMessage("dimensions must be at least 16, dimensions: 8");
    assertThatThrownBy(() -> TfIdfVectors.fit(corpus, 64, -1))
        .hasMessage("maxTerms must be 0 or more, maxTerms: -1");
  }
}
