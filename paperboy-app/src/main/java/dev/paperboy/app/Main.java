package dev.paperboy.app;

import dev.paperboy.app.cli.BackupCommand;
import dev.paperboy.app.cli.BenchCommand;
import dev.paperboy.app.cli.DigestCommand;
import dev.paperboy.app.cli.EmbedCommand;
import dev.paperboy.app.cli.EvalCommand;
import dev.paperboy.app.cli.HarvestCommand;
import dev.paperboy.app.cli.ImportCommand;
import dev.paperboy.app.cli.MigrateCommand;
import dev.paperboy.app.cli.ReindexCommand;
import dev.paperboy.app.cli.SearchCommand;
import dev.paperboy.app.cli.ServeCommand;
import dev.paperboy.app.cli.SolrCommand;
import dev.paperboy.app.cli.StatsCommand;
import dev.paperboy.app.cli.UpdateCommand;
import dev.paperboy.app.cli.UserCommand;
import dev.paperboy.app.config.ConfigException;
import java.io.PrintWriter;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code paperboy} command: each subcommand is one class in {@code app.cli}. */
@Command(
    name = "paperboy",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A self-hosted daily research-papers platform.",
    subcommands = {
      ServeCommand.class,
      ImportCommand.class,
      HarvestCommand.class,
      UpdateCommand.class,
      SearchCommand.class,
      ReindexCommand.class,
      EmbedCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      StatsCommand.class,
      UserCommand.class,
      DigestCommand.class,
      MigrateCommand.class,
      SolrCommand.class,
      BackupCommand.class,
      CommandLine.HelpCommand.class
    },
    commandListHeading = "%nCommands:%n",
    footer = {
      "",
      "Data lives in ./paperboy-data unless --data DIR or PAPERBOY_DATA says otherwise.",
      "Set PAPERBOY_DEBUG=1 to see stack traces of unexpected errors."
    })
public final class Main implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    routeJavaUtilLogging();
    System.exit(commandLine().execute(args));
  }

  /** Libraries that log through java.util.logging (Lucene) follow the slf4j settings too. */
  static void routeJavaUtilLogging() {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }

  /** The configured command line (also used by tests). */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(Main::handle);
    return cli;
  }

  /**
   * Errors a user can act on print one line and exit 1; a stack trace only with PAPERBOY_DEBUG,
   * since it helps developers and scares everyone else.
   */
  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (e instanceof ConfigException) {
      err.println("configuration error: " + e.getMessage());
      return 2;
    }
    if (e instanceof IllegalArgumentException) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    err.println("error: " + describe(e));
    if (System.getenv("PAPERBOY_DEBUG") != null) {
      e.printStackTrace(err);
    }
    return 1;
  }

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
        sb.append(": ").append(c.getMessage());
      }
    }
    return sb.toString();
  }

  /** The version from the jar manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"paperboy " + (v == null ? "development build" : v)};
    }
  }
}
