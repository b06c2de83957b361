package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.app.AppContext;
import dev.paperboy.app.Main;
import dev.paperboy.app.config.Config;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.security.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCommandTest {
  @TempDir Path dir;

  @Test
  void grantMakesTheFirstAdmin() {
    StringWriter err = new StringWriter();
    int code =
        Main.commandLine()
            .setErr(new PrintWriter(err))
            .execute("user", "grant", "--data", dir.toString(), "Ada@Example.org", "admin");
    assertThat(code).as(err.toString()).isZero();
    try (AppContext app = AppContext.open(Config.load(dir, null, Map.of(), Map.of()))) {
      var u = app.users().findByEmail(EmailAddress.parse("e", "ada@example.org")).orElseThrow();
      assertThat(u.role()).isEqualTo(Role.ADMIN);
    }
    assertThat(
            Main.commandLine()
                .setErr(new PrintWriter(new StringWriter()))
                .execute("user", "grant", "--data", dir.toString(), "ada@example.org", "root"))
        .isEqualTo(2);
  }

  @Test
  void theConfiguredAdminIsMadeAtStart() {
    Config config =
        Config.load(dir, null, Map.of(), Map.of("community.admin.email", "root@example.org"));
    try (AppContext app = AppContext.open(config)) {
      assertThat(app.community()).isNotNull();
      assertThat(
              app.users()
                  .findByEmail(EmailAddress.parse("e", "root@example.org"))
                  .orElseThrow()
                  .role())
          .isEqualTo(Role.ADMIN);
    }
  }
}
