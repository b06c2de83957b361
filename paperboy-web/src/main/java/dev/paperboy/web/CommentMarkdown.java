package dev.paperboy.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Comments' Markdown to HTML that is safe to put in a page, in two independent layers:
 *
 * <ol>
 *   <li>commonmark renders CommonMark with raw HTML escaped ({@code escapeHtml}: a {@code <script>}
 *       in the text shows as text) and unsafe link targets dropped ({@code sanitizeUrls}: only
 *       http, https, mailto and data:image survive);
 *   <li>the output then goes through jsoup's allow-list cleaner ({@link Safelist#basic()}: a, b,
 *       blockquote, br, code, em, i, li, ol, p, pre, q, strong, ul and a few more; {@code href}
 *       only with http, https, mailto; no attributes besides), with {@code rel="nofollow ugc
 *       noopener"} forced on links so comment links earn no search rank and get no window.opener.
 * </ol>
 *
 * <p>Either layer alone makes {@code <script>}, {@code javascript:} links, event handlers and raw
 * HTML inert; the second catches whatever a change in the first might let through (OWASP XSS
 * Prevention Cheat Sheet, rule 6: sanitise HTML markup with a library built for it).
 */
final class CommentMarkdown {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).softbreak("<br>").build();
  private static final Safelist SAFE =
      Safelist.basic()
          .addTags("h3", "h4", "hr", "del")
          .removeProtocols("a", "href", "ftp")
          .addEnforcedAttribute("a", "rel", "nofollow ugc noopener");
  private static final Document.OutputSettings OUTPUT =
      new Document.OutputSettings().prettyPrint(false);

  private CommentMarkdown() {}

  /** The comment as sanitised HTML. */
  static String render(String markdown) {
    String html = RENDERER.render(PARSER.parse(markdown));
    return Jsoup.clean(html, "", SAFE, OUTPUT).strip();
  }
}
