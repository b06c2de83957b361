package dev.paperboy.app;

import dev.paperboy.core.embed.Embedder;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An {@link Embedder} that loads its model on first use. Commands that only need the model's name
 * (to look up stored vectors while importing or reindexing) never pay for loading the ONNX model; a
 * search by meaning or the embedding job loads it once.
 */
final class LazyEmbedder implements Embedder {
  private final String modelName;
  private final int dimension;
  private final Supplier<? extends Embedder> loader;
  private volatile @Nullable Embedder loaded;
  private boolean closed;

  LazyEmbedder(String modelName, int dimension, Supplier<? extends Embedder> loader) {
    this.modelName = modelName;
    this.dimension = dimension;
    this.loader = loader;
  }

  private Embedder delegate() {
    Embedder e = loaded;
    if (e != null) {
      return e;
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the embedder is closed");
      }
      if (loaded == null) {
        Embedder real = loader.get();
        if (!real.modelName().equals(modelName) || real.dimension() != dimension) {
          real.close();
          throw new IllegalStateException(
              "expected model "
                  + modelName
                  + " ("
                  + dimension
                  + " dimensions) but loaded "
                  + real.modelName()
                  + " ("
                  + real.dimension()
                  + ")");
        }
        loaded = real;
      }
      return loaded;
    }
  }

  boolean isLoaded() {
    return loaded != null;
  }

  @Override
  public String modelName() {
    return modelName;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public float[] embedQuery(String query) {
    return delegate().embedQuery(query);
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    return delegate().embedDocuments(texts);
  }

  @Override
  public synchronized void close() {
    closed = true;
    Embedder e = loaded;
    loaded = null;
    if (e != null) {
      e.close();
    }
  }
}
