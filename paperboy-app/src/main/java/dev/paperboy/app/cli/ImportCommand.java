package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import dev.paperboy.core.ingest.ImportSummary;
import dev.paperboy.core.ingest.Importer;
import dev.paperboy.core.ingest.PaperSource;
import dev.paperboy.ingest.SourceFormat;
import dev.paperboy.ingest.Sources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperboy import FILE...}: reads files in any supported format into the store. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import papers from files into the store and the search index.",
      "Next to a running server, which holds the search index, the papers are stored and the"
          + " server indexes them within search.follow.interval.",
      // ${COMPLETION-CANDIDATES} works in an option's description only (here it printed "null").
      "The format of each file is detected from its content unless --format names it.",
      "Files may be gzipped. Bad records are reported with file:line and reason; the rest imports.",
      "Importing the same file again changes nothing."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:at least one record was read",
      "1:nothing could be read (missing files, unknown format, all records bad)",
      "2:bad usage"
    })
public final class ImportCommand implements Callable<Integer> {
  /** Rejections printed per file; all of them go to the rejections log. */
  static final int PRINTED_REJECTIONS = 10;

  @Mixin DataOptions data;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Format of every file: ${COMPLETION-CANDIDATES}.",
      converter = SourceFormatConverter.class,
      completionCandidates = SourceFormatConverter.Names.class)
  @Nullable SourceFormat format;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    try (AppContext app = AppContext.open(data.load(System.getenv(), java.util.Map.of()))) {
      CommandIndex index = CommandIndex.of(app);
      Importer importer = new Importer(app.store(), index.direct());
      Path log = rejectionLog(app.config().dataDir());
      long totalRead = 0;
      long totalRejected = 0;
      long[] totals = new long[4];
      try (PrintWriter rejections = new PrintWriter(lazyWriter(log))) {
        for (Path file : files) {
          PaperSource source;
          try {
            source = Sources.open(file, format);
          } catch (IOException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            continue;
          }
          Progress progress = Progress.onStderr(file.getFileName().toString(), "records");
          int[] printed = {0};
          ImportSummary summary;
          try {
            summary =
                importer.run(
                    source,
                    r -> {
                      rejections.println(r);
                      if (printed[0]++ < PRINTED_REJECTIONS) {
                        System.err.println("rejected " + r);
                      }
                    },
                    s -> progress.update(s.read(), source.fractionRead()));
          } catch (IOException | UncheckedIOException e) {
            System.err.println("error: " + file + ": " + e.getMessage());
            continue;
          }
          progress.finish(summary.read());
          if (summary.rejected() > PRINTED_REJECTIONS) {
            System.err.printf(
                Locale.ROOT,
                "... and %,d more rejected records, all listed in %s%n",
                summary.rejected() - PRINTED_REJECTIONS,
                log);
          }
          System.out.println(file + ": " + summary);
          totalRead += summary.read();
          totalRejected += summary.rejected();
          totals[0] += summary.added();
          totals[1] += summary.updated();
          totals[2] += summary.unchanged();
        }
      }
      if (files.size() > 1) {
        System.out.printf(
            Locale.ROOT,
            "total: read %d, added %d, updated %d, unchanged %d, rejected %d%n",
            totalRead,
            totals[0],
            totals[1],
            totals[2],
            totalRejected);
      }
      index.finish(totals[0] + totals[1]);
      return totalRead - totalRejected > 0 ? 0 : 1;
    }
  }

  private static Path rejectionLog(Path dataDir) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return dataDir.resolve("logs").resolve("import-" + stamp + "-rejections.txt");
  }

  /** A writer that creates the log file only when the first rejection arrives. */
  private static java.io.Writer lazyWriter(Path file) {
    return new java.io.Writer() {
      private java.io.@Nullable Writer w;

      private java.io.Writer w() throws IOException {
        if (w == null) {
          Files.createDirectories(file.getParent());
          w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }
        return w;
      }

      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        w().write(cbuf, off, len);
      }

      @Override
      public void flush() throws IOException {
        if (w != null) {
          w.flush();
        }
      }

      @Override
      public void close() throws IOException {
        if (w != null) {
          w.close();
        }
      }
    };
  }
}
