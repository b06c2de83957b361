package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void plainLinesEveryFewSecondsWithRateAndEta() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong();
    Progress p =
        new Progress(
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            "import",
            "records",
            false,
            now::get);
    now.set(1_000_000_000L);
    p.update(100, 0.1);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).as("not yet: lines are 5 s apart").isEmpty();
    now.set(10_000_000_000L);
    p.update(1000, 0.25);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("import  25% 1,000 records, 100/s, ETA 0:30" + System.lineSeparator());
  }

  @Test
  void barOnATerminal() {
    Progress p =
        new Progress(
            new PrintStream(new ByteArrayOutputStream()), "reindex", "papers", true, () -> 0);
    assertThat(p.render(500, 0.5, 2_000_000_000L))
        .isEqualTo("reindex [##############--------------]  50% 500 papers, 250/s, ETA 0:02");
    assertThat(p.render(7, Double.NaN, 1_000_000_000L)).isEqualTo("reindex 7 papers, 7/s");
    assertThat(Progress.formatSeconds(3725)).isEqualTo("1:02:05");
  }
}
