package dev.paperboy.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats Paperboy imports, with the names the CLI's {@code --format} takes. */
public enum SourceFormat {
  /** A raw Hugging Face {@code /api/daily_papers} response: a JSON array of entries. */
  HF_DAILY("hf-daily", "Hugging Face daily_papers API response (JSON array)"),
  /** Hugging Face daily papers as JSON Lines: {@code {"date", "papers": [...]}} per line. */
  HF_DAILY_JSONL("hf-daily-jsonl", "Hugging Face daily papers by date (JSON Lines)"),
  /** arXiv listing crawls as JSON Lines: {@code id, listing_date, authors, title, ...}. */
  ARXIV_JSONL("arxiv-jsonl", "arXiv listing (JSON Lines)"),
  /** Kaggle's {@code arxiv-metadata-oai-snapshot.json} (JSON Lines with versions). */
  KAGGLE("kaggle", "Kaggle arxiv-metadata-oai-snapshot (JSON Lines)"),
  /** An OAI-PMH ListRecords/GetRecord response in arXiv's {@code arXiv} metadata format. */
  OAI_PMH("oai-pmh", "OAI-PMH response, arXiv metadata format (XML)");

  private final String cliName;
  private final String description;

  SourceFormat(String cliName, String description) {
    this.cliName = cliName;
    this.description = description;
  }

  /** The name used on the command line: {@code hf-daily}, {@code oai-pmh}, ... */
  public String cliName() {
    return cliName;
  }

  public String description() {
    return description;
  }

  /**
   * The format named {@code name}: a CLI name or the constant's name, any case ({@code kaggle},
   * {@code OAI_PMH}, {@code oai-pmh}).
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static SourceFormat fromName(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (SourceFormat f : values()) {
      if (f.cliName.equals(n)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + name + "', expected one of: " + names());
  }

  /** The CLI names, comma-separated, for help texts and messages. */
  public static String names() {
    return Arrays.stream(values()).map(SourceFormat::cliName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return cliName;
  }
}
