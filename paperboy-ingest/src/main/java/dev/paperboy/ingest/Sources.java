package dev.paperboy.ingest;

import dev.paperboy.core.ingest.PaperSource;
import dev.paperboy.ingest.arxiv.ArxivListingMapper;
import dev.paperboy.ingest.arxiv.KaggleSnapshotMapper;
import dev.paperboy.ingest.hf.HfDailyArraySource;
import dev.paperboy.ingest.hf.HfDailyJsonlMapper;
import dev.paperboy.ingest.oai.OaiPmhFileSource;
import dev.paperboy.ingest.support.InputFile;
import dev.paperboy.ingest.support.JsonLinesSource;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Opens a file of papers in any supported format. */
public final class Sources {
  private Sources() {}

  /**
   * A source that streams {@code file}. Gzipped files (told by their magic bytes, not their name)
   * are gunzipped whatever the format.
   *
   * @param format the format, or null to tell it from the content ({@link FormatDetector})
   * @throws UnknownFormatException when {@code format} is null and the content does not say
   * @throws IOException naming the file when it is missing or unreadable
   */
  public static PaperSource open(Path file, @Nullable SourceFormat format) throws IOException {
    InputFile in = InputFile.of(file);
    SourceFormat f = format != null ? format : FormatDetector.detect(in);
    return switch (f) {
      case HF_DAILY -> new HfDailyArraySource(in);
      case HF_DAILY_JSONL -> new JsonLinesSource(in, f.cliName(), HfDailyJsonlMapper::new);
      case ARXIV_JSONL -> new JsonLinesSource(in, f.cliName(), ArxivListingMapper::new);
      case KAGGLE -> new JsonLinesSource(in, f.cliName(), KaggleSnapshotMapper::new);
      case OAI_PMH -> new OaiPmhFileSource(in);
    };
  }

  /** The format of {@code file} as told from its content. */
  public static SourceFormat detect(Path file) throws IOException {
    return FormatDetector.detect(InputFile.of(file));
  }
}
