package dev.paperboy.search.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperboy.core.embed.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxEmbedderTest {
  static OnnxEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = OnnxEmbedder.create(ModelSpec.BGE_SMALL_EN_V15_Q, 2, 4);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void describesTheModel() {
    assertThat(embedder.modelName()).isEqualTo("bge-small-en-v1.5-q");
    assertThat(embedder.dimension()).isEqualTo(384);
  }

  @Test
  void vectorsAreUnitLength() {
    float[] q = embedder.embedQuery("graph neural networks");
    assertThat(q).hasSize(384);
    assertThat(Vectors.norm(q)).isCloseTo(1f, within(1e-5f));
    for (float[] d : embedder.embedDocuments(List.of("a", "Transformers for protein folding."))) {
      assertThat(Vectors.norm(d)).isCloseTo(1f, within(1e-5f));
    }
  }

  @Test
  void sameTextGivesTheSameVectorAcrossRunsAndInstances() {
    String text = "Attention Is All You Need. The dominant sequence transduction models ...";
    float[] first = embedder.embedDocuments(List.of(text)).get(0);
    float[] again = embedder.embedDocuments(List.of(text)).get(0);
    assertThat(again).containsExactly(first);
    try (OnnxEmbedder other = OnnxEmbedder.create(ModelSpec.BGE_SMALL_EN_V15_Q, 1, 1)) {
      assertThat(other.embedDocuments(List.of(text)).get(0)).containsExactly(first);
      assertThat(other.embedQuery("transformers"))
          .containsExactly(embedder.embedQuery("transformers"));
    }
  }

  @Test
  void batchingDoesNotChangeTheMeaning() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      texts.add("Document number " + i + " about " + "sparse retrieval ".repeat(i));
    }
    List<float[]> batched = embedder.embedDocuments(texts);
    for (int i = 0; i < texts.size(); i++) {
      float[] alone = embedder.embedDocuments(List.of(texts.get(i))).get(0);
      // int8 activations are quantised per batch, so padding shifts the last digits only.
      assertThat(Vectors.dot(batched.get(i), alone)).as("text %d", i).isGreaterThan(0.995f);
    }
  }

  @Test
  void similarTextsAreCloserThanUnrelatedOnes() {
    List<float[]> v =
        embedder.embedDocuments(
            List.of(
                "A cat is sleeping on the sofa.",
                "A kitten naps on the couch.",
                "The stock market fell sharply on Monday.",
                "Deep neural networks for image classification.",
                "Convolutional networks recognise objects in photographs."));
    assertThat(Vectors.dot(v.get(0), v.get(1))).isGreaterThan(Vectors.dot(v.get(0), v.get(2)));
    assertThat(Vectors.dot(v.get(3), v.get(4))).isGreaterThan(Vectors.dot(v.get(3), v.get(0)));
    assertThat(Vectors.dot(v.get(3), v.get(4))).isGreaterThan(Vectors.dot(v.get(3), v.get(2)));
  }

  @Test
  void aQueryFindsTheRelevantPassage() {
    float[] q = embedder.embedQuery("how do vaccines train the immune system");
    List<float[]> docs =
        embedder.embedDocuments(
            List.of(
                "Vaccines expose the immune system to an antigen so that it builds memory cells"
                    + " and antibodies before a real infection.",
                "The immune system of sharks has been studied for its unusual antibodies.",
                "Train timetables in Europe were harmonised in the 19th century."));
    assertThat(Vectors.dot(q, docs.get(0))).isGreaterThan(Vectors.dot(q, docs.get(1)));
    assertThat(Vectors.dot(q, docs.get(1))).isGreaterThan(Vectors.dot(q, docs.get(2)));
  }

  @Test
  void longTextsAreTruncatedToTheModelLimit() {
    String longText = "retrieval ".repeat(2000);
    assertThat(embedder.tokenCount(longText)).isEqualTo(512);
    assertThat(embedder.tokenCount("retrieval")).isEqualTo(3); // [CLS] retrieval [SEP]
    float[] v = embedder.embedDocuments(List.of(longText)).get(0);
    assertThat(Vectors.norm(v)).isCloseTo(1f, within(1e-5f));
  }

  @Test
  void theQueryInstructionChangesTheVector() {
    float[] asQuery = embedder.embedQuery("protein folding");
    float[] asDocument = embedder.embedDocuments(List.of("protein folding")).get(0);
    assertThat(Vectors.dot(asQuery, asDocument)).isLessThan(0.99f).isGreaterThan(0.5f);
  }

  @Test
  void closingWaitsForCallsInFlightAndRefusesLaterOnes() throws Exception {
    // A second embedder: closing it must not disturb the shared one.
    OnnxEmbedder own = OnnxEmbedder.create(ModelSpec.BGE_SMALL_EN_V15_Q, 2, 2);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      texts.add("a long abstract about retrieval " + i + " ".repeat(i) + "graphs ".repeat(50));
    }
    java.util.concurrent.atomic.AtomicReference<Object> outcome =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    Thread user =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    started.countDown();
                    for (int round = 0; round < 50; round++) {
                      own.embedQuery("query " + round);
                      own.embedDocuments(texts);
                    }
                    outcome.set("finished");
                  } catch (IllegalStateException e) {
                    outcome.set(e);
                  }
                });
    started.await();
    Thread.sleep(200);
    // Freeing the native sessions under a running call crashed the JVM; now close waits.
    own.close();
    user.join(60_000);

    assertThat(user.isAlive()).isFalse();
    assertThat(outcome.get())
        .isInstanceOfSatisfying(
            IllegalStateException.class,
            e -> assertThat(e).hasMessageContaining("bge-small-en-v1.5-q is closed"));
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> own.embedQuery("after close")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
    own.close(); // twice is harmless
  }
}
