package dev.paperboy.app.cli;

import dev.paperboy.ingest.SourceFormat;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --format NAME} with the CLI names of {@link SourceFormat}. */
public final class SourceFormatConverter implements ITypeConverter<SourceFormat> {
  @Override
  public SourceFormat convert(String value) {
    return SourceFormat.fromName(value);
  }

  /** The names shown in help texts. */
  public static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(SourceFormat.values()).map(SourceFormat::cliName).iterator();
    }
  }
}
