package dev.paperboy.core.recommend;

/**
 * Everything personal picks are made of, in one value: where the papers' vectors come from, the
 * recommender (taste model and similarity floor) that ranks them, and the reader's likes. The
 * digest's personal picks and the site's "For you" list (issue 9) are both built from one instance,
 * so the same reader with the same likes gets the same ranking of the same candidates in both.
 *
 * @param vectors the vectors picks compare (hashed TF-IDF, or stored embeddings)
 * @param recommender the taste model and the similarity floor
 * @param likes what a reader's taste is learned from (the newest {@link #LIKES})
 * @param needsEmbeddings true when {@code vectors} are stored embeddings, so a paper the embedding
 *     backfill has not reached yet can be neither evidence of taste nor a pick (pages say so)
 */
public record PersonalPicks(
    PaperVectors vectors, Recommender recommender, LikedPapers likes, boolean needsEmbeddings) {

  /** How many of a reader's likes (the newest) a profile is learned from. */
  public static final int LIKES = 100;

  public PersonalPicks {
    if (vectors == null || recommender == null || likes == null) {
      throw new IllegalArgumentException(
          "vectors, recommender and likes must not be null, vectors: "
              + vectors
              + ", recommender: "
              + recommender
              + ", likes: "
              + likes);
    }
  }
}
