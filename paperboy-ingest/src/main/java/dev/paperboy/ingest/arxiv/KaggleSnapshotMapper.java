package dev.paperboy.ingest.arxiv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.core.ingest.RecordSink;
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
import dev.paperboy.ingest.support.JsonLinesSource;
import dev.paperboy.ingest.support.JsonRecord;
import dev.paperboy.ingest.support.Withdrawal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line of the Kaggle {@code arxiv-metadata-oai-snapshot.json} (Cornell University's arXiv
 * dataset): {@code {"id", "submitter", "authors", "title", "comments", "journal-ref", "doi",
 * "report-no", "categories", "license", "abstract", "versions": [{"version": "v1", "created": "Mon,
 * 2 Apr 2007 19:18:42 GMT"}], "update_date": "2008-11-13", "authors_parsed": [[last, first,
 * suffix]]}}.
 *
 * <p>Mapping: each {@code versions} element becomes a {@link PaperVersion} (its UTC day); the
 * paper's version is the highest; {@code submitted} is the date of the lowest version (v1). {@code
 * updated} is the date of the highest version, and {@code update_date} only when there are no
 * versions: {@code update_date} is the day arXiv last touched the metadata (0704.0001's is
 * 2008-11-13, a bulk re-stamp long after its v2 of 2007-07-24), not the day of the latest version,
 * which is what {@link Paper#updated} means. Authors come from {@code authors_parsed} ("first last
 * suffix", accents already decoded) and from the {@code authors} string (split on commas and "and")
 * only when that is absent. {@code categories} is space-separated, primary first, filtered as in
 * {@link CategoryFilter}. {@code submitter} and {@code report-no} have no place in {@link Paper}
 * and are not kept. There is no listing day, so no daily entry.
 */
public final class KaggleSnapshotMapper implements JsonLinesSource.LineMapper {
  private static final Logger log = LoggerFactory.getLogger(KaggleSnapshotMapper.class);
  private static final Pattern VERSION = Pattern.compile("[vV](\\d{1,4})");
  private static final Pattern AUTHOR_SEPARATORS =
      Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+");

  private final CategoryFilter categories = new CategoryFilter();

  @Override
  public void map(JsonNode line, String where, String fileName, RecordSink sink) {
    JsonRecord r = JsonRecord.of(line, "");
    VersionedId id = Ids.parse(r.requireString("id"), "id");
    String title = Text.oneLine(r.requireString("title"));
    String abstractText = Text.paragraphs(r.string("abstract"));
    String comments = Text.oneLineOrNull(r.string("comments"));

    TreeMap<Integer, PaperVersion> versions = new TreeMap<>();
    List<JsonNode> versionNodes = r.array("versions");
    for (int i = 0; i < versionNodes.size(); i++) {
      PaperVersion v = version(versionNodes.get(i), "versions[" + i + "]");
      versions.put(v.number(), v);
    }
    LocalDate updateDate = Dates.date(r.string("update_date"), "update_date");
    int latest = versions.isEmpty() ? id.version() : Math.max(id.version(), versions.lastKey());

    Paper paper =
        Paper.builder(id.id(), title)
            .version(latest)
            .abstractText(abstractText)
            .authors(authors(r))
            .categories(categories.keep(ArxivListingMapper.stringsOrWords(r, "categories")))
            .comments(comments)
            .journalRef(Text.oneLineOrNull(r.string("journal-ref")))
            .doi(Text.oneLineOrNull(r.string("doi")))
            .license(Text.oneLineOrNull(r.string("license")))
            .versions(new ArrayList<>(versions.values()))
            .submitted(versions.isEmpty() ? null : versions.firstEntry().getValue().date())
            .updated(versions.isEmpty() ? updateDate : versions.lastEntry().getValue().date())
            .withdrawn(Withdrawal.isWithdrawn(comments, abstractText))
            .build();
    sink.accept(new SourceRecord(where, paper, List.of()));
  }

  @Override
  public void finish(String fileName) {
    if (categories.dropped() > 0) {
      log.debug(
          "{}: dropped {} category values that are not arXiv categories",
          fileName,
          categories.dropped());
    }
  }

  private static PaperVersion version(JsonNode node, String path) {
    JsonRecord v = JsonRecord.of(node, path);
    String name = v.requireString("version");
    var m = VERSION.matcher(name.strip());
    if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
      throw new BadRecordException(
          "bad " + v.path("version") + " " + JsonRecord.quote(name) + ": expected v1, v2, ...");
    }
    LocalDate created = Dates.rfc1123Day(v.requireString("created"), v.path("created"));
    return new PaperVersion(Integer.parseInt(m.group(1)), created);
  }

  private static List<String> authors(JsonRecord r) {
    List<JsonNode> parsed = r.array("authors_parsed");
    if (!parsed.isEmpty()) {
      List<String> out = new ArrayList<>(parsed.size());
      for (int i = 0; i < parsed.size(); i++) {
        JsonNode a = parsed.get(i);
        if (!a.isArray()) {
          throw new BadRecordException(
              "authors_parsed["
                  + i
                  + "]: expected an array [last, first, suffix] but was "
                  + JsonRecord.kind(a));
        }
        String name = Authors.join(part(a, 1, i), part(a, 0, i), part(a, 2, i));
        if (!name.isEmpty()) {
          out.add(name);
        }
      }
      return out;
    }
    String authors = r.string("authors");
    if (authors == null) {
      return List.of();
    }
    return Authors.clean(List.of(AUTHOR_SEPARATORS.split(Text.oneLine(authors))));
  }

  private static @Nullable String part(JsonNode author, int index, int authorIndex) {
    JsonNode p = author.get(index);
    if (p == null || p.isNull()) {
      return null;
    }
    if (!p.isTextual()) {
      throw new BadRecordException(
          "authors_parsed["
              + authorIndex
              + "]["
              + index
              + "]: expected a string but was "
              + JsonRecord.kind(p));
    }
    return p.textValue();
  }
}
