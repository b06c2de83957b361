package dev.paperboy.ingest.rss;

import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.Text;
import dev.paperboy.core.paper.VersionedId;
import dev.paperboy.ingest.oai.MalformedXmlException;
import dev.paperboy.ingest.support.Authors;
import dev.paperboy.ingest.support.BadRecordException;
import dev.paperboy.ingest.support.CategoryFilter;
import dev.paperboy.ingest.support.Ids;
import dev.paperboy.ingest.support.Withdrawal;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads one arXiv announcement feed, {@code https://rss.arxiv.org/atom/cs.CL+cs.LG} (Atom) or
 * {@code https://rss.arxiv.org/rss/...} (RSS 2.0), as specified in
 * https://info.arxiv.org/help/rss_specifications.html.
 *
 * <p>Per item (Atom {@code <entry>} / RSS {@code <item>}): the versioned id from {@code <id>} /
 * {@code <guid>} ({@code oai:arXiv.org:2203.01250v3}); the announce type from {@code
 * <arxiv:announce_type>}; the day from {@code <published>} / {@code <pubDate>} ("the date of the
 * official announcement", midnight US Eastern, taken as the date in that offset); the title; the
 * abstract from {@code <summary>} / {@code <description>}, which starts with {@code "arXiv:ID
 * Announce Type: TYPE \nAbstract: "} (the id and type there are used when the elements are
 * missing); categories from {@code <category term>} / {@code <category>}, primary first; authors
 * from {@code <dc:creator>}, comma-separated; {@code <dc:rights>} as the license; {@code
 * <arxiv:DOI>} and {@code <arxiv:journal_reference>}. Feeds carry no comments and no version dates.
 *
 * <p>An item that cannot be mapped is rejected at {@code url#id} (or {@code url:line}) with the
 * reason; the rest of the feed is read. XML that is not well-formed throws {@link
 * MalformedXmlException}; a document that is neither Atom nor RSS throws {@link IOException}. DTDs
 * are refused. Not thread-safe.
 */
public final class AnnouncementFeedParser {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String ARXIV = "http://arxiv.org/schemas/atom";
  static final String DC = "http://purl.org/dc/elements/1.1/";

  private static final Pattern SUMMARY =
      Pattern.compile(
          "^\\s*arXiv:(\\S+)\\s+Announce\\s+Type:\\s*(\\S+)\\s*(?:Abstract:\\s*)?(.*)$",
          Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern OAI_ID =
      Pattern.compile("^oai:arXiv\\.org:", Pattern.CASE_INSENSITIVE);
  // Name suffixes that a comma separates from the name they belong to ("John Smith, Jr.").
  private static final Pattern SUFFIX = Pattern.compile("(?i)(?:jr|sr|ii|iii|iv)\\.?");

  /** What a feed held. */
  public record Feed(List<Announcement> items, List<Rejection> rejections) {
    public Feed {
      items = List.copyOf(items);
      rejections = List.copyOf(rejections);
    }
  }

  private final XMLInputFactory factory;
  private final CategoryFilter categories = new CategoryFilter();

  public AnnouncementFeedParser() {
    factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
  }

  /**
   * Parses one feed document.
   *
   * @param where the feed's URL or file name, for messages
   */
  public Feed parse(InputStream in, String where) throws IOException {
    List<Announcement> items = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    XMLStreamReader x = null;
    try {
      x = factory.createXMLStreamReader(in);
      int event = x.next();
      while (event != XMLStreamConstants.START_ELEMENT) {
        if (event == XMLStreamConstants.DTD) {
          throw new IOException(where + ": has a DOCTYPE declaration; DTDs are refused");
        }
        if (event == XMLStreamConstants.END_DOCUMENT) {
          throw new IOException(where + ": not a feed: no root element");
        }
        event = x.next();
      }
      boolean atom = ATOM.equals(x.getNamespaceURI()) && "feed".equals(x.getLocalName());
      boolean rss = "rss".equals(x.getLocalName()) && isEmpty(x.getNamespaceURI());
      if (!atom && !rss) {
        throw new IOException(
            where
                + ": not an Atom or RSS 2.0 feed: the root element is <"
                + x.getLocalName()
                + "> in namespace '"
                + nullToEmpty(x.getNamespaceURI())
                + "'");
      }
      String itemName = atom ? "entry" : "item";
      while (x.hasNext()) {
        if (x.next() == XMLStreamConstants.START_ELEMENT
            && itemName.equals(x.getLocalName())
            && (atom ? ATOM.equals(x.getNamespaceURI()) : isEmpty(x.getNamespaceURI()))) {
          int line = x.getLocation().getLineNumber();
          Map<String, String> f = new HashMap<>();
          List<String> cats = new ArrayList<>();
          readItem(x, atom, f, cats);
          String at = where + (f.containsKey("id") ? "#" + f.get("id").strip() : ":" + line);
          try {
            items.add(map(f, cats, at));
          } catch (BadRecordException | IllegalArgumentException e) {
            rejections.add(new Rejection(at, String.valueOf(e.getMessage())));
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
    return new Feed(items, rejections);
  }

  /**
   * Collects an item's fields by role: id, title, summary, day, type, rights, doi, jref, authors.
   */
  private static void readItem(
      XMLStreamReader x, boolean atom, Map<String, String> f, List<String> cats)
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
      String ns = nullToEmpty(x.getNamespaceURI());
      String name = x.getLocalName();
      if (ns.equals(ARXIV)) {
        switch (name) {
          case "announce_type" -> f.put("type", text(x));
          case "DOI", "doi" -> f.put("doi", text(x));
          case "journal_reference", "journal_ref" -> f.put("jref", text(x));
          default -> skip(x);
        }
      } else if (ns.equals(DC)) {
        switch (name) {
          case "creator" -> f.merge("authors", text(x), (a, b) -> a + ", " + b);
          case "rights" -> f.put("rights", text(x));
          default -> skip(x);
        }
      } else if (atom && ns.equals(ATOM)) {
        switch (name) {
          case "id" -> f.put("id", text(x));
          case "title" -> f.put("title", text(x));
          case "summary" -> f.put("summary", text(x));
          case "published" -> f.put("published", text(x));
          case "rights" -> f.putIfAbsent("rights", text(x));
          case "category" -> {
            String term = x.getAttributeValue(null, "term");
            if (term != null) {
              cats.add(term);
            }
            skip(x);
          }
          case "author" -> {
            // <author><name>...</name></author>, when a feed uses Atom authors instead of dc
            String name2 = authorName(x);
            if (!name2.isBlank()) {
              f.merge("atomAuthors", name2, (a, b) -> a + "\n" + b);
            }
          }
          default -> skip(x);
        }
      } else if (!atom && ns.isEmpty()) {
        switch (name) {
          case "guid" -> f.put("id", text(x));
          case "title" -> f.put("title", text(x));
          case "description" -> f.put("summary", text(x));
          case "pubDate" -> f.put("pubDate", text(x));
          case "category" -> cats.add(text(x));
          default -> skip(x);
        }
      } else {
        skip(x);
      }
    }
  }

  private Announcement map(Map<String, String> f, List<String> cats, String where) {
    String summary = f.getOrDefault("summary", "");
    Matcher m = SUMMARY.matcher(summary);
    boolean structured = m.matches();
    String idText = f.get("id");
    if (idText == null || idText.isBlank()) {
      idText = structured ? m.group(1) : null;
    }
    if (idText == null || idText.isBlank()) {
      throw new BadRecordException("missing id");
    }
    VersionedId id = Ids.parse(OAI_ID.matcher(idText.strip()).replaceFirst(""), "id");
    String typeText = f.get("type");
    if (typeText == null || typeText.isBlank()) {
      typeText = structured ? m.group(2) : null;
    }
    if (typeText == null || typeText.isBlank()) {
      throw new BadRecordException("missing arxiv:announce_type");
    }
    AnnounceType type = AnnounceType.parse(typeText);
    String title = Text.oneLine(f.get("title"));
    if (title.isEmpty()) {
      throw new BadRecordException("missing title");
    }
    String abstractText = Text.paragraphs(structured ? m.group(3) : summary);
    LocalDate day = day(f);

    List<String> authors;
    if (f.containsKey("authors")) {
      authors = splitAuthors(f.get("authors"));
    } else if (f.containsKey("atomAuthors")) {
      authors = List.of(f.get("atomAuthors").split("\n"));
    } else {
      authors = List.of();
    }
    Paper paper =
        Paper.builder(id.id(), title)
            .version(id.version())
            .abstractText(abstractText)
            .authors(Authors.clean(authors))
            .categories(categories.keep(cats))
            .license(Text.oneLineOrNull(f.get("rights")))
            .doi(Text.oneLineOrNull(f.get("doi")))
            .journalRef(Text.oneLineOrNull(f.get("jref")))
            .withdrawn(Withdrawal.isWithdrawn(null, abstractText))
            .build();
    return new Announcement(day, type, paper, where);
  }

  private static LocalDate day(Map<String, String> f) {
    String published = f.get("published");
    if (published != null && !published.isBlank()) {
      try {
        return OffsetDateTime.parse(published.strip()).toLocalDate();
      } catch (DateTimeParseException e) {
        throw new BadRecordException(
            "bad published '"
                + published.strip()
                + "': expected an RFC 3339 time such as 2024-08-23T00:00:00-04:00");
      }
    }
    String pubDate = f.get("pubDate");
    if (pubDate != null && !pubDate.isBlank()) {
      try {
        return ZonedDateTime.parse(pubDate.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
            .toLocalDate();
      } catch (DateTimeParseException e) {
        throw new BadRecordException(
            "bad pubDate '"
                + pubDate.strip()
                + "': expected an RFC 822 date such as Fri, 23 Aug 2024 00:00:00 -0400");
      }
    }
    throw new BadRecordException("missing announcement day (published / pubDate)");
  }

  /** {@code "A. One, B. Two, Jr., C. Three"}: split on commas, suffixes kept with their name. */
  static List<String> splitAuthors(String creators) {
    List<String> out = new ArrayList<>();
    for (String part : creators.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      if (SUFFIX.matcher(p).matches() && !out.isEmpty()) {
        out.set(out.size() - 1, out.get(out.size() - 1) + ", " + p);
      } else {
        out.add(p.startsWith("and ") ? p.substring(4).strip() : p);
      }
    }
    return out;
  }

  private static String authorName(XMLStreamReader x) throws XMLStreamException {
    String name = "";
    int depth = 1;
    while (depth > 0) {
      int event = x.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        if ("name".equals(x.getLocalName())) {
          name = text(x).strip();
        } else {
          skip(x);
        }
      }
    }
    return name;
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

  private static boolean isEmpty(@Nullable String s) {
    return s == null || s.isEmpty();
  }

  private static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
