package dev.paperboy.digest;

import dev.paperboy.core.digest.Cadence;
import dev.paperboy.core.digest.Delivery;
import dev.paperboy.core.digest.DigestItem;
import dev.paperboy.core.digest.DigestLinks;
import dev.paperboy.core.digest.Edition;
import dev.paperboy.core.digest.MessageRenderer;
import dev.paperboy.core.digest.Reason;
import dev.paperboy.core.digest.Section;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.mail.OutgoingMessage;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.digest.DigestView.ItemView;
import dev.paperboy.digest.DigestView.SectionView;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders digest deliveries into messages: a {@code multipart/alternative} of plain text and HTML
 * from the jte templates in {@code src/main/jte}, with a stable Message-ID and the one-click
 * unsubscribe headers of RFC 8058.
 *
 * <p>The HTML is built for mail clients: a single 640-pixel table layout with inline styles only
 * (clients drop {@code <style>} blocks and external sheets), system fonts, and no images at all,
 * remote or inline, so nothing is fetched when the message is opened (no tracking) and it reads the
 * same with images blocked. The plain-text part carries the same content, wrapped at 72 columns,
 * every link written out.
 *
 * <p>A message is a function of the delivery's content, its edition and the papers' stored text;
 * links are dated by the edition ({@link DigestLinks}), so a message rendered again after a crash
 * is the one rendered before. Thread-safe; papers are cached (they change rarely and every
 * subscriber of an edition shares most of them).
 */
public final class DigestMessages implements MessageRenderer {
  static final DateTimeFormatter LONG_DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
  static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
  private static final int SUMMARY_CHARS = 320;
  private static final int PAPER_CACHE = 20_000;

  private final PaperStore papers;
  private final DigestLinks links;
  private final EmailAddress from;
  private final String fromName;
  private final String siteName;
  private final TemplateEngine html =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          DigestMessages.class.getClassLoader(),
          "dev.paperboy.digest.templates.html");
  private final TemplateEngine text =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Plain,
          DigestMessages.class.getClassLoader(),
          "dev.paperboy.digest.templates.text");
  private final Map<ArxivId, Paper> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ArxivId, Paper> eldest) {
              return size() > PAPER_CACHE;
            }
          });

  // Keyed by paper id; an entry is used only for the very Paper it was made from, so it is never
  // staler than the paper cache above.
  private final Map<ArxivId, Parts> partsCache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ArxivId, Parts> eldest) {
              return size() > PAPER_CACHE;
            }
          });

  /**
   * @param from the sender address ({@code mail.from})
   * @param fromName the sender's display name and the site's name in messages ("Paperboy")
   */
  public DigestMessages(PaperStore papers, DigestLinks links, EmailAddress from, String fromName) {
    this.papers = papers;
    this.links = links;
    this.from = from;
    this.fromName = fromName;
    this.siteName = fromName;
  }

  public DigestLinks links() {
    return links;
  }

  /** Forgets cached papers (after an import changed them). */
  public void clearCache() {
    cache.clear();
    partsCache.clear();
  }

  @Override
  public OutgoingMessage render(Delivery delivery, Edition edition) {
    DigestView view = view(delivery, edition);
    OutgoingMessage.Builder b =
        OutgoingMessage.builder()
            .messageId(delivery.messageId())
            .from(from)
            .fromName(fromName)
            .to(delivery.to())
            .subject(subject(delivery, edition))
            .text(renderWith(text, "digest.jte", view))
            .html(renderWith(html, "digest.jte", view));
    // RFC 2919: a list identifier lets mail clients group and filter the digests.
    b.header(
        "List-Id",
        siteName.replaceAll("[^A-Za-z0-9 ]", "")
            + " "
            + edition.cadence().code()
            + " digest <"
            + edition.cadence().code()
            + ".digest."
            + from.domain()
            + ">");
    if (links.https()) {
      // RFC 8058 needs an https URL that unsubscribes on a cookie-less POST; the token in it
      // names the subscription.
      b.listUnsubscribeOneClick(links.unsubscribe(delivery.subscription(), edition.createdAt()));
    }
    return b.build();
  }

  /** The subject line: the day, and the first paper's title so the inbox shows what is inside. */
  String subject(Delivery delivery, Edition edition) {
    if (delivery.content().items().isEmpty()) {
      return edition.cadence() == Cadence.DAILY
          ? "No new arXiv papers on " + edition.day().format(DAY)
          : "No new arXiv papers in the week to " + edition.to().format(SHORT);
    }
    String prefix =
        edition.cadence() == Cadence.DAILY
            ? "Papers for " + edition.day().format(DAY) + ": "
            : "Your week in papers to " + edition.to().format(SHORT) + ": ";
    Paper first = paper(delivery.content().items().get(0).paper());
    String title = first == null ? "" : first.title();
    if (title.length() > 70) {
      title =
          title.substring(0, title.lastIndexOf(' ', 67) > 30 ? title.lastIndexOf(' ', 67) : 67)
              + "\u2026";
    }
    return prefix + title;
  }

  /** The view the templates render (also used by tests and the preview). */
  public DigestView view(Delivery delivery, Edition edition) {
    String site = links.baseUrl();
    List<DigestItem> items = delivery.content().items();
    Map<ArxivId, Paper> found = papers(items.stream().map(DigestItem::paper).toList());
    List<SectionView> sections = new ArrayList<>();
    int number = 1;
    for (Section s : Section.values()) {
      List<ItemView> views = new ArrayList<>();
      for (DigestItem i : delivery.content().section(s)) {
        Paper p = found.get(i.paper());
        if (p == null) {
          continue; // deleted since composing: leave it out rather than fail the message
        }
        views.add(item(number++, p, i.reason(), site));
      }
      if (!views.isEmpty()) {
        List<DigestItem> held = delivery.content().section(s);
        if (s == Section.TRENDING
            && held.stream().allMatch(i -> i.reason().kind() == Reason.Kind.NEW)) {
          sections.add(new SectionView("Newest papers", newestIntro(held, edition), views));
        } else {
          sections.add(new SectionView(s.heading(), intro(s, edition), views));
        }
      }
    }
    boolean daily = edition.cadence() == Cadence.DAILY;
    String dateLine =
        daily
            ? edition.day().format(LONG_DAY)
            : "Week of "
                + edition.from().format(SHORT)
                + " \u2013 "
                + edition.to().format(LONG_DAY).replaceFirst("^\\S+ ", "");
    String heading =
        delivery.content().items().isEmpty()
            ? "No new papers today"
            : daily ? "Your daily papers" : "Your weekly papers";
    String preheader =
        delivery.content().note() != null
            ? delivery.content().note()
            : sections.stream()
                .map(sv -> sv.items().size() + " " + sv.heading().toLowerCase(Locale.ROOT))
                .reduce((a, b) -> a + " \u00b7 " + b)
                .orElse("");
    String listUrl =
        daily
            ? site + "/day/" + edition.to()
            : site
                + "/week/"
                + edition.to().get(IsoFields.WEEK_BASED_YEAR)
                + "-W"
                + String.format(
                    Locale.ROOT, "%02d", edition.to().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    URI prefs = links.preferences(delivery.subscription(), edition.createdAt());
    URI unsub = links.unsubscribe(delivery.subscription(), edition.createdAt());
    String why =
        "You get this because "
            + delivery.to().value()
            + " subscribed to the "
            + (daily ? "daily" : "weekly")
            + " digest of "
            + siteName
            + " ("
            + site.replaceFirst("^https?://", "")
            + ") and confirmed it.";
    return new DigestView(
        siteName,
        site,
        heading,
        dateLine,
        preheader,
        delivery.content().note(),
        sections,
        listUrl,
        prefs.toString(),
        unsub.toString(),
        why,
        TextWrap.wrap(why, TextWrap.WIDTH, ""));
  }

  /** The trending section's intro when it fell back to new papers (no upvotes yet). */
  private static String newestIntro(List<DigestItem> items, Edition edition) {
    boolean inCategories =
        items.stream().anyMatch(i -> Reason.IN_CATEGORIES.equals(i.reason().verb()));
    return "No upvotes yet "
        + (edition.cadence() == Cadence.DAILY ? "today" : "this week")
        + "; here are the newest papers"
        + (inCategories ? " in your categories." : ".");
  }

  private static String intro(Section s, Edition edition) {
    boolean daily = edition.cadence() == Cadence.DAILY;
    return switch (s) {
      case ALERTS -> "New papers matching the alerts you saved.";
      case PICKS ->
          "Chosen for you from "
              + (daily ? "today's" : "this week's")
              + " new papers, by what you upvoted and saved.";
      case TRENDING -> "The most upvoted papers of the last " + (daily ? "three days." : "week.");
    };
  }

  private ItemView item(int number, Paper p, Reason reason, String site) {
    String id = p.id().value();
    String url = site + "/papers/" + id;
    Parts parts = parts(p);
    String authors = parts.authors();
    String cats = parts.categories();
    String summary = parts.summary();
    String code = p.hasCode() ? p.codeUrl() : null;
    List<String> lines = new ArrayList<>();
    List<String> title = parts.titleLines();
    String first = String.format(Locale.ROOT, "%2d. ", number) + title.get(0).substring(4);
    lines.add(first);
    lines.addAll(title.subList(1, title.size()));
    lines.addAll(parts.bylineLines());
    lines.addAll(TextWrap.wrap("Why: " + reason.text(), TextWrap.WIDTH, "    "));
    if (!summary.isEmpty()) {
      lines.add("");
      lines.addAll(parts.summaryLines());
    }
    lines.add("");
    lines.add("    " + url);
    if (code != null) {
      lines.add("    Code: " + code);
    }
    return new ItemView(
        number,
        id,
        p.title(),
        url,
        "https://arxiv.org/abs/" + id,
        "https://arxiv.org/pdf/" + id,
        code,
        authors,
        cats,
        reason.text(),
        reason.kind().name().toLowerCase(Locale.ROOT),
        summary,
        lines);
  }

  /**
   * What a paper's entry looks like in every message, whoever gets it: formatted once per paper (a
   * day's digests show a few hundred papers to thousands of readers), not once per message.
   */
  private record Parts(
      Paper paper,
      String authors,
      String categories,
      String summary,
      List<String> titleLines,
      List<String> bylineLines,
      List<String> summaryLines) {}

  private Parts parts(Paper p) {
    Parts cached = partsCache.get(p.id());
    if (cached != null && cached.paper() == p) {
      return cached;
    }
    String authors = authors(p.authors());
    String cats = String.join(" \u00b7 ", p.categories().stream().limit(3).toList());
    String summary = summary(p);
    List<String> byline =
        authors.isEmpty() && cats.isEmpty()
            ? List.of()
            : TextWrap.wrap(
                authors + (authors.isEmpty() || cats.isEmpty() ? "" : " \u00b7 ") + cats,
                TextWrap.WIDTH,
                "    ");
    Parts made =
        new Parts(
            p,
            authors,
            cats,
            summary,
            List.copyOf(TextWrap.wrap(p.title(), TextWrap.WIDTH, "    ")),
            List.copyOf(byline),
            summary.isEmpty()
                ? List.of()
                : List.copyOf(TextWrap.wrap(summary, TextWrap.WIDTH, "    ")));
    partsCache.put(p.id(), made);
    return made;
  }

  static String authors(List<String> all) {
    if (all.isEmpty()) {
      return "";
    }
    if (all.size() <= 3) {
      return String.join(", ", all);
    }
    return String.join(", ", all.subList(0, 3)) + " et al.";
  }

  static String summary(Paper p) {
    String s = p.aiSummary() != null && !p.aiSummary().isBlank() ? p.aiSummary() : p.abstractText();
    s = s.strip().replaceAll("\\s+", " ");
    if (s.length() <= SUMMARY_CHARS) {
      return s;
    }
    int cut = s.lastIndexOf(' ', SUMMARY_CHARS - 1);
    return s.substring(0, cut > SUMMARY_CHARS / 2 ? cut : SUMMARY_CHARS - 1)
            .replaceAll("[,;:.]$", "")
        + "\u2026";
  }

  private Paper paper(ArxivId id) {
    return papers(List.of(id)).get(id);
  }

  private Map<ArxivId, Paper> papers(List<ArxivId> ids) {
    Map<ArxivId, Paper> out = new HashMap<>();
    List<ArxivId> missing = new ArrayList<>();
    for (ArxivId id : ids) {
      Paper p = cache.get(id);
      if (p == null) {
        missing.add(id);
      } else {
        out.put(id, p);
      }
    }
    if (!missing.isEmpty()) {
      for (Paper p : papers.findPapers(missing)) {
        cache.put(p.id(), p);
        out.put(p.id(), p);
      }
    }
    return out;
  }

  private static String renderWith(TemplateEngine engine, String name, Object model) {
    StringOutput out = new StringOutput(16_384);
    engine.render(name, model, out);
    return out.toString();
  }

  /** The edition's day in words, for other messages. */
  static String longDay(LocalDate day) {
    return day.format(LONG_DAY);
  }
}
