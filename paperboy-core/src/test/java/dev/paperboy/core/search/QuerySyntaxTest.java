package dev.paperboy.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.search.QuerySyntax.Clause;
import dev.paperboy.core.search.QuerySyntax.Field;
import dev.paperboy.core.search.QuerySyntax.Kind;
import org.junit.jupiter.api.Test;

class QuerySyntaxTest {

  @Test
  void fieldPrefixesRestrictWordsPhrasesAndPrefixes() {
    QuerySyntax q =
        QuerySyntax.parse(
            "diffusion TITLE:score title:\"denoising model\" -abstract:gan abs* title:x*");
    assertThat(q.clauses())
        .containsExactly(
            new Clause(Kind.WORDS, "diffusion", false),
            new Clause(Kind.WORDS, "score", false, Field.TITLE),
            new Clause(Kind.PHRASE, "denoising model", false, Field.TITLE),
            new Clause(Kind.WORDS, "gan", true, Field.ABSTRACT),
            new Clause(Kind.PREFIX, "abs", false),
            new Clause(Kind.WORDS, "x*", false, Field.TITLE));
    assertThat(q.words()).isEqualTo("diffusion");
    assertThat(q.words(Field.TITLE)).isEqualTo("score x*");
    assertThat(q.words(Field.ABSTRACT)).isEmpty();
  }

  @Test
  void authorAndAuthorsRestrictToTheAuthorField() {
    assertThat(
            QuerySyntax.parse("Author:Hinton authors:\"geoffrey hinton\" -author:lecun author:hin*")
                .clauses())
        .containsExactly(
            new Clause(Kind.WORDS, "Hinton", false, Field.AUTHOR),
            new Clause(Kind.PHRASE, "geoffrey hinton", false, Field.AUTHOR),
            new Clause(Kind.WORDS, "lecun", true, Field.AUTHOR),
            new Clause(Kind.PREFIX, "hin", false, Field.AUTHOR));
    assertThat(Field.AUTHOR.indexName()).isEqualTo("author");
    // Neither the alias nor a near miss is a field of its own.
    assertThat(QuerySyntax.parse("authorz:x").clauses())
        .containsExactly(new Clause(Kind.WORDS, "authorz x", false));
  }

  @Test
  void plainTextIsWhatToEmbedWithoutSyntax() {
    assertThat(
            QuerySyntax.parse("\"graph neural\" -transformer title:nets author:Hinton foo:bar -x*")
                .plainText())
        .isEqualTo("graph neural nets Hinton foo bar");
    assertThat(QuerySyntax.parse("-transformer -\"a b\"").plainText()).isEmpty();
    assertThat(QuerySyntax.parse("title: :").plainText()).isEmpty();
  }

  @Test
  void unknownPrefixesAndUrlsAreWords() {
    assertThat(QuerySyntax.parse("foo:bar").clauses())
        .containsExactly(new Clause(Kind.WORDS, "foo bar", false));
    assertThat(QuerySyntax.parse("http://x").clauses())
        .containsExactly(new Clause(Kind.WORDS, "http //x", false));
    assertThat(QuerySyntax.parse("-foo:bar").clauses())
        .containsExactly(new Clause(Kind.WORDS, "foo bar", true));
  }
}
