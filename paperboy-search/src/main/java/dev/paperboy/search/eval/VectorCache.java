package dev.paperboy.search.eval;

import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.core.embed.Embedder;
import dev.paperboy.core.embed.Vectors;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Vectors of texts kept in a file, so that evaluating a collection again does not embed it again.
 *
 * <p>One file per model ({@code MODEL.vectors} in the cache directory); each record is the SHA-256
 * of the embedded text ({@link DocumentText#hash}) and the vector. A changed text has a new hash
 * and is embedded afresh; a different model writes a different file. Records are appended after
 * every chunk, so an interrupted run keeps what it finished; a torn last record is dropped on the
 * next open.
 *
 * <p>Not thread-safe: one evaluation uses it at a time.
 */
public final class VectorCache {
  private static final int MAGIC = 0x50425643; // "PBVC"
  private static final int VERSION = 1;
  private static final int HASH_BYTES = 32;

  /** Documents embedded between two appends to the file. */
  private static final int CHUNK = 256;

  private final Path file;
  private final String model;
  private final int dimension;
  private final Map<String, float[]> vectors = new HashMap<>();

  private VectorCache(Path file, String model, int dimension) {
    this.file = file;
    this.model = model;
    this.dimension = dimension;
  }

  /**
   * Opens (or creates) the cache of {@code embedder}'s model in {@code dir}.
   *
   * @throws IllegalArgumentException when the file belongs to another model or dimension
   */
  public static VectorCache open(Path dir, Embedder embedder) {
    String safe = embedder.modelName().replaceAll("[^A-Za-z0-9._-]", "_");
    VectorCache cache =
        new VectorCache(dir.resolve(safe + ".vectors"), embedder.modelName(), embedder.dimension());
    try {
      Files.createDirectories(dir);
      cache.load();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read vector cache " + cache.file + ": " + e.getMessage(), e);
    }
    return cache;
  }

  public Path file() {
    return file;
  }

  /** Number of cached vectors. */
  public int size() {
    return vectors.size();
  }

  /**
   * The vectors of these document texts, in order: cached ones are read, the others are embedded
   * (in chunks, each appended to the file as soon as it is done).
   *
   * @param progress told the number of texts embedded so far (not counting cached ones)
   */
  public List<float[]> documents(List<String> texts, Embedder embedder, IntConsumer progress) {
    return lookUpOrEmbed(texts, "", embedder::embedDocuments, progress);
  }

  /** The cached vectors of these document texts, in order; null where none is cached. */
  public List<float @org.jspecify.annotations.Nullable []> cachedDocuments(List<String> texts) {
    List<float @org.jspecify.annotations.Nullable []> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(vectors.get(DocumentText.hash(t)));
    }
    return out;
  }

  /** The vectors of these queries (with the model's query instruction), in order. */
  public List<float[]> queries(List<String> texts, Embedder embedder) {
    return lookUpOrEmbed(
        texts,
        "query\0",
        batch -> {
          List<float[]> out = new ArrayList<>(batch.size());
          for (String q : batch) {
            out.add(embedder.embedQuery(q));
          }
          return out;
        },
        n -> {});
  }

  private interface Batch {
    List<float[]> embed(List<String> texts);
  }

  private List<float[]> lookUpOrEmbed(
      List<String> texts, String keyPrefix, Batch embed, IntConsumer progress) {
    List<String> keys = new ArrayList<>(texts.size());
    List<String> missing = new ArrayList<>();
    List<String> missingKeys = new ArrayList<>();
    Map<String, Boolean> queued = new HashMap<>();
    for (String t : texts) {
      String key = DocumentText.hash(keyPrefix + t);
      keys.add(key);
      if (!vectors.containsKey(key) && queued.put(key, Boolean.TRUE) == null) {
        missing.add(t);
        missingKeys.add(key);
      }
    }
    int done = 0;
    for (int from = 0; from < missing.size(); from += CHUNK) {
      int to = Math.min(missing.size(), from + CHUNK);
      List<float[]> embedded = embed.embed(missing.subList(from, to));
      List<String> chunkKeys = missingKeys.subList(from, to);
      append(chunkKeys, embedded);
      for (int i = 0; i < embedded.size(); i++) {
        vectors.put(chunkKeys.get(i), embedded.get(i));
      }
      done += embedded.size();
      progress.accept(done);
    }
    List<float[]> out = new ArrayList<>(texts.size());
    for (String k : keys) {
      out.add(vectors.get(k));
    }
    return out;
  }

  private void load() throws IOException {
    byte[] header = header();
    if (!Files.exists(file)) {
      Files.write(file, header);
      return;
    }
    long good;
    try (InputStream is = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(is, 1 << 16))) {
      int magic = in.readInt();
      int version = in.readInt();
      String foundModel = in.readUTF();
      int foundDim = in.readInt();
      if (magic != MAGIC || version != VERSION) {
        throw new IllegalArgumentException(file + ": not a Paperboy vector cache (version 1)");
      }
      if (!foundModel.equals(model) || foundDim != dimension) {
        throw new IllegalArgumentException(
            file
                + ": holds vectors of "
                + foundModel
                + " ("
                + foundDim
                + " dims), not "
                + model
                + " ("
                + dimension
                + " dims); delete it");
      }
      good = header.length;
      byte[] hash = new byte[HASH_BYTES];
      byte[] vec = new byte[dimension * Float.BYTES];
      while (true) {
        try {
          in.readFully(hash);
          in.readFully(vec);
        } catch (EOFException torn) {
          break;
        }
        vectors.put(HexFormat.of().formatHex(hash), Vectors.fromBytes(vec, dimension));
        good += HASH_BYTES + vec.length;
      }
    }
    if (Files.size(file) != good) {
      // A run stopped in the middle of a record: drop the torn tail so appends stay aligned.
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(good);
      }
    }
  }

  private byte[] header() throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(model);
      out.writeInt(dimension);
    }
    return bytes.toByteArray();
  }

  private void append(List<String> keys, List<float[]> embedded) {
    ByteBuffer buf = ByteBuffer.allocate(keys.size() * (HASH_BYTES + dimension * Float.BYTES));
    for (int i = 0; i < keys.size(); i++) {
      buf.put(HexFormat.of().parseHex(keys.get(i)));
      buf.put(Vectors.toBytes(embedded.get(i)));
    }
    buf.flip();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.APPEND)) {
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write vector cache " + file + ": " + e.getMessage(), e);
    }
  }
}
