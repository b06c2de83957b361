package dev.paperboy.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {

  @Test
  void gunzipsByContentNotByName(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("plain-name.txt");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write("hello".getBytes(StandardCharsets.UTF_8));
    }
    Path plain = Files.writeString(dir.resolve("looks.gz"), "plain");
    InputFile g = InputFile.of(gz);
    InputFile p = InputFile.of(plain);
    assertThat(g.isGzip()).isTrue();
    assertThat(p.isGzip()).isFalse();
    try (InputStream in = g.open()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }
    try (InputStream in = p.open()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("plain");
    }
    assertThat(g.fractionRead()).isEqualTo(1.0);
    assertThat(g.name()).isEqualTo("plain-name.txt");
  }

  @Test
  void progressCountsCompressedBytes(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("big.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      java.util.Random r = new java.util.Random(42);
      byte[] chunk = new byte[1 << 16];
      for (int i = 0; i < 32; i++) {
        r.nextBytes(chunk); // incompressible: the file is ~2 MiB on disk too
        o.write(chunk);
      }
    }
    InputFile f = InputFile.of(gz);
    assertThat(f.fractionRead()).isZero();
    try (InputStream in = f.open()) {
      in.readNBytes(1 << 16);
      double early = f.fractionRead();
      assertThat(early).isGreaterThan(0.0).isLessThan(0.2);
      in.readAllBytes();
    }
    assertThat(f.fractionRead()).isEqualTo(1.0);
  }

  @Test
  void aTruncatedGzipIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("cut.jsonl.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write("{\"id\": \"2503.00001\"}\n".repeat(10_000).getBytes(StandardCharsets.UTF_8));
    }
    byte[] all = Files.readAllBytes(gz);
    Files.write(gz, java.util.Arrays.copyOf(all, all.length / 2));
    InputFile f = InputFile.of(gz);
    assertThatThrownBy(
            () -> {
              try (InputStream in = f.open()) {
                in.readAllBytes();
              }
            })
        .isInstanceOf(InputFile.FileReadException.class)
        .hasMessageStartingWith(gz + ": cannot be read: ")
        .hasMessageEndingWith("(truncated or corrupt gzip data)");
  }

  @Test
  void missingAndDirectoryAreErrorsNamingThePath(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> InputFile.of(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> InputFile.of(dir))
        .isInstanceOf(IOException.class)
        .hasMessage(dir + ": is a directory, not a file");
  }
}
