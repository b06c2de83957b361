package dev.paperboy.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorCacheTest {

  @Test
  void aSecondRunEmbedsNothingAgain(@TempDir Path dir) {
    FakeEmbedder model = new FakeEmbedder("fake-1");
    List<String> texts = List.of("alpha", "beta", "alpha", "gamma");
    List<float[]> first = VectorCache.open(dir, model).documents(texts, model, n -> {});
    assertThat(model.documents.get()).isEqualTo(3); // "alpha" once
    assertThat(first.get(0)).isEqualTo(first.get(2)).isEqualTo(FakeEmbedder.letters("alpha"));

    FakeEmbedder again = new FakeEmbedder("fake-1");
    VectorCache reopened = VectorCache.open(dir, again);
    assertThat(reopened.size()).isEqualTo(3);
    List<float[]> second = reopened.documents(texts, again, n -> {});
    assertThat(again.documents.get()).isZero();
    for (int i = 0; i < texts.size(); i++) {
      assertThat(second.get(i)).containsExactly(first.get(i));
    }
    // A changed text is embedded; queries are cached apart from documents.
    reopened.documents(List.of("alpha", "delta"), again, n -> {});
    assertThat(again.documents.get()).isEqualTo(1);
    reopened.queries(List.of("alpha"), again);
    reopened.queries(List.of("alpha"), again);
    assertThat(again.queries.get()).isEqualTo(1);
  }

  @Test
  void eachModelHasItsOwnFile(@TempDir Path dir) {
    FakeEmbedder a = new FakeEmbedder("model-a");
    FakeEmbedder b = new FakeEmbedder("model/b");
    VectorCache.open(dir, a).documents(List.of("x"), a, n -> {});
    VectorCache cb = VectorCache.open(dir, b);
    assertThat(cb.size()).isZero();
    assertThat(cb.file().getFileName().toString()).isEqualTo("model_b.vectors");
  }

  @Test
  void aTornLastRecordIsDroppedAndAppendsStayAligned(@TempDir Path dir) throws IOException {
    FakeEmbedder model = new FakeEmbedder("fake");
    VectorCache cache = VectorCache.open(dir, model);
    cache.documents(List.of("one", "two"), model, n -> {});
    long size = Files.size(cache.file());
    try (FileChannel ch = FileChannel.open(cache.file(), StandardOpenOption.WRITE)) {
      ch.truncate(size - 10);
    }
    VectorCache reopened = VectorCache.open(dir, model);
    assertThat(reopened.size()).isEqualTo(1);
    List<Integer> progress = new ArrayList<>();
    reopened.documents(List.of("one", "two", "three"), model, progress::add);
    assertThat(progress).containsExactly(2);
    assertThat(VectorCache.open(dir, model).size()).isEqualTo(3);
  }

  @Test
  void aFileOfAnotherModelIsRefused(@TempDir Path dir) throws IOException {
    FakeEmbedder model = new FakeEmbedder("fake");
    VectorCache cache = VectorCache.open(dir, model);
    Files.copy(cache.file(), dir.resolve("other.vectors"));
    assertThatThrownBy(() -> VectorCache.open(dir, new FakeEmbedder("other")))
        .hasMessageContaining("holds vectors of fake (26 dims), not other (26 dims)");
  }
}
