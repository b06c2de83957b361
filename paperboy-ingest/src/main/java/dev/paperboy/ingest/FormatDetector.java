package dev.paperboy.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.paperboy.ingest.support.InputFile;
import dev.paperboy.ingest.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tells a file's format from the start of its content (after gunzipping): the first non-blank byte
 * says JSON array ({@code [}: a Hugging Face API response), XML ({@code <}: an OAI-PMH response when
 * an {@code OAI-PMH} element is named) or JSON object ({@code {}: JSON Lines), and for JSON objects
 * the keys of the first line whose keys tell decide:
 *
 * <ul>
 *   <li>{@code date} and {@code papers}, or {@code paper}: {@link SourceFormat#HF_DAILY_JSONL};
 *   <li>{@code versions}, {@code authors_parsed}, {@code update_date}, {@code journal-ref}, {@code
 *       report-no} or {@code submitter}: {@link SourceFormat#KAGGLE};
 *   <li>{@code listing_date}, or {@code id} with {@code summary}: {@link SourceFormat#ARXIV_JSONL}.
 * </ul>
 *
 * Only the first {@value #PEEK} bytes are looked at, so detection costs the same for any file size.
 */
public final class FormatDetector {
  /** How many bytes of content detection reads. */
  public static final int PEEK = 64 * 1024;

  /** JSON Lines: how many lines may be broken or unclassifiable before giving up. */
  private static final int MAX_LINES = 50;

  private FormatDetector() {}

  /**
   * The format of {@code file}.
   *
   * @throws UnknownFormatException saying what the file starts with
   * @throws IOException when the file cannot be read
   */
  public static SourceFormat detect(InputFile file) throws IOException {
    byte[] head;
    try (InputStream in = file.peek()) {
      head = in.readNBytes(PEEK);
    }
    int n = head.length;
    int i = 0;
    if (n >= 3
        && (head[0] & 0xff) == 0xef
        && (head[1] & 0xff) == 0xbb
        && (head[2] & 0xff) == 0xbf) {
      i = 3; // a UTF-8 byte order mark
    }
    while (i < n && isBlank(head[i])) {
      i++;
    }
    if (i == n) {
      throw new UnknownFormatException(
          file.path(), n == 0 ? "the file is empty" : "the file holds only whitespace");
    }
    String compressed = file.isGzip() ? " (after gunzip)" : "";
    switch (head[i]) {
      case '[':
        return SourceFormat.HF_DAILY;
      case '<':
        String text = new String(head, i, n - i, StandardCharsets.UTF_8);
        if (text.contains("<OAI-PMH") || text.contains(":OAI-PMH")) {
          return SourceFormat.OAI_PMH;
        }
        throw new UnknownFormatException(
            file.path(),
            "it is XML"
                + compressed
                + " but names no <OAI-PMH> element in its first "
                + n
                + " bytes");
      case '{':
        return jsonLines(file, head, i, n, compressed);
      default:
        throw new UnknownFormatException(
            file.path(),
            "it starts with "
                + describe(head[i])
                + compressed
                + ", which is neither JSON ('[' or '{') nor XML ('<')");
    }
  }

  /** The format that the keys of a first JSON object point to, or null. */
  static @Nullable SourceFormat classify(Set<String> keys) {
    if (keys.contains("paper") || (keys.contains("date") && keys.contains("papers"))) {
      return SourceFormat.HF_DAILY_JSONL;
    }
    for (String k :
        new String[] {
          "versions", "authors_parsed", "update_date", "journal-ref", "report-no", "submitter"
        }) {
      if (keys.contains(k)) {
        return SourceFormat.KAGGLE;
      }
    }
    if (keys.contains("listing_date") || (keys.contains("id") && keys.contains("summary"))) {
      return SourceFormat.ARXIV_JSONL;
    }
    return null;
  }

  /**
   * Classifies JSON Lines by the keys of the first line that has telling keys: lines that are
   * broken (an object that ends before its line does) are passed over, so one bad record at the top
   * does not hide the format. A line cut by the end of the peek still counts (a day of the by-date
   * file is longer than the peek; its first keys are all that is needed).
   */
  private static SourceFormat jsonLines(InputFile file, byte[] head, int from, int n, String gz)
      throws UnknownFormatException {
    Set<String> seen = Set.of();
    int p = from;
    for (int line = 0; p < n && line < MAX_LINES; line++) {
      int nl = indexOf(head, (byte) '\n', p, n);
      int end = nl < 0 ? n : nl;
      boolean cutByPeek = nl < 0 && n == PEEK;
      Keys k = keys(head, p, end);
      if (k.complete() || cutByPeek) {
        SourceFormat f = classify(k.names());
        if (f != null) {
          return f;
        }
        if (seen.isEmpty()) {
          seen = k.names();
        }
      }
      if (nl < 0) {
        break;
      }
      p = nl + 1;
    }
    Keys whole = keys(head, from, n);
    if (whole.names().size() > 1 && classify(whole.names()) != null) {
      throw new UnknownFormatException(
          file.path(),
          "it holds a JSON object spread over several lines (keys "
              + whole.names()
              + ")"
              + gz
              + ", but the JSON Lines formats need one record per line");
    }
    throw new UnknownFormatException(
        file.path(),
        seen.isEmpty()
            ? "it starts with '{'" + gz + " but no JSON object on its first lines could be read"
            : "its JSON objects" + gz + " have keys " + seen + ", which no format has");
  }

  /** The top-level keys of an object, and whether the object closed before the bytes ended. */
  record Keys(Set<String> names, boolean complete) {}

  /**
   * The top-level keys of the JSON object starting at {@code from}, as far as the bytes go; empty
   * when no object starts there.
   */
  static Keys keys(byte[] bytes, int from, int to) {
    Set<String> keys = new LinkedHashSet<>();
    try (JsonParser p = Json.MAPPER.createParser(bytes, from, to - from)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new Keys(keys, false);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        keys.add(p.currentName());
        p.nextToken();
        p.skipChildren();
      }
      return new Keys(keys, true);
    } catch (IOException e) {
      // The bytes ended inside the object, or the JSON is broken: keep the keys seen.
      return new Keys(keys, false);
    }
  }

  private static int indexOf(byte[] b, byte c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private static String describe(byte b) {
    int c = b & 0xff;
    return c >= 0x20 && c < 0x7f
        ? "'" + (char) c + "'"
        : String.format(java.util.Locale.ROOT, "the byte 0x%02x", c);
  }
}
