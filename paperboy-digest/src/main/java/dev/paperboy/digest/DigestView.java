package dev.paperboy.digest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the digest templates show: one subscriber's message of one edition, already formatted (the
 * templates only lay it out).
 *
 * @param heading the message's main heading ("Your daily papers")
 * @param dateLine the edition's day or week in words
 * @param preheader the line mail clients show after the subject
 * @param note the quiet-day note, or null
 * @param sections non-empty sections in message order
 * @param why why the subscriber gets this message
 * @param whyLines the same, wrapped for the plain-text part
 */
public record DigestView(
    String siteName,
    String siteUrl,
    String heading,
    String dateLine,
    String preheader,
    @Nullable String note,
    List<SectionView> sections,
    String listUrl,
    String preferencesUrl,
    String unsubscribeUrl,
    String why,
    List<String> whyLines) {

  /** A section of the message. */
  public record SectionView(String heading, String intro, List<ItemView> items) {}

  /**
   * A paper in the message.
   *
   * @param number its position in the whole message, from 1
   * @param reason why it is there, one line
   * @param summary a few lines: the curated one-line summary when there is one, else the start of
   *     the abstract
   * @param textLines the paper as wrapped lines for the plain-text part
   */
  public record ItemView(
      int number,
      String id,
      String title,
      String url,
      String absUrl,
      String pdfUrl,
      @Nullable String codeUrl,
      String authors,
      String categories,
      String reason,
      String reasonKind,
      String summary,
      List<String> textLines) {}
}
