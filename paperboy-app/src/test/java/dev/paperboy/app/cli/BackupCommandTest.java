package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.app.AppContext;
import dev.paperboy.app.Main;
import dev.paperboy.app.config.Config;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.testing.Papers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCommandTest {
  @TempDir Path dir;

  @Test
  void theBackupIsACompleteStoreTakenWhileTheStoreIsOpen() {
    Path data = dir.resolve("data");
    Path copy = dir.resolve("copy.db");
    try (AppContext app = AppContext.open(Config.load(data, null, Map.of(), Map.of()))) {
      app.store()
          .upsertPapers(
              List.of(Papers.paper("2506.00001", "Kept"), Papers.paper("2506.00002", "Also")));
      // The store stays open (as under serve) while the backup is taken.
      assertThat(run("backup", "--data", data.toString(), copy.toString())).isZero();
    }
    assertThat(copy).isRegularFile();

    // The copy, restored as another install's store, holds the papers.
    Path restored = dir.resolve("restored");
    try (AppContext app =
        AppContext.open(
            Config.load(restored, null, Map.of(), Map.of("store.url", "jdbc:sqlite:" + copy)))) {
      assertThat(app.store().findPaper(ArxivId.parse("2506.00002"))).isPresent();
      assertThat(app.store().stats().papers()).isEqualTo(2);
    }
  }

  @Test
  void refusesToOverwriteAFile() throws Exception {
    Path data = dir.resolve("data");
    try (AppContext app = AppContext.open(Config.load(data, null, Map.of(), Map.of()))) {
      app.store().upsertPapers(List.of(Papers.paper("2506.00001", "Kept")));
    }
    Path existing = Files.writeString(dir.resolve("precious.db"), "mine");
    assertThat(run("backup", "--data", data.toString(), existing.toString())).isEqualTo(2);
    assertThat(Files.readString(existing)).isEqualTo("mine");
  }

  private static int run(String... args) {
    return Main.commandLine().setErr(new PrintWriter(new StringWriter())).execute(args);
  }
}
