package dev.paperboy.mail;

import static dev.paperboy.mail.SmtpMailerGreenMailTest.lf;
import static dev.paperboy.mail.SmtpMailerGreenMailTest.unfolded;
import static dev.paperboy.mail.TestMessages.CLOCK;
import static dev.paperboy.mail.TestMessages.HTML;
import static dev.paperboy.mail.TestMessages.NOW;
import static dev.paperboy.mail.TestMessages.SUBJECT;
import static dev.paperboy.mail.TestMessages.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.mail.Mailer;
import dev.paperboy.core.mail.MessageId;
import dev.paperboy.core.mail.SendReceipt;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMailerTest {

  @TempDir Path dir;

  private static MimeMessage parse(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  private List<Path> emlFiles() throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("outbox"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".eml")).toList();
    }
  }

  @Test
  void writesAnEmlFileThatParsesBackAsTheSameMessage() throws Exception {
    FileMailer mailer = new FileMailer(dir.resolve("outbox"), CLOCK);
    SendReceipt r =
        mailer.send(
            TestMessages.digest("digest.2026-03-02.s42@paperboy.example", "ada@example.org")
                .build());
    Path file = mailer.fileFor(new MessageId("digest.2026-03-02.s42@paperboy.example"));
    assertThat(emlFiles()).containsExactly(file);
    assertThat(r.detail()).isEqualTo("written: " + file);
    assertThat(r.duplicate()).isFalse();
    assertThat(file.getFileName().toString())
        .matches("digest\\.2026-03-02\\.s42_paperboy\\.example-[0-9a-f]{16}\\.eml");

    MimeMessage m = parse(file);
    assertThat(m.getMessageID()).isEqualTo("<digest.2026-03-02.s42@paperboy.example>");
    assertThat(m.getSubject()).isEqualTo(SUBJECT);
    assertThat(((InternetAddress) m.getFrom()[0]).getPersonal())
        .isEqualTo("Paperboy Tägliche Papers");
    assertThat(m.getHeader("To")).containsExactly("ada@example.org");
    assertThat(m.getSentDate()).isEqualTo(Date.from(NOW));
    assertThat(unfolded(m, "List-Unsubscribe")).isEqualTo("<https://paperboy.example/u/tok42>");
    assertThat(unfolded(m, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    MimeMultipart alt = (MimeMultipart) m.getContent();
    assertThat(lf((String) alt.getBodyPart(0).getContent())).isEqualTo(TEXT);
    assertThat(lf((String) alt.getBodyPart(1).getContent())).isEqualTo(HTML);
    // RFC 5322 line ends, like a message taken from a server.
    String raw = Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(raw).contains("\r\n").doesNotContain("\r\r").doesNotContainPattern("[^\r]\n");
  }

  @Test
  void sendingTheSameMessageIdTwiceWritesOneFile() throws Exception {
    Path outbox = dir.resolve("outbox");
    FileMailer first = new FileMailer(outbox, CLOCK);
    first.send(TestMessages.plain("once@paperboy.example", "ada@example.org"));
    Path file = first.fileFor(new MessageId("once@paperboy.example"));
    byte[] before = Files.readAllBytes(file);

    // Later, after a restart: another clock, same id.
    FileMailer again = new FileMailer(outbox, Clock.offset(CLOCK, Duration.ofHours(1)));
    SendReceipt r = again.send(TestMessages.plain("once@paperboy.example", "ada@example.org"));
    assertThat(r.duplicate()).isTrue();
    assertThat(r.detail()).startsWith("already written: ");
    assertThat(emlFiles()).containsExactly(file);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (Stream<Path> all = Files.list(outbox)) {
      assertThat(all).hasSize(1); // no temporary files left behind
    }
  }

  @Test
  void concurrentSendsOfOneIdWriteItOnce() throws Exception {
    FileMailer mailer = new FileMailer(dir.resolve("outbox"), CLOCK);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<SendReceipt>> tasks = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        tasks.add(() -> mailer.send(TestMessages.plain("race@paperboy.example", "a@example.org")));
      }
      List<SendReceipt> receipts = new ArrayList<>();
      for (Future<SendReceipt> f : pool.invokeAll(tasks)) {
        receipts.add(f.get());
      }
      assertThat(receipts).filteredOn(r -> !r.duplicate()).hasSize(1);
      assertThat(emlFiles()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void longLinesAreEncodedSoNoLineExceedsTheSmtpLimit() throws Exception {
    FileMailer mailer = new FileMailer(dir.resolve("outbox"), CLOCK);
    String longLine = "word ".repeat(50) + "x".repeat(2000) + "\n";
    mailer.send(
        TestMessages.plain("long@paperboy.example", "ada@example.org").toBuilder()
            .text(longLine)
            .html("<p>" + "y".repeat(3000) + "</p>")
            .build());
    Path file = mailer.fileFor(new MessageId("long@paperboy.example"));
    // RFC 5321 section 4.5.3.1.6: a text line is at most 1000 octets including CRLF.
    assertThat(Files.readAllLines(file)).allSatisfy(l -> assertThat(l.length()).isLessThan(999));
    MimeMultipart alt = (MimeMultipart) parse(file).getContent();
    assertThat(lf((String) alt.getBodyPart(0).getContent())).isEqualTo(longLine);
    assertThat((String) alt.getBodyPart(1).getContent()).contains("y".repeat(3000));
  }

  @Test
  void aClosedMailerRefusesToSend() {
    FileMailer mailer = new FileMailer(dir.resolve("outbox"), CLOCK);
    mailer.close();
    assertThatThrownBy(() -> mailer.send(TestMessages.plain("c@paperboy.example", "a@example.org")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void fileNamesAreSafeAndDistinct() {
    String a = FileMailer.fileName(new MessageId("a/b@x"));
    String b = FileMailer.fileName(new MessageId("a_b@x"));
    String upper = FileMailer.fileName(new MessageId("A_b@x"));
    assertThat(a).startsWith("a_b_x-").endsWith(".eml").doesNotContain("/");
    assertThat(a).isNotEqualTo(b);
    assertThat(b.toLowerCase()).isNotEqualTo(upper.toLowerCase()); // case-insensitive disks
    assertThat(FileMailer.fileName(new MessageId("/etc/passwd@x"))).startsWith("_etc_passwd_x-");
    String longId = "x".repeat(200) + "@paperboy.example";
    assertThat(FileMailer.fileName(new MessageId(longId))).hasSize(80 + 1 + 16 + 4);
    assertThat(FileMailer.fileName(new MessageId("a@b")))
        .isEqualTo(FileMailer.fileName(MessageId.parse("<a@b>")));
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> new FileMailer(file.resolve("outbox"), CLOCK))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot create the mail directory " + file.resolve("outbox"));
  }

  @Test
  void theFactoryWritesFilesWithoutAnSmtpServer() throws Exception {
    try (Mailer files = Mailers.create(null, dir.resolve("outbox"), CLOCK);
        Mailer smtp = Mailers.create(SmtpConfig.of("127.0.0.1", 2525, TlsMode.NONE), dir, CLOCK)) {
      assertThat(files).isInstanceOf(FileMailer.class);
      assertThat(files.describe()).isEqualTo(dir.resolve("outbox").toString());
      assertThat(smtp).isInstanceOf(SmtpMailer.class);
      assertThat(smtp.describe()).isEqualTo("smtp://127.0.0.1:2525");
      files.send(TestMessages.plain("f@paperboy.example", "ada@example.org"));
      assertThat(emlFiles()).hasSize(1);
    }
  }
}
