package dev.paperboy.core.ingest;

import java.io.IOException;

/**
 * A source of paper records: a file in one of the supported formats, an OAI-PMH endpoint, a feed.
 * Sources stream: memory does not grow with the number of records.
 */
public interface PaperSource {

  /** A short description for progress and messages, e.g. the file name. */
  String describe();

  /**
   * Reads every record into {@code sink}. A malformed record is reported with {@link
   * RecordSink#reject} and reading goes on.
   *
   * @throws IOException when the source as a whole cannot be read (missing file, not gzip, ...)
   */
  void read(RecordSink sink) throws IOException;

  /**
   * How much of the source has been read, from 0 to 1, for progress bars; NaN when unknown. May be
   * called from another thread while {@link #read} runs.
   */
  default double fractionRead() {
    return Double.NaN;
  }
}
