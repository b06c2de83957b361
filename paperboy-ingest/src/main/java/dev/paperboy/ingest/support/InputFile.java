package dev.paperboy.ingest.support;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A file to read records from, gzipped or not.
 *
 * <p>Compression is told from the content, not the name: a file that starts with the gzip magic
 * bytes {@code 1f 8b} (RFC 1952, section 2.3.1) is gunzipped. Progress is the share of the file's
 * bytes on disk read so far (compressed bytes for a gzip file), so it reaches 1 exactly at the end
 * whatever the compression ratio. Every I/O error raised while reading names the file.
 */
public final class InputFile {
  private static final int BUFFER = 1 << 16;

  private final Path path;
  private final long size;
  private final boolean gzip;
  private volatile long consumed;

  private InputFile(Path path, long size, boolean gzip) {
    this.path = path;
    this.size = size;
    this.gzip = gzip;
  }

  /**
   * Looks at {@code path}: its size and whether it is gzipped.
   *
   * @throws IOException naming the file when it is missing, a directory or unreadable
   */
  public static InputFile of(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString(), null, "no such file");
    }
    if (Files.isDirectory(path)) {
      throw new IOException(path + ": is a directory, not a file");
    }
    if (!Files.isReadable(path)) {
      throw new IOException(path + ": cannot be read (permission denied)");
    }
    long size = Files.size(path);
    boolean gzip;
    try (InputStream in = Files.newInputStream(path)) {
      gzip = in.read() == 0x1f && in.read() == 0x8b;
    } catch (IOException e) {
      throw new IOException(path + ": cannot be read: " + e.getMessage(), e);
    }
    return new InputFile(path, size, gzip);
  }

  public Path path() {
    return path;
  }

  /** The file name, used in {@code file:line} locations. */
  public String name() {
    Path name = path.getFileName();
    return name == null ? path.toString() : name.toString();
  }

  public boolean isGzip() {
    return gzip;
  }

  /** Size on disk, in bytes. */
  public long size() {
    return size;
  }

  /**
   * Opens the content, gunzipped when the file is gzipped, buffered. Resets the progress counter.
   * Every {@link IOException} the stream throws names the file (a truncated gzip member surfaces as
   * {@code name: cannot be read: Unexpected end of ZLIB input stream}).
   */
  public InputStream open() throws IOException {
    consumed = 0;
    return open(true);
  }

  /**
   * Opens the content like {@link #open()} but leaves progress alone: for a look at the first bytes
   * (format detection) before the real read.
   */
  public InputStream peek() throws IOException {
    return open(false);
  }

  private InputStream open(boolean count) throws IOException {
    InputStream raw;
    try {
      raw = Files.newInputStream(path);
    } catch (IOException e) {
      throw new IOException(path + ": cannot be read: " + e.getMessage(), e);
    }
    InputStream counted = new BufferedInputStream(count ? new Counting(raw) : raw, BUFFER);
    InputStream content;
    try {
      content =
          gzip ? new BufferedInputStream(new GZIPInputStream(counted, BUFFER), BUFFER) : counted;
    } catch (IOException e) {
      counted.close();
      throw new IOException(path + ": cannot be read as gzip: " + e.getMessage(), e);
    }
    return new Naming(content);
  }

  /** How much of the file has been read, 0 to 1: bytes consumed from disk over the file size. */
  public double fractionRead() {
    if (size == 0) {
      return consumed > 0 ? 1.0 : 0.0;
    }
    return Math.min(1.0, (double) consumed / size);
  }

  /** Marks the whole file read (for sources that stop early). */
  public void markDone() {
    consumed = Math.max(consumed, size);
  }

  @Override
  public String toString() {
    return path.toString();
  }

  /** Counts the bytes read from disk. Only the reading thread writes {@code consumed}. */
  private final class Counting extends FilterInputStream {
    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        consumed = consumed + 1;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        consumed = consumed + n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      consumed = consumed + skipped;
      return skipped;
    }
  }

  /** Puts the file name into every I/O error, once. */
  private final class Naming extends FilterInputStream {
    Naming(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (FileReadException e) {
        throw e;
      } catch (IOException e) {
        throw new FileReadException(path, e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (FileReadException e) {
        throw e;
      } catch (IOException e) {
        throw new FileReadException(path, e);
      }
    }
  }

  /** An I/O error while reading a file's content; its message starts with the file. */
  public static final class FileReadException extends IOException {
    private static final long serialVersionUID = 1L;

    FileReadException(Path path, IOException cause) {
      super(path + ": cannot be read: " + describe(cause), cause);
    }

    private static String describe(IOException e) {
      String m = e.getMessage();
      String what = m == null ? e.getClass().getSimpleName() : m;
      if (e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException) {
        return what + " (truncated or corrupt gzip data)";
      }
      return what;
    }
  }
}
