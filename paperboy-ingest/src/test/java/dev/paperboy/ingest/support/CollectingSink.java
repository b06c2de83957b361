package dev.paperboy.ingest.support;

import dev.paperboy.core.ingest.PaperSource;
import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.ingest.SourceRecord;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.Paper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a source emits, in order, for assertions. */
public final class CollectingSink implements RecordSink {
  public final List<SourceRecord> records = new ArrayList<>();
  public final List<Rejection> rejections = new ArrayList<>();

  public static CollectingSink readAll(PaperSource source) throws IOException {
    CollectingSink sink = new CollectingSink();
    source.read(sink);
    return sink;
  }

  @Override
  public void accept(SourceRecord record) {
    records.add(record);
  }

  @Override
  public void reject(Rejection rejection) {
    rejections.add(rejection);
  }

  public List<Paper> papers() {
    return records.stream().map(SourceRecord::paper).toList();
  }

  public List<String> wheres() {
    return records.stream().map(SourceRecord::where).toList();
  }

  public List<DailyEntry> entries() {
    return records.stream().flatMap(r -> r.entries().stream()).toList();
  }

  public Paper paper(String id) {
    return papers().stream()
        .filter(p -> p.id().value().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no paper " + id + " in " + wheres()));
  }
}
