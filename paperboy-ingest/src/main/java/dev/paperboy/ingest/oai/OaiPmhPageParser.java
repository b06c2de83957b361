package dev.paperboy.ingest.oai;

import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.ingest.SourceRecord;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperVersion;
import dev.paperboy.core.paper.Text;
import dev.paperboy.core.paper.VersionedId;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses one OAI-PMH response page ({@code ListRecords} or {@code GetRecord}) whose records are in
 * arXiv's {@code arXiv} metadata format, streaming with StAX: records go to the sink one at a time,
 * and the page's resumption token comes back in the {@link OaiPmhPage}. The harvester calls this
 * for every page it fetches; {@link OaiPmhFileSource} calls it for a saved page.
 *
 * <p>Mapping of {@code <arXiv>} (schema http://arxiv.org/OAI/arXiv.xsd): {@code id} (else the
 * header identifier without {@code oai:arXiv.org:}); {@code title} through {@link Text#oneLine};
 * {@code abstract} through {@link Text#paragraphs}; {@code authors/author} as "forenames keyname
 * suffix"; {@code categories} (space-separated, primary first) filtered to arXiv categories; {@code
 * comments}, {@code journal-ref}, {@code doi}, {@code license}; {@code created} (the date of v1) as
 * submitted and {@code updated} (the date of the latest version, absent when there is only v1) as
 * updated, else {@code created}; {@code created} is also recorded as the date of version 1 ({@link
 * PaperVersion}). The format carries no other version numbers and no listing day, so the version is
 * 0 (the announcement feed and the arXiv API tell it) and there is no daily entry.
 *
 * <p>Records are reported at {@code where#identifier} ({@code page.xml#oai:arXiv.org:0704.0001}),
 * or {@code where:line} when the header has no identifier. A record whose header has {@code
 * status="deleted"} (protocol section 2.5.1) has no metadata: it is not imported, and is reported
 * to {@link RecordSink#reject} with the reason {@value #DELETED}, so the import summary counts it
 * and shows it, and counted in {@link OaiPmhPage#deleted()}.
 *
 * <p>Errors: a response with {@code <error>} elements throws {@link OaiPmhException}, except one
 * whose only error is {@code noRecordsMatch}, which the protocol uses for an empty list: that is an
 * empty page without a token. XML that is not well-formed throws {@link MalformedXmlException}
 * (records before the error have been handed to the sink). I/O errors of the stream pass through.
 * DTDs and external entities are refused (no XXE).
 *
 * <p>Not thread-safe: use one parser per thread.
 */
public final class OaiPmhPageParser {
  /** The OAI-PMH 2.0 namespace. */
  public static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";

  /** The namespace of arXiv's {@code arXiv} metadata format. */
  public static final String ARXIV_NS = "http://arxiv.org/OAI/arXiv/";

  /** The rejection reason of a deleted record. */
  public static final String DELETED =
      "deleted upstream (OAI-PMH header status=\"deleted\"); not imported";

  private static final Logger log = LoggerFactory.getLogger(OaiPmhPageParser.class);
  private static final String OAI_ID_PREFIX = "oai:arXiv.org:";

  private final XMLInputFactory factory;
  private final CategoryFilter categories = new CategoryFilter();

  public OaiPmhPageParser() {
    factory = XMLInputFactory.newFactory();
    // No DTDs, no external entities: a response must not make us read files or fetch URLs.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
  }

  /**
   * Parses one response.
   *
   * @param where where the response came from, for locations: a file name or a URL
   * @throws OaiPmhException when the response reports OAI-PMH errors
   * @throws MalformedXmlException when the XML is not well-formed
   * @throws IOException when the stream fails, or the document is not an OAI-PMH response
   */
  public OaiPmhPage parse(InputStream in, String where, RecordSink sink) throws IOException {
    long droppedBefore = categories.dropped();
    Page page = new Page();
    XMLStreamReader x = null;
    try {
      x = factory.createXMLStreamReader(in);
      int first = x.next();
      while (first != XMLStreamConstants.START_ELEMENT) {
        if (first == XMLStreamConstants.DTD) {
          // Refused outright: a DTD can declare external entities (XXE), and no OAI-PMH
          // response needs one (the protocol validates against XML Schema).
          throw new IOException(where + ": has a DOCTYPE declaration; DTDs are refused");
        }
        if (first == XMLStreamConstants.END_DOCUMENT) {
          throw new IOException(where + ": not an OAI-PMH response: no root element");
        }
        first = x.next();
      }
      if (!"OAI-PMH".equals(x.getLocalName()) || !OAI_NS.equals(x.getNamespaceURI())) {
        throw new IOException(
            where
                + ": not an OAI-PMH response: the root element is <"
                + x.getLocalName()
                + "> in namespace "
                + x.getNamespaceURI()
                + ", expected <OAI-PMH> in "
                + OAI_NS);
      }
      while (x.hasNext()) {
        if (x.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if (!OAI_NS.equals(x.getNamespaceURI())) {
          skip(x);
          continue;
        }
        switch (x.getLocalName()) {
          case "responseDate" -> page.responseDate = instantOrNull(text(x));
          case "error" -> {
            String code = attribute(x, "code");
            page.errors.add(new OaiPmhException.Error(code == null ? "" : code, text(x).strip()));
          }
          case "record" -> record(x, where, sink, page);
          case "resumptionToken" -> page.token = token(x);
          case "request", "header", "metadata", "about" -> skip(x);
          default -> {
            // ListRecords, GetRecord: descend into them.
          }
        }
      }
    } catch (XMLStreamException e) {
      if (e.getNestedException() instanceof IOException io) {
        throw io;
      }
      throw malformed(where, e);
    } finally {
      if (x != null) {
        try {
          x.close();
        } catch (XMLStreamException e) {
          log.debug("{}: closing the XML reader failed", where, e);
        }
      }
    }
    if (!page.errors.isEmpty()) {
      boolean empty = page.errors.stream().allMatch(e -> e.code().equals("noRecordsMatch"));
      if (!empty || page.records > 0) {
        throw new OaiPmhException(where, page.errors);
      }
      log.debug("{}: noRecordsMatch, an empty list", where);
    }
    long dropped = categories.dropped() - droppedBefore;
    if (dropped > 0) {
      log.debug("{}: dropped {} values that are not arXiv categories", where, dropped);
    }
    return new OaiPmhPage(
        page.responseDate, page.records, page.accepted, page.deleted, page.rejected, page.token);
  }

  /** What a page has shown so far. */
  private static final class Page {
    @Nullable Instant responseDate;
    final List<OaiPmhException.Error> errors = new ArrayList<>();
    int records;
    int accepted;
    int deleted;
    int rejected;
    @Nullable ResumptionToken token;
  }

  /** One {@code <record>}: its header, and its {@code <arXiv>} metadata when present. */
  private static final class RawRecord {
    int line;
    @Nullable String identifier;
    boolean deleted;
    @Nullable String foreignMetadata;
    @Nullable Map<String, String> fields;
    final List<String> authors = new ArrayList<>();
  }

  private void record(XMLStreamReader x, String where, RecordSink sink, Page page)
      throws XMLStreamException {
    page.records++;
    RawRecord r = new RawRecord();
    r.line = x.getLocation().getLineNumber();
    boolean inMetadata = false;
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
      String ns = x.getNamespaceURI();
      String name = x.getLocalName();
      if (OAI_NS.equals(ns) && name.equals("header")) {
        r.deleted = "deleted".equals(attribute(x, "status"));
        depth++;
      } else if (OAI_NS.equals(ns) && name.equals("identifier")) {
        r.identifier = text(x).strip();
      } else if (OAI_NS.equals(ns) && name.equals("metadata")) {
        inMetadata = true;
        depth++;
      } else if (ARXIV_NS.equals(ns) && name.equals("arXiv")) {
        arxiv(x, r);
      } else if (inMetadata && !OAI_NS.equals(ns) && r.fields == null) {
        // Inside <metadata>: some other format (oai_dc, arXivRaw).
        r.foreignMetadata = "{" + ns + "}" + name;
        skip(x);
      } else {
        skip(x);
      }
    }
    String at = r.identifier != null ? where + "#" + r.identifier : where + ":" + r.line;
    if (r.deleted) {
      page.deleted++;
      sink.reject(new Rejection(at, DELETED));
      return;
    }
    try {
      sink.accept(new SourceRecord(at, paper(r), List.of()));
      page.accepted++;
    } catch (BadRecordException | IllegalArgumentException e) {
      page.rejected++;
      sink.reject(new Rejection(at, String.valueOf(e.getMessage())));
    }
  }

  /** Reads {@code <arXiv>}: simple fields by local name, and the authors. */
  private static void arxiv(XMLStreamReader x, RawRecord r) throws XMLStreamException {
    Map<String, String> fields = new HashMap<>();
    r.fields = fields;
    int depth = 1;
    while (depth > 0) {
      int event = x.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        String name = x.getLocalName();
        if (!ARXIV_NS.equals(x.getNamespaceURI())) {
          skip(x);
        } else if (name.equals("authors")) {
          depth++;
        } else if (name.equals("author")) {
          r.authors.add(author(x));
        } else {
          fields.merge(name, text(x), (a, b) -> a + " " + b);
        }
      }
    }
  }

  private static String author(XMLStreamReader x) throws XMLStreamException {
    String keyname = null;
    String forenames = null;
    String suffix = null;
    while (true) {
      int event = x.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return Authors.join(forenames, keyname, suffix);
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (x.getLocalName()) {
          case "keyname" -> keyname = text(x);
          case "forenames" -> forenames = text(x);
          case "suffix" -> suffix = text(x);
          default -> skip(x); // affiliation
        }
      }
    }
  }

  private Paper paper(RawRecord r) {
    Map<String, String> f = r.fields;
    if (f == null) {
      throw new BadRecordException(
          r.foreignMetadata != null
              ? "metadata is "
                  + r.foreignMetadata
                  + ", not arXiv's arXiv format ("
                  + ARXIV_NS
                  + "); harvest with metadataPrefix=arXiv"
              : "missing metadata");
    }
    String idText = f.get("id");
    String idField = "id";
    if ((idText == null || idText.isBlank()) && r.identifier != null) {
      idText =
          r.identifier.startsWith(OAI_ID_PREFIX)
              ? r.identifier.substring(OAI_ID_PREFIX.length())
              : r.identifier;
      idField = "header identifier";
    }
    if (idText == null || idText.isBlank()) {
      throw new BadRecordException("missing id");
    }
    VersionedId id = Ids.parse(idText, idField);
    String title = Text.oneLine(f.get("title"));
    if (title.isEmpty()) {
      throw new BadRecordException("missing title");
    }
    String abstractText = Text.paragraphs(f.get("abstract"));
    String comments = Text.oneLineOrNull(f.get("comments"));
    LocalDate created = Dates.date(blankToNull(f.get("created")), "created");
    LocalDate updated = Dates.date(blankToNull(f.get("updated")), "updated");
    String cats = f.get("categories");
    return Paper.builder(id.id(), title)
        .version(id.version())
        .abstractText(abstractText)
        .authors(Authors.clean(r.authors))
        .categories(cats == null ? List.of() : categories.keep(cats))
        .comments(comments)
        .journalRef(Text.oneLineOrNull(f.get("journal-ref")))
        .doi(Text.oneLineOrNull(f.get("doi")))
        .license(Text.oneLineOrNull(f.get("license")))
        .submitted(created)
        .updated(updated != null ? updated : created)
        .versions(created == null ? List.of() : List.of(new PaperVersion(1, created)))
        .withdrawn(Withdrawal.isWithdrawn(comments, abstractText))
        .build();
  }

  private static ResumptionToken token(XMLStreamReader x) throws XMLStreamException {
    Long cursor = longOrNull(attribute(x, "cursor"));
    Long size = longOrNull(attribute(x, "completeListSize"));
    Instant expires = instantOrNull(attribute(x, "expirationDate"));
    return new ResumptionToken(text(x).strip(), cursor, size, expires);
  }

  /** The text of the current element and its descendants; leaves the reader on its end tag. */
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

  /** Skips the current element and its descendants; leaves the reader on its end tag. */
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

  private static @Nullable String attribute(XMLStreamReader x, String name) {
    String v = x.getAttributeValue(null, name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static @Nullable Long longOrNull(@Nullable String s) {
    if (s == null) {
      return null;
    }
    try {
      long v = Long.parseLong(s);
      return v < 0 ? null : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable Instant instantOrNull(@Nullable String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(s.strip());
    } catch (DateTimeParseException e) {
      try {
        // OAI-PMH allows day granularity (YYYY-MM-DD) in some places.
        return LocalDate.parse(s.strip()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static MalformedXmlException malformed(String where, XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    // The JDK parser prefixes "ParseError at [row,col]:[5,3]\nMessage: "; keep the message.
    int m = message.indexOf("Message: ");
    if (m >= 0) {
      message = message.substring(m + "Message: ".length());
    }
    var loc = e.getLocation();
    String at =
        loc == null || loc.getLineNumber() < 0
            ? where
            : where + ":" + loc.getLineNumber() + ":" + loc.getColumnNumber();
    message = message.strip();
    if (message.endsWith(".")) {
      message = message.substring(0, message.length() - 1);
    }
    return new MalformedXmlException(at, "malformed XML: " + message, e);
  }
}
