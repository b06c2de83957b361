package dev.paperboy.app.cli;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of long work: a bar redrawn in place on a terminal, or a plain line every few seconds
 * when output goes to a file or a pipe (so logs stay readable).
 */
public final class Progress {
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final long LINE_NANOS = 5_000_000_000L;
  private static final int BAR_WIDTH = 28;

  private final PrintStream out;
  private final String label;
  private final String unit;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private final long start;
  private long lastDraw;
  private boolean drawn;

  public Progress(
      PrintStream out, String label, String unit, boolean terminal, LongSupplier nanoTime) {
    this.out = out;
    this.label = label;
    this.unit = unit;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.lastDraw = start;
  }

  /** Progress on standard error, drawn as a bar when it is a terminal. */
  public static Progress onStderr(String label, String unit) {
    return new Progress(System.err, label, unit, isTerminal(), System::nanoTime);
  }

  /**
   * Reports that {@code done} units are finished; {@code fraction} is the share of all work done
   * (0..1), or NaN when the total is unknown.
   */
  public synchronized void update(long done, double fraction) {
    long now = nanoTime.getAsLong();
    if (now - lastDraw < (terminal ? REDRAW_NANOS : LINE_NANOS)) {
      return;
    }
    lastDraw = now;
    String line = render(done, fraction, now - start);
    if (terminal) {
      out.print("\r" + line + "\033[K");
    } else {
      out.println(line);
    }
    out.flush();
    drawn = true;
  }

  /** Ends the bar; the summary goes on its own line. */
  public synchronized void finish(long done) {
    if (terminal && drawn) {
      out.print("\r" + render(done, 1.0, nanoTime.getAsLong() - start) + "\033[K\n");
      out.flush();
    }
  }

  String render(long done, double fraction, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    StringBuilder sb = new StringBuilder(label).append(' ');
    boolean known = !Double.isNaN(fraction) && fraction > 0;
    if (terminal && known) {
      int filled = (int) Math.round(Math.min(1, fraction) * BAR_WIDTH);
      sb.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ");
    }
    if (known) {
      sb.append(String.format(Locale.ROOT, "%3.0f%% ", Math.min(1, fraction) * 100));
    }
    sb.append(String.format(Locale.ROOT, "%,d %s, %,.0f/s", done, unit, rate));
    if (known && fraction < 1) {
      long eta = (long) (seconds / fraction * (1 - fraction));
      sb.append(", ETA ").append(formatSeconds(eta));
    }
    return sb.toString();
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
  public static String formatSeconds(long s) {
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /**
   * True when the console is an interactive terminal. {@code Console.isTerminal()} exists from Java
   * 22; on 21 a non-null console already means a terminal.
   */
  static boolean isTerminal() {
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      Method m = Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
