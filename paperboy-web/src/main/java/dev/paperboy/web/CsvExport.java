package dev.paperboy.web;

import dev.paperboy.core.paper.Paper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * CSV of a saved list or a collection (RFC 4180, written by Commons CSV). Cells that a spreadsheet
 * would run as a formula (starting with {@code = + - @}, tab or CR) get a leading apostrophe, as
 * the OWASP "CSV Injection" page advises: titles and notes are written by others.
 */
final class CsvExport {
  private CsvExport() {}

  /** A row: the paper, and the list's own columns (state, note, added). */
  record Row(Paper paper, @Nullable String state, String note, String added) {}

  static String write(List<Row> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv =
        new CSVPrinter(
            out,
            CSVFormat.RFC4180
                .builder()
                .setHeader(
                    "arxiv_id",
                    "title",
                    "authors",
                    "year",
                    "primary_category",
                    "url",
                    "state",
                    "note",
                    "added")
                .get())) {
      for (Row r : rows) {
        Paper p = r.paper();
        LocalDate d = p.submitted() != null ? p.submitted() : p.displayDate();
        csv.printRecord(
            p.id().value(),
            safe(p.title().replaceAll("\\s+", " ")),
            safe(String.join("; ", p.authors())),
            d == null ? "" : Integer.toString(d.getYear()),
            p.primaryCategory() == null ? "" : p.primaryCategory(),
            p.id().absUrl(),
            r.state() == null ? "" : r.state(),
            safe(r.note()),
            r.added());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static String safe(String cell) {
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      return "'" + cell;
    }
    return cell;
  }
}
