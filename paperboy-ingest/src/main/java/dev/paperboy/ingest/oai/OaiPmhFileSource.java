package dev.paperboy.ingest.oai;

import dev.paperboy.core.ingest.PaperSource;
import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.ingest.support.InputFile;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A saved OAI-PMH response page (see {@link OaiPmhPageParser} for the mapping and for deleted
 * records). XML that breaks off or is not well-formed rejects the record at the parser's
 * line:column and stops (records before it are kept); a response with OAI-PMH errors, or a document
 * that is not an OAI-PMH response, is an {@link IOException}.
 */
public final class OaiPmhFileSource implements PaperSource {
  private static final Logger log = LoggerFactory.getLogger(OaiPmhFileSource.class);

  private final InputFile file;
  private volatile @Nullable OaiPmhPage lastPage;

  public OaiPmhFileSource(InputFile file) {
    this.file = file;
  }

  @Override
  public String describe() {
    return file.path() + " (oai-pmh)";
  }

  @Override
  public void read(RecordSink sink) throws IOException {
    try (InputStream in = file.open()) {
      OaiPmhPage page = new OaiPmhPageParser().parse(in, file.name(), sink);
      lastPage = page;
      if (page.hasMore()) {
        ResumptionToken t = page.resumptionToken();
        log.info(
            "{} is one page of an incomplete list (cursor {}, complete list size {});"
                + " the next page is resumptionToken={}",
            file.name(),
            t.cursor(),
            t.completeListSize(),
            t.value());
      }
    } catch (MalformedXmlException e) {
      sink.reject(new Rejection(e.where(), e.reason() + "; the rest of the file was not read"));
    }
    file.markDone();
  }

  /** The page read by the last {@link #read}, with its resumption token; null before. */
  public @Nullable OaiPmhPage lastPage() {
    return lastPage;
  }

  @Override
  public double fractionRead() {
    return file.fractionRead();
  }
}
