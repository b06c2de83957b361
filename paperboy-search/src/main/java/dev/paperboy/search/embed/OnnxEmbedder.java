package dev.paperboy.search.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.paperboy.core.embed.Embedder;
import dev.paperboy.core.embed.Vectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * An {@link Embedder} that runs a bundled ONNX model in this process.
 *
 * <p>Threading follows what was measured on small machines: ONNX Runtime's default session uses a
 * thread pool as large as the machine, and several of them side by side oversubscribe the cores.
 * Here every session runs single-threaded (one intra-op thread, sequential execution) and documents
 * are spread over one worker per core, each worker with its own session. Queries use a separate
 * single-threaded session on the caller's thread, so a search never waits behind a backfill batch.
 *
 * <p>Documents of a call are sorted by length and cut into small batches, so a batch pads its texts
 * to similar lengths instead of to its longest outlier.
 */
public final class OnnxEmbedder implements Embedder {
  /** Texts per inference call: enough to amortise the call, small enough to pad little. */
  public static final int DEFAULT_BATCH_SIZE = 8;

  private final ModelSpec spec;
  private final HuggingFaceTokenizer tokenizer;
  private final OrtEnvironment env;
  private final OrtSession querySession;
  private final List<OrtSession> workerSessions;
  private final ThreadLocal<OrtSession> workerSession;
  private final ExecutorService workers;
  private final int batchSize;

  /**
   * Native sessions and the tokenizer must not be freed while a call uses them: that crashes the
   * JVM (seen when a server shut down while a query was being embedded). Every use holds the read
   * lock; {@link #close()} takes the write lock, so it waits for the calls in flight.
   */
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();

  private boolean closed; // guarded by lifecycle

  private OnnxEmbedder(ModelSpec spec, int workerCount, int batchSize) {
    if (workerCount < 1) {
      throw new IllegalArgumentException("workers must be >= 1, workers: " + workerCount);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, batchSize: " + batchSize);
    }
    this.spec = spec;
    this.batchSize = batchSize;
    this.tokenizer = loadTokenizer(spec);
    byte[] model = readResource(spec.onnxResource(), spec);
    this.env = OrtEnvironment.getEnvironment();
    List<OrtSession> sessions = new ArrayList<>();
    try {
      this.querySession = newSession(env, model);
      for (int i = 0; i < workerCount; i++) {
        sessions.add(newSession(env, model));
      }
    } catch (OrtException e) {
      tokenizer.close();
      throw new IllegalStateException(
          "cannot load model " + spec.name() + ": " + e.getMessage(), e);
    }
    checkInputs(querySession);
    this.workerSessions = List.copyOf(sessions);
    AtomicInteger next = new AtomicInteger();
    this.workerSession =
        ThreadLocal.withInitial(
            () -> workerSessions.get(next.getAndIncrement() % workerSessions.size()));
    AtomicInteger threadNo = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            workerCount,
            r -> {
              Thread t = new Thread(r, "embedder-" + threadNo.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** bge-small-en-v1.5 (int8) with one worker per available core. */
  public static OnnxEmbedder bgeSmallEnV15() {
    return create(
        ModelSpec.BGE_SMALL_EN_V15_Q,
        Runtime.getRuntime().availableProcessors(),
        DEFAULT_BATCH_SIZE);
  }

  /**
   * An embedder for a bundled model.
   *
   * @param workers threads (and single-threaded sessions) for documents; one per core is best
   * @param batchSize texts per inference call
   * @throws IllegalStateException when the model or tokenizer is not on the classpath or cannot be
   *     loaded
   */
  public static OnnxEmbedder create(ModelSpec spec, int workers, int batchSize) {
    return new OnnxEmbedder(spec, workers, batchSize);
  }

  @Override
  public String modelName() {
    return spec.name();
  }

  @Override
  public int dimension() {
    return spec.dimension();
  }

  /** The model this embedder runs. */
  public ModelSpec spec() {
    return spec;
  }

  @Override
  public float[] embedQuery(String query) {
    return whileOpen(
        () -> {
          Encoding e = tokenizer.encode(spec.queryPrefix() + query);
          return run(querySession, List.of(e)).get(0);
        });
  }

  /** Runs {@code work} on the native resources, refusing once {@link #close()} has begun. */
  private <T> T whileOpen(Supplier<T> work) {
    Lock lock = lifecycle.readLock();
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("the embedder of " + spec.name() + " is closed");
      }
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    // Longest first, so the slowest batches start first and the workers finish together.
    Integer[] order = new Integer[texts.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> texts.get(i).length()).reversed());
    float[][] out = new float[texts.size()][];
    List<Future<?>> pending = new ArrayList<>();
    // Checked here too: a closed embedder's workers refuse tasks with a less helpful exception.
    whileOpen(() -> null);
    for (int from = 0; from < order.length; from += batchSize) {
      int[] batch = new int[Math.min(batchSize, order.length - from)];
      for (int j = 0; j < batch.length; j++) {
        batch[j] = order[from + j];
      }
      pending.add(
          workers.submit(
              () ->
                  whileOpen(
                      () -> {
                        List<Encoding> encodings = new ArrayList<>(batch.length);
                        for (int i : batch) {
                          encodings.add(tokenizer.encode(spec.documentPrefix() + texts.get(i)));
                        }
                        List<float[]> vectors = run(workerSession.get(), encodings);
                        for (int j = 0; j < batch.length; j++) {
                          out[batch[j]] = vectors.get(j);
                        }
                        return null;
                      })));
    }
    try {
      for (Future<?> f : pending) {
        f.get();
      }
    } catch (java.util.concurrent.CancellationException e) {
      pending.forEach(f -> f.cancel(true));
      throw new IllegalStateException("the embedder of " + spec.name() + " is closed", e);
    } catch (InterruptedException e) {
      pending.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      pending.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("embedding failed: " + cause, cause);
    }
    return Arrays.asList(out);
  }

  /** Number of tokens the model sees for this document text (at most {@code maxTokens}). */
  public int tokenCount(String text) {
    return whileOpen(() -> tokenizer.encode(spec.documentPrefix() + text).getIds().length);
  }

  /** Runs one padded batch through a session and pools and normalises each row. */
  private List<float[]> run(OrtSession session, List<Encoding> encodings) {
    int rows = encodings.size();
    int width = 0;
    for (Encoding e : encodings) {
      width = Math.max(width, e.getIds().length);
    }
    long[] ids = new long[rows * width];
    long[] mask = new long[rows * width];
    long[] types = new long[rows * width];
    for (int r = 0; r < rows; r++) {
      Encoding e = encodings.get(r);
      long[] eIds = e.getIds();
      System.arraycopy(eIds, 0, ids, r * width, eIds.length);
      System.arraycopy(e.getAttentionMask(), 0, mask, r * width, eIds.length);
      System.arraycopy(e.getTypeIds(), 0, types, r * width, eIds.length);
      // Padding positions keep id 0 ([PAD]) and mask 0, so attention ignores them.
    }
    long[] shape = {rows, width};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (session.getInputNames().contains("token_type_ids")) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        // Output 0 is last_hidden_state, [rows, width, dimension].
        OnnxTensor hidden = (OnnxTensor) result.get(0);
        long[] outShape = hidden.getInfo().getShape();
        int dim = spec.dimension();
        if (outShape.length != 3 || outShape[2] != dim) {
          throw new IllegalStateException(
              "model "
                  + spec.name()
                  + " returned shape "
                  + Arrays.toString(outShape)
                  + ", expected [batch, tokens, "
                  + dim
                  + "]");
        }
        FloatBuffer h = hidden.getFloatBuffer();
        List<float[]> vectors = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
          float[] v = new float[dim];
          if (spec.pooling() == ModelSpec.Pooling.CLS) {
            h.get(r * width * dim, v);
          } else {
            int tokens = 0;
            for (int t = 0; t < width; t++) {
              if (mask[r * width + t] == 0) {
                continue;
              }
              tokens++;
              int base = (r * width + t) * dim;
              for (int d = 0; d < dim; d++) {
                v[d] += h.get(base + d);
              }
            }
            for (int d = 0; d < dim; d++) {
              v[d] /= Math.max(tokens, 1);
            }
          }
          vectors.add(Vectors.normalizeInPlace(v));
        }
        return vectors;
      }
    } catch (OrtException e) {
      throw new IllegalStateException(
          "model " + spec.name() + " failed on a batch of " + rows + ": " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /**
   * Frees the model's native resources, after the calls in flight have finished (a document batch
   * runs to its end; batches not started are dropped); later calls throw {@link
   * IllegalStateException}. Closing twice is harmless.
   */
  @Override
  public void close() {
    // Batches not started are dropped; cancelling them wakes the caller waiting for them.
    for (Runnable dropped : workers.shutdownNow()) {
      if (dropped instanceof Future<?> f) {
        f.cancel(false);
      }
    }
    Lock lock = lifecycle.writeLock();
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      closeNative();
    } finally {
      lock.unlock();
    }
  }

  private void closeNative() {
    try {
      querySession.close();
      for (OrtSession s : workerSessions) {
        s.close();
      }
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close model " + spec.name(), e);
    } finally {
      tokenizer.close();
    }
  }

  private static OrtSession newSession(OrtEnvironment env, byte[] model) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return env.createSession(model, options);
    }
  }

  private void checkInputs(OrtSession session) {
    Set<String> names = session.getInputNames();
    if (!names.contains("input_ids") || !names.contains("attention_mask")) {
      throw new IllegalStateException(
          "model "
              + spec.name()
              + " has inputs "
              + names
              + ", expected input_ids and attention_mask");
    }
  }

  private static HuggingFaceTokenizer loadTokenizer(ModelSpec spec) {
    // DJL "calls home" when a tokenizer is created: it asks the EC2 metadata address
    // (169.254.169.254) for an instance id and, on EC2, sends telemetry. Paperboy makes no network
    // calls at run time, so switch that off unless the operator already chose.
    if (System.getProperty("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
    if (System.getProperty("offline") == null) {
      // DJL's offline mode: never download native libraries or models (ours are in the jars).
      System.setProperty("offline", "true");
    }
    Map<String, String> options = new HashMap<>();
    options.put("addSpecialTokens", "true");
    options.put("truncation", "true");
    options.put("padding", "false");
    options.put("maxLength", Integer.toString(spec.maxTokens()));
    options.put("modelMaxLength", Integer.toString(spec.maxTokens()));
    try (InputStream in = resource(spec.tokenizerResource(), spec)) {
      return HuggingFaceTokenizer.newInstance(in, options);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read tokenizer " + spec.tokenizerResource() + " of model " + spec.name(), e);
    }
  }

  private static byte[] readResource(String name, ModelSpec spec) {
    try (InputStream in = resource(name, spec)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " of model " + spec.name(), e);
    }
  }

  private static InputStream resource(String name, ModelSpec spec) {
    InputStream in = OnnxEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          "model file "
              + name
              + " of "
              + spec.name()
              + " is not on the classpath (is the model jar missing from the build?)");
    }
    return in;
  }
}
