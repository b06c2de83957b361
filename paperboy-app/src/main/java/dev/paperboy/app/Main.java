package dev.paperboy.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code paperboy} command. */
@Command(
    name = "paperboy",
    mixinStandardHelpOptions = true,
    version = "paperboy 0.1.0-SNAPSHOT",
    description = "A self-hosted daily research-papers platform.")
public final class Main implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
