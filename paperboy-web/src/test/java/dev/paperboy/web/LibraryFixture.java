package dev.paperboy.web;

import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.core.embed.StoredVector;
import dev.paperboy.core.library.ForYou;
import dev.paperboy.core.library.LibraryStore;
import dev.paperboy.core.library.ProfileLikes;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.recommend.CentroidModel;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikeKind;
import dev.paperboy.core.recommend.LikedPapers;
import dev.paperboy.core.recommend.PaperVectors;
import dev.paperboy.core.recommend.PersonalPicks;
import dev.paperboy.core.recommend.Recommender;
import dev.paperboy.core.testing.ConceptEmbedder;
import dev.paperboy.store.JdbcEmbeddingStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The library on a community fixture: vectors of every fixture paper from the deterministic {@link
 * ConceptEmbedder} (stored as the embedding job would), and the recommender the app builds.
 */
final class LibraryFixture {
  static final String MODEL = "concept-test-model";

  private LibraryFixture() {}

  static Library library(CommunityFixture fx, PaperStore store, LibraryStore library, Clock clock) {
    JdbcEmbeddingStore vectors = new JdbcEmbeddingStore(fx.db);
    ConceptEmbedder embedder = new ConceptEmbedder();
    List<Paper> papers = store.papersAfter(null, 1000);
    List<String> texts = papers.stream().map(DocumentText::of).toList();
    List<float[]> vs = embedder.embedDocuments(texts);
    List<StoredVector> stored = new ArrayList<>();
    for (int i = 0; i < papers.size(); i++) {
      stored.add(
          new StoredVector(papers.get(i).id(), MODEL, DocumentText.hash(texts.get(i)), vs.get(i)));
    }
    vectors.putVectors(stored);
    LikedPapers upvotes =
        (user, limit) ->
            fx.community.votes().votesOf(user, limit).stream()
                .map(v -> new Like(v.paperId(), LikeKind.UPVOTE, v.createdAt()))
                .toList();
    // The digest's mean-embedding model on the stored vectors; a low floor, since the concept
    // vectors of the fixture's short abstracts are less alike than real sentence embeddings.
    PersonalPicks picks =
        new PersonalPicks(
            PaperVectors.stored(vectors, MODEL),
            new Recommender(CentroidModel.mean(), 0.0),
            new ProfileLikes(library, upvotes),
            true);
    ForYou forYou = new ForYou(store, library, picks, clock, 14, 0.5);
    return new Library(library, forYou, Library.Config.defaults());
  }
}
