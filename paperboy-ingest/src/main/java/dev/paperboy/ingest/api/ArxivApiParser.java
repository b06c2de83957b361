package dev.paperboy.ingest.api;

import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.ingest.SourceRecord;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperVersion;
import dev.paperboy.core.paper.Text;
import dev.paperboy.core.paper.VersionedId;
import dev.paperboy.ingest.oai.MalformedXmlException;
import dev.paperboy.ingest.support.Authors;
import dev.paperboy.ingest.support.BadRecordException;
import dev.paperboy.ingest.support.CategoryFilter;
import dev.paperboy.ingest.support.Dates;
import dev.paperboy.ingest.support.Ids;
import dev.paperboy.ingest.support.Withdrawal;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads an arXiv API answer (Atom 1.0 with the {@code arxiv} extension,
 * https://info.arxiv.org/help/api/user-manual.html#_details_of_atom_results_returned).
 *
 * <p>Per {@code <entry>}: the versioned id from {@code <id>http://arxiv.org/abs/2203.01250v3</id>}
 * (the latest version); {@code <published>} is when v1 was submitted and {@code <updated>} when
 * this version was, so the paper gets {@code submitted}, {@code updated}, {@code version} and the
 * versions {@code v1} and {@code vN} with their UTC dates. Also {@code <title>}, {@code <summary>},
 * {@code <author><name>}, {@code <arxiv:primary_category>} then {@code <category term>}, {@code
 * <arxiv:comment>}, {@code <arxiv:journal_ref>}, {@code <arxiv:doi>}. An entry whose id is an API
 * error ({@code http://arxiv.org/api/errors#...}) is rejected with its summary as the reason.
 */
public final class ArxivApiParser {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String ARXIV = "http://arxiv.org/schemas/atom";

  private final XMLInputFactory factory;
  private final CategoryFilter categories = new CategoryFilter();

  public ArxivApiParser() {
    factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
  }

  /** Parses one answer into {@code sink}; returns the number of entries. */
  public int parse(InputStream in, String where, RecordSink sink) throws IOException {
    int entries = 0;
    XMLStreamReader x = null;
    try {
      x = factory.createXMLStreamReader(in);
      int event = x.next();
      while (event != XMLStreamConstants.START_ELEMENT) {
        if (event == XMLStreamConstants.DTD) {
          throw new IOException(where + ": has a DOCTYPE declaration; DTDs are refused");
        }
        if (event == XMLStreamConstants.END_DOCUMENT) {
          throw new IOException(where + ": not an arXiv API answer: no root element");
        }
        event = x.next();
      }
      if (!ATOM.equals(x.getNamespaceURI()) || !"feed".equals(x.getLocalName())) {
        throw new IOException(
            where + ": not an arXiv API answer: the root element is <" + x.getLocalName() + ">");
      }
      while (x.hasNext()) {
        if (x.next() == XMLStreamConstants.START_ELEMENT
            && "entry".equals(x.getLocalName())
            && ATOM.equals(x.getNamespaceURI())) {
          entries++;
          int line = x.getLocation().getLineNumber();
          Map<String, String> f = new HashMap<>();
          List<String> cats = new ArrayList<>();
          List<String> authors = new ArrayList<>();
          entry(x, f, cats, authors);
          String id = f.getOrDefault("id", "").strip();
          String at = where + (id.isEmpty() ? ":" + line : "#" + id);
          if (id.contains("/api/errors")) {
            sink.reject(
                new Rejection(
                    at, "the arXiv API reports an error: " + Text.oneLine(f.get("summary"))));
            continue;
          }
          try {
            sink.accept(new SourceRecord(at, paper(f, cats, authors), List.of()));
          } catch (BadRecordException | IllegalArgumentException e) {
            sink.reject(new Rejection(at, String.valueOf(e.getMessage())));
          }
        }
      }
    } catch (XMLStreamException e) {
      if (e.getNestedException() instanceof IOException io) {
        throw io;
      }
      var loc = e.getLocation();
      String msg = String.valueOf(e.getMessage());
      int m = msg.indexOf("Message: ");
      msg = m >= 0 ? msg.substring(m + "Message: ".length()) : msg;
      throw new MalformedXmlException(
          loc == null ? where : where + ":" + loc.getLineNumber() + ":" + loc.getColumnNumber(),
          "malformed XML: " + msg.strip(),
          e);
    } finally {
      if (x != null) {
        try {
          x.close();
        } catch (XMLStreamException ignored) {
          // nothing to do
        }
      }
    }
    return entries;
  }

  private static void entry(
      XMLStreamReader x, Map<String, String> f, List<String> cats, List<String> authors)
      throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = x.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        continue;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String ns = x.getNamespaceURI() == null ? "" : x.getNamespaceURI();
      String name = x.getLocalName();
      if (ns.equals(ATOM)) {
        switch (name) {
          case "id", "title", "summary", "published", "updated" -> f.put(name, text(x));
          case "author" -> depth++;
          case "name" -> authors.add(text(x));
          case "category" -> {
            String term = x.getAttributeValue(null, "term");
            if (term != null) {
              cats.add(term);
            }
            skip(x);
          }
          default -> skip(x);
        }
      } else if (ns.equals(ARXIV)) {
        switch (name) {
          case "primary_category" -> {
            String term = x.getAttributeValue(null, "term");
            if (term != null) {
              cats.add(0, term);
            }
            skip(x);
          }
          case "comment", "journal_ref", "doi" -> f.put(name, text(x));
          default -> skip(x); // affiliation
        }
      } else {
        skip(x);
      }
    }
  }

  private Paper paper(Map<String, String> f, List<String> cats, List<String> authors) {
    String idText = f.get("id");
    if (idText == null || idText.isBlank()) {
      throw new BadRecordException("missing id");
    }
    String t = idText.strip();
    int abs = t.indexOf("/abs/");
    VersionedId id = Ids.parse(abs >= 0 ? t.substring(abs + 5) : t, "id");
    String title = Text.oneLine(f.get("title"));
    if (title.isEmpty()) {
      throw new BadRecordException("missing title");
    }
    LocalDate published = day(f.get("published"), "published");
    LocalDate updated = day(f.get("updated"), "updated");
    List<PaperVersion> versions = new ArrayList<>();
    if (published != null) {
      versions.add(new PaperVersion(1, published));
    }
    if (updated != null && id.version() > 1) {
      versions.add(new PaperVersion(id.version(), updated));
    }
    String abstractText = Text.paragraphs(f.get("summary"));
    String comments = Text.oneLineOrNull(f.get("comment"));
    return Paper.builder(id.id(), title)
        .version(id.version())
        .abstractText(abstractText)
        .authors(Authors.clean(authors))
        .categories(categories.keep(cats))
        .comments(comments)
        .journalRef(Text.oneLineOrNull(f.get("journal_ref")))
        .doi(Text.oneLineOrNull(f.get("doi")))
        .submitted(published)
        .updated(id.version() > 1 && updated != null ? updated : published)
        .versions(versions)
        .withdrawn(Withdrawal.isWithdrawn(comments, abstractText))
        .build();
  }

  private static @Nullable LocalDate day(@Nullable String text, String field) {
    Instant i = Dates.instant(text == null || text.isBlank() ? null : text, field);
    return i == null ? null : Dates.utcDay(i);
  }

  private static String text(XMLStreamReader x) throws XMLStreamException {
    StringBuilder s = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int event = x.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS,
            XMLStreamConstants.CDATA,
            XMLStreamConstants.SPACE,
            XMLStreamConstants.ENTITY_REFERENCE ->
            s.append(x.getText());
        default -> {}
      }
    }
    return s.toString();
  }

  private static void skip(XMLStreamReader x) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = x.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }
}
