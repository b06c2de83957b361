package dev.paperboy.core.ingest;

/** Receives what a {@link PaperSource} reads, one record at a time. */
public interface RecordSink {
  void accept(SourceRecord record);

  /** A record that could not be read; the source carries on with the next one. */
  void reject(Rejection rejection);
}
