package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserStore;
import dev.paperboy.core.community.AuditEntry;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.security.Role;
import dev.paperboy.store.JdbcModerationStore;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code paperboy user}: accounts from the command line, for the first admin and for fixing roles
 * without a browser.
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage accounts (roles) from the command line.",
    subcommands = {UserCommand.Grant.class, UserCommand.Show.class})
public final class UserCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** {@code paperboy user grant ADDRESS ROLE}. */
  @Command(
      name = "grant",
      mixinStandardHelpOptions = true,
      description = {
        "Give an account a role: user, moderator or admin. An address without an account gets"
            + " one (its owner signs in with a link mailed to it).",
        "Example: paperboy user grant ada@example.org admin"
      })
  static final class Grant implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "The account's email address.")
    String address;

    @Parameters(index = "1", paramLabel = "ROLE", description = "user, moderator or admin.")
    String role;

    @Override
    public Integer call() {
      EmailAddress email = EmailAddress.parse("ADDRESS", address);
      Role r = Role.parse(role);
      try (AppContext app = AppContext.open(data.load(System.getenv(), Map.of()))) {
        UserStore users = app.users();
        User u = users.findOrCreate(email, app.clock().instant());
        User changed = users.setRole(u.id(), r);
        // Role changes are administration: the audit log records them like the web's actions.
        new JdbcModerationStore(app.database())
            .record(
                new AuditEntry(
                    app.clock().instant(),
                    null,
                    "command line",
                    "user.role",
                    changed.id().value(),
                    changed.displayName() + " is now " + changed.role().code()));
        System.out.println(
            changed.email() + " (" + changed.displayName() + ") is now " + changed.role().code());
        return 0;
      }
    }
  }

  /** {@code paperboy user show ADDRESS}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show an account's name, role and state.")
  static final class Show implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "The account's email address.")
    String address;

    @Override
    public Integer call() {
      EmailAddress email = EmailAddress.parse("ADDRESS", address);
      try (AppContext app = AppContext.open(data.load(System.getenv(), Map.of()))) {
        var found = app.users().findByEmail(email);
        if (found.isEmpty()) {
          System.err.println("no account for " + email);
          return 3;
        }
        User u = found.get();
        System.out.println(
            u.email()
                + "  name: "
                + u.displayName()
                + "  role: "
                + u.role().code()
                + "  since: "
                + u.createdAt()
                + (u.suspended() ? "  SUSPENDED since " + u.suspendedAt() : ""));
        return 0;
      }
    }
  }
}
