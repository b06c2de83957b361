package dev.paperboy.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryConfigTest {
  @TempDir Path dir;

  @Test
  void defaults() {
    LibraryConfig l = Config.load(dir, null, Map.of(), Map.of()).community().library();
    assertThat(l.web().importsPerUser().limit()).isEqualTo(10);
    assertThat(l.web().importsPerUser().window()).isEqualTo(Duration.ofHours(1));
    assertThat(l.web().writesPerUser().limit()).isEqualTo(600);
    assertThat(l.web().maxImportBytes()).isEqualTo(2 * 1024 * 1024);
    assertThat(l.web().forYouSize()).isEqualTo(30);
    assertThat(l.web().followingDays()).isEqualTo(14);
    assertThat(l.forYouDays()).isEqualTo(14);
    assertThat(l.notInterestedWeight()).isEqualTo(0.5);
  }

  @Test
  void keysOverrideTheDefaultsAndAreKnown() {
    Map<String, String> flags =
        Map.of(
            "library.imports.user", "3/1m",
            "library.foryou.size", "5",
            "library.foryou.days", "30",
            "library.notinterested.weight", "1.5");
    LibraryConfig l = Config.load(dir, null, Map.of(), flags).community().library();
    assertThat(l.web().importsPerUser().limit()).isEqualTo(3);
    assertThat(l.web().importsPerUser().window()).isEqualTo(Duration.ofMinutes(1));
    assertThat(l.web().forYouSize()).isEqualTo(5);
    assertThat(l.forYouDays()).isEqualTo(30);
    assertThat(l.notInterestedWeight()).isEqualTo(1.5);
    assertThat(Config.KEYS).containsAll(flags.keySet());
  }

  @Test
  void aBadValueNamesItsKey() {
    assertThatThrownBy(
            () -> Config.load(dir, null, Map.of(), Map.of("library.imports.user", "lots")))
        .hasMessageContaining("library.imports.user");
    assertThatThrownBy(() -> Config.load(dir, null, Map.of(), Map.of("library.foryou.size", "0")))
        .hasMessageContaining("library.foryou.size");
  }
}
