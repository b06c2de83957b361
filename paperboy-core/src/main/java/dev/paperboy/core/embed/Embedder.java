package dev.paperboy.core.embed;

import java.util.List;

/**
 * Turns text into unit-length vectors whose dot product measures how close two texts are in
 * meaning.
 *
 * <p>Queries and documents are embedded differently: retrieval models such as bge are trained with
 * an instruction in front of short queries and none in front of passages, so callers say which one
 * they have. Implementations are thread-safe: a search thread may embed a query while a background
 * job embeds documents.
 */
public interface Embedder extends AutoCloseable {

  /**
   * The model's name, stored next to every vector so a change of model is noticed and vectors of
   * two models are never mixed (e.g. {@code bge-small-en-v1.5-q}).
   */
  String modelName();

  /** Length of every vector this embedder returns. */
  int dimension();

  /**
   * Embeds a search query, adding the model's query instruction.
   *
   * @return a vector of {@link #dimension()} floats with L2 norm 1
   */
  float[] embedQuery(String query);

  /**
   * Embeds documents (for papers: {@link DocumentText#of}) as passages, without an instruction. The
   * batch is spread over the embedder's workers; the result is in input order.
   *
   * @return one unit vector per text, in input order
   */
  List<float[]> embedDocuments(List<String> texts);

  /** Releases native sessions and worker threads; the embedder cannot be used afterwards. */
  @Override
  void close();
}
