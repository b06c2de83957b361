package dev.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.app.config.Config;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.Reindexer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s search warm-up loads the model only when search by meaning is on. */
class WarmSearchTest {
  @TempDir Path dir;

  AppContext open(boolean semantic) {
    AppContext app =
        AppContext.open(
            Config.load(dir, null, Map.of(), Map.of("search.semantic", String.valueOf(semantic))));
    app.store()
        .upsertPapers(
            List.of(
                Paper.builder(ArxivId.parse("2603.00001"), "Small language models that reason")
                    .abstractText("We train small language models to reason step by step.")
                    .authors(List.of("Ada Lovelace"))
                    .categories(List.of("cs.CL"))
                    .build()));
    Reindexer.rebuild(app.store(), app.index(), (done, total) -> {});
    return app;
  }

  @Test
  void loadsTheModelAndSearchesEveryModeWhenSemanticSearchIsOn() {
    try (AppContext app = open(true)) {
      LazyEmbedder embedder = (LazyEmbedder) app.embedder();
      assertThat(embedder.isLoaded()).isFalse();

      assertThat(app.warmSearch()).isPositive();

      assertThat(embedder.isLoaded()).isTrue();
    }
  }

  @Test
  void leavesTheModelUnloadedWhenSemanticSearchIsOff() {
    try (AppContext app = open(false)) {
      assertThat(app.warmSearch()).isPositive();

      assertThat(((LazyEmbedder) app.embedder()).isLoaded()).isFalse();
    }
  }
}
