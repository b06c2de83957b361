package dev.paperboy.web;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import java.io.StringReader;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXObject;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.ObjectResolutionException;
import org.jbibtex.ParseException;
import org.jbibtex.TokenMgrException;
import org.jbibtex.Value;
import org.jspecify.annotations.Nullable;

/**
 * BibTeX out and in for the library.
 *
 * <p>Export writes arXiv-style {@code @misc} entries as arXiv's own "Export BibTeX citation" does
 * and as biblatex reads e-prints (biblatex manual, section 3.15.1 "arXiv"): {@code eprint}, {@code
 * archivePrefix = {arXiv}}, {@code primaryClass}, {@code url}. Values are written in braces as
 * arXiv has them (titles are LaTeX source written by the authors); a value whose braces do not
 * balance has its braces escaped, so one bad title cannot break the rest of the file.
 *
 * <p>Import reads a file with jbibtex, leniently ({@code parseFully}: a broken entry does not stop
 * the others), and finds each entry's arXiv id in {@code eprint}, {@code arxivid}, {@code url},
 * {@code doi} (10.48550/arXiv.ID), {@code journal} ("arXiv preprint arXiv:ID", "CoRR abs/ID") or
 * {@code note}. Entries without one are reported, not guessed.
 */
final class Bibtex {
  private Bibtex() {}

  /** A paper to export, with an optional note ({@code annote}). */
  record Item(Paper paper, @Nullable String note) {}

  /** An entry of an import: its key, the arXiv id found (or null) and where the entry is. */
  record Entry(String key, @Nullable ArxivId id, String title) {}

  /** What an import file held: entries (with or without an id) and the parser's complaints. */
  record Parsed(List<Entry> entries, List<String> errors) {}

  // New-style ids (0704.0001 on) and old-style ids (hep-th/9901001, math.AG/0601001).
  private static final Pattern ID =
      Pattern.compile(
          "(?i)(?:arxiv[:./\\s]*|abs/|pdf/|eprint[:\\s]*)((?:\\d{4}\\.\\d{4,5}|[a-z][a-z.\\-]*(?:\\.[a-z]{2})?/\\d{7})(?:v\\d+)?)");
  private static final Pattern BARE =
      Pattern.compile(
          "^\\s*((?:\\d{4}\\.\\d{4,5}|[a-z][a-z.\\-]*(?:\\.[a-z]{2})?/\\d{7})(?:v\\d+)?)\\s*$",
          Pattern.CASE_INSENSITIVE);

  /** The BibTeX of {@code items}, one {@code @misc} each, with unique citation keys. */
  static String export(List<Item> items) {
    StringBuilder sb = new StringBuilder();
    Set<String> keys = new HashSet<>();
    for (Item it : items) {
      Paper p = it.paper();
      String key = uniqueKey(citationKey(p), keys);
      sb.append("@misc{").append(key).append(",\n");
      field(sb, "title", p.title().replaceAll("\\s+", " "));
      if (!p.authors().isEmpty()) {
        field(sb, "author", String.join(" and ", p.authors()));
      }
      LocalDate d = p.submitted() != null ? p.submitted() : p.displayDate();
      if (d != null) {
        field(sb, "year", Integer.toString(d.getYear()));
      }
      field(sb, "eprint", p.id().value());
      field(sb, "archivePrefix", "arXiv");
      if (p.primaryCategory() != null) {
        field(sb, "primaryClass", p.primaryCategory());
      }
      if (p.doi() != null && !p.doi().isBlank()) {
        field(sb, "doi", p.doi());
      }
      field(sb, "url", p.id().absUrl());
      if (it.note() != null && !it.note().isBlank()) {
        field(sb, "annote", it.note().replaceAll("\\s+", " "));
      }
      sb.setLength(sb.length() - 2);
      sb.append("\n}\n\n");
    }
    return sb.toString();
  }

  private static void field(StringBuilder sb, String name, String value) {
    sb.append("  ").append(name).append(" = {").append(braced(value)).append("},\n");
  }

  /** {@code value} safe inside {@code {...}}: braces escaped unless they balance. */
  static String braced(String value) {
    String v = value.replace("\r", "").replace("\n", " ");
    int depth = 0;
    boolean balanced = true;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\') {
        i++; // an escaped character does not count
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth < 0) {
        balanced = false;
        break;
      }
    }
    if (balanced && depth == 0 && !v.endsWith("\\")) {
      return v;
    }
    return v.replace("\\", "\\textbackslash ").replace("{", "\\{").replace("}", "\\}");
  }

  /** {@code lastname} + year + first long title word, ASCII letters and digits only. */
  static String citationKey(Paper p) {
    String last = "";
    if (!p.authors().isEmpty()) {
      String[] parts = p.authors().get(0).strip().split("\\s+");
      last = ascii(parts[parts.length - 1]);
    }
    String word = "";
    for (String w : p.title().split("\\s+")) {
      String a = ascii(w);
      if (a.length() > 3) {
        word = a;
        break;
      }
    }
    LocalDate d = p.submitted() != null ? p.submitted() : p.displayDate();
    String key = last + (d == null ? "" : Integer.toString(d.getYear())) + word;
    return key.isEmpty() ? "arxiv" + p.id().value().replaceAll("[^0-9A-Za-z]", "") : key;
  }

  private static String uniqueKey(String key, Set<String> taken) {
    String k = key;
    for (char suffix = 'a'; !taken.add(k.toLowerCase(Locale.ROOT)); suffix++) {
      k = key + suffix;
      if (suffix == 'z') {
        key = key + "z";
        suffix = 'a' - 1;
      }
    }
    return k;
  }

  private static String ascii(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "")
        .replaceAll("[^A-Za-z0-9]", "")
        .toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a BibTeX file: every entry with the arXiv id it names (or none), and what the parser
   * could not read. {@code @string} macros are resolved; an undefined macro is reported as an error
   * of its entry, not of the file.
   */
  static Parsed parse(String text) {
    List<String> errors = new ArrayList<>();
    BibTeXParser parser;
    try {
      parser =
          new BibTeXParser() {
            @Override
            public void checkStringResolution(Key key, BibTeXString string) {
              if (string == null) {
                errors.add("undefined @string macro " + key.getValue());
              }
            }

            @Override
            public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
              // A crossref to an entry not in the file is normal in exported lists; ignore it.
            }
          };
    } catch (ParseException | TokenMgrException e) {
      throw new IllegalStateException("cannot create the BibTeX parser", e);
    }
    org.jbibtex.BibTeXDatabase db;
    try {
      db = parser.parseFully(new StringReader(text));
    } catch (ObjectResolutionException e) {
      errors.add("cannot resolve " + e.getMessage());
      db = parser.getDatabase();
    } catch (RuntimeException | Error e) {
      // The token manager throws an Error (TokenMgrException) on characters it cannot read.
      errors.add("the file cannot be read as BibTeX: " + oneLine(e.getMessage()));
      db = parser.getDatabase();
    }
    for (Exception e : parser.getExceptions()) {
      errors.add(oneLine(e.getMessage()));
    }
    List<Entry> entries = new ArrayList<>();
    if (db != null) {
      for (BibTeXObject o : db.getObjects()) {
        if (o instanceof BibTeXEntry e) {
          entries.add(
              new Entry(
                  e.getKey() == null ? "" : e.getKey().getValue(),
                  arxivId(e).orElse(null),
                  text(e, BibTeXEntry.KEY_TITLE)));
        }
      }
    }
    return new Parsed(entries, errors);
  }

  /** The arXiv id an entry names, from the fields listed in the class comment, in that order. */
  static Optional<ArxivId> arxivId(BibTeXEntry e) {
    String eprint = text(e, new Key("eprint"));
    String prefix =
        (text(e, new Key("archivePrefix")) + text(e, new Key("eprinttype")))
            .toLowerCase(Locale.ROOT);
    // An eprint of another archive (PubMed, HAL) is not an arXiv id, however it looks.
    if (!eprint.isEmpty()
        && (prefix.contains("arxiv") || (prefix.isEmpty() && BARE.matcher(eprint).matches()))) {
      Optional<ArxivId> id = find(eprint, true);
      if (id.isPresent()) {
        return id;
      }
    }
    for (String field :
        List.of("arxivid", "arxiv", "url", "doi", "journal", "note", "howpublished")) {
      Optional<ArxivId> id = find(text(e, new Key(field)), field.startsWith("arxiv"));
      if (id.isPresent()) {
        return id;
      }
    }
    return Optional.empty();
  }

  private static Optional<ArxivId> find(String value, boolean bareAllowed) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (bareAllowed) {
      Matcher bare = BARE.matcher(value);
      if (bare.matches()) {
        return ArxivId.tryParse(bare.group(1));
      }
    }
    Matcher m = ID.matcher(value);
    while (m.find()) {
      Optional<ArxivId> id = ArxivId.tryParse(m.group(1));
      if (id.isPresent()) {
        return id;
      }
    }
    return Optional.empty();
  }

  private static String text(BibTeXEntry e, Key key) {
    Value v = e.getField(key);
    if (v == null) {
      return "";
    }
    try {
      return v.toUserString().strip();
    } catch (RuntimeException x) {
      return "";
    }
  }

  private static String oneLine(@Nullable String s) {
    if (s == null) {
      return "unreadable input";
    }
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() > 300 ? t.substring(0, 300) + "…" : t;
  }
}
