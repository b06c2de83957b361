package dev.paperboy.ingest;

import java.io.IOException;
import java.nio.file.Path;

/** A file whose format could not be told from its content; the message says what was seen. */
public final class UnknownFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public UnknownFormatException(Path file, String why) {
    super(
        "cannot tell the format of "
            + file
            + ": "
            + why
            + "; name it with --format ("
            + SourceFormat.names()
            + ")");
  }
}
