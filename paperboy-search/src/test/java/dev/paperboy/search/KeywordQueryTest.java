package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.search.KeywordQuery.Clause;
import dev.paperboy.search.KeywordQuery.Kind;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class KeywordQueryTest {

  private final Analyzer analyzer = PaperDocuments.analyzer();

  private String ranking(String input) {
    Query q = KeywordQuery.parse(input).toQuery("f", analyzer);
    return q == null ? null : q.toString();
  }

  @Test
  void plainWordsBecomeOneBagOfAnalysedTerms() {
    assertThat(KeywordQuery.parse("Neural  networks").clauses())
        .containsExactly(
            new Clause(Kind.WORDS, "Neural", false), new Clause(Kind.WORDS, "networks", false));
    assertThat(ranking("Neural networks")).isEqualTo("f:neural f:network");
    // A repeated word counts twice, like Anserini's bag-of-words query.
    assertThat(ranking("cells and cell")).isEqualTo("f:cell f:cell");
  }

  @Test
  void quotedPhrasesAreRequired() {
    assertThat(KeywordQuery.parse("\"mixture of experts\" sparse").clauses())
        .containsExactly(
            new Clause(Kind.PHRASE, "mixture of experts", false),
            new Clause(Kind.WORDS, "sparse", false));
    // The stopword leaves a gap in the phrase positions.
    assertThat(ranking("\"mixture of experts\" sparse"))
        .isEqualTo("+f:\"mixtur ? expert\" f:spars");
  }

  @Test
  void aMinusDirectlyBeforeAWordOrPhraseExcludesIt() {
    assertThat(KeywordQuery.parse("vision -\"graph neural\" -transformers").clauses())
        .containsExactly(
            new Clause(Kind.WORDS, "vision", false),
            new Clause(Kind.PHRASE, "graph neural", true),
            new Clause(Kind.WORDS, "transformers", true));
    assertThat(ranking("vision -\"graph neural\" -transformers"))
        .isEqualTo("-f:\"graph neural\" -f:transform f:vision");
    // An excluded word with several tokens excludes them as a phrase.
    assertThat(ranking("vaccine -covid-19")).isEqualTo("-f:\"covid 19\" f:vaccin");
  }

  @Test
  void otherMinusSignsAreText() {
    assertThat(ranking("G - quadruplex")).isEqualTo("f:g f:quadruplex");
    assertThat(ranking("COVID-19 --vaccine")).isEqualTo("f:covid f:19 f:vaccin");
    assertThat(ranking("homozygous alpha (+)- thalassemia"))
        .isEqualTo("f:homozyg f:alpha f:thalassemia");
  }

  @Test
  void aTrailingStarAfterTwoCharactersIsAPrefix() {
    assertThat(KeywordQuery.parse("Neur* (netw* a* * x**y").clauses())
        .containsExactly(
            new Clause(Kind.PREFIX, "Neur", false),
            new Clause(Kind.PREFIX, "netw", false),
            new Clause(Kind.WORDS, "a*", false),
            new Clause(Kind.WORDS, "*", false),
            new Clause(Kind.WORDS, "x**y", false));
    assertThat(ranking("Neur* -netw*")).isEqualTo("f:neur* -f:netw*");
  }

  @Test
  void prefixesAreCappedPerQuery() {
    String input = "ab* ".repeat(KeywordQuery.MAX_PREFIXES + 3);
    long prefixes =
        KeywordQuery.parse(input).clauses().stream().filter(c -> c.kind() == Kind.PREFIX).count();
    assertThat(prefixes).isEqualTo(KeywordQuery.MAX_PREFIXES);
  }

  @Test
  void anUnclosedQuoteIsIgnored() {
    assertThat(KeywordQuery.parse("\"graph neural").clauses())
        .containsExactly(
            new Clause(Kind.WORDS, "graph", false), new Clause(Kind.WORDS, "neural", false));
    assertThat(KeywordQuery.parse("a \"b\" \"c").clauses())
        .containsExactly(
            new Clause(Kind.WORDS, "a", false),
            new Clause(Kind.PHRASE, "b", false),
            new Clause(Kind.WORDS, "c", false));
  }

  @Test
  void nothingToLookForGivesNoQuery() {
    assertThat(ranking("the of and")).isNull();
    assertThat(ranking("?!; ... ()")).isNull();
    assertThat(ranking("\"\" \"the\"")).isNull();
    assertThat(ranking("-transformers -\"graph neural\"")).isNull();
    assertThat(ranking("")).isNull();
    assertThat(KeywordQuery.parse(null).clauses()).isEmpty();
  }

  @Test
  void otherOperatorCharactersAreText() {
    assertThat(ranking("a +b | (c) ~d e~2 f\\g h:i"))
        .isEqualTo("f:b f:c f:d f:e f:2 f:f f:g f:h f:i");
  }

  @Test
  void fieldPrefixesRestrictAPartToTheTitleOrTheAbstract() {
    assertThat(
            KeywordQuery.parse("title:Diffusion ABSTRACT:\"score matching\" -title:gan").clauses())
        .containsExactly(
            new Clause(Kind.WORDS, "Diffusion", false, "title"),
            new Clause(Kind.PHRASE, "score matching", false, "abstract"),
            new Clause(Kind.WORDS, "gan", true, "title"));
    assertThat(ranking("title:diffusion")).isEqualTo("title:diffus");
    assertThat(ranking("title:diffusion models")).isEqualTo("title:diffus f:model");
    assertThat(ranking("abstract:\"score matching\" -title:gan title:diff*"))
        .isEqualTo("+abstract:\"score match\" -title:gan title:diff*");
    // Several words for one field are one bag over it.
    assertThat(ranking("title:neural title:networks")).isEqualTo("title:neural title:network");
  }

  @Test
  void authorPrefixUsesTheAuthorFieldAndOtherColonsSeparateWords() {
    assertThat(KeywordQuery.parse("author:Hinton").clauses())
        .containsExactly(new Clause(Kind.WORDS, "Hinton", false, PaperDocuments.AUTHOR));
    // Names are folded, not stemmed, and keep stopwords; the rest of the query is analysed as ever.
    assertThat(ranking("author:\"Geoffrey Hinton\" networks"))
        .isEqualTo("+author:\"geoffrey hinton\" f:network");
    assertThat(ranking("authors:Müller authors:Will")).isEqualTo("author:muller author:will");
    assertThat(ranking("author:MÜL* -author:łukasz")).isEqualTo("author:mul* -author:lukasz");
    assertThat(ranking("foo:bar")).isEqualTo("f:foo f:bar");
    assertThat(ranking("http://example.org/x")).isEqualTo("f:http f:example.org f:x");
    assertThat(ranking("vision -foo:bar")).isEqualTo("-f:\"foo bar\" f:vision");
    // A prefix with nothing after it, or a lone colon, looks for nothing.
    assertThat(ranking("title: :")).isNull();
    assertThat(ranking("title:\"unclosed")).isEqualTo("f:unclos");
  }

  @Test
  void matchAnyQueryLeavesOutPartsRestrictedToAnotherField() {
    KeywordQuery q = KeywordQuery.parse("title:diffusion abstract:noise \"image model\"");
    assertThat(q.toMatchAnyQuery("title", analyzer))
        .hasToString("title:\"imag model\" title:diffus");
    assertThat(q.toMatchAnyQuery("abstract", analyzer))
        .hasToString("abstract:\"imag model\" abstract:nois");
  }

  @Test
  void filterRequiresPhrasesAndForbidsExclusionsButNotWords() {
    assertThat(KeywordQuery.parse("nets rout*").toFilter("f", analyzer)).isNull();
    assertThat(KeywordQuery.parse("nets -transformer -title:gan").toFilter("f", analyzer))
        .hasToString("-f:transform -title:gan #*:*");
    assertThat(KeywordQuery.parse("\"graph neural\" nets -vis*").toFilter("f", analyzer))
        .hasToString("#f:\"graph neural\" -f:vis*");
    // A phrase of stopwords is left out of the ranking query, and so of the filter.
    assertThat(KeywordQuery.parse("\"the of\" nets").toFilter("f", analyzer)).isNull();
  }

  @Test
  void matchAnyQueryKeepsPositivePartsOptionalAndDropsExclusions() {
    Query q =
        KeywordQuery.parse("\"mixture of experts\" sparse -dense rout*")
            .toMatchAnyQuery("title", analyzer);
    assertThat(q).hasToString("title:\"mixtur ? expert\" title:rout* title:spars");
  }

  @Test
  void inputIsCutAtMaxCharsWithoutSplittingASurrogatePair() {
    String emoji = "\uD83D\uDE00"; // one code point, two chars
    String input = "x".repeat(KeywordQuery.MAX_CHARS - 1) + emoji + " tail";
    String cut = KeywordQuery.truncate(input);
    assertThat(cut).hasSize(KeywordQuery.MAX_CHARS - 1);
    assertThat(KeywordQuery.truncate("short")).isEqualTo("short");
    assertThat(ranking(input)).doesNotContain("tail");
  }

  @Test
  void plainTextKeepsWhatToLookForWithoutOperators() {
    assertThat(KeywordQuery.parse("\"graph neural\" nets -vision rout*").plainText())
        .isEqualTo("graph neural nets rout");
    assertThat(
            KeywordQuery.parse("title:\"graph neural\" author:hinton foo:bar -title:x").plainText())
        .isEqualTo("graph neural hinton foo bar");
  }

  @Property(tries = 500)
  void anyInputParsesAndBuildsWithoutThrowing(@ForAll @StringLength(max = 300) String input) {
    KeywordQuery q = KeywordQuery.parse(input);
    q.toQuery("f", analyzer);
    q.toMatchAnyQuery("f", analyzer);
    q.toMatchAnyQuery("title", analyzer);
    q.toFilter("f", analyzer);
    q.plainText();
  }

  @Property(tries = 300)
  void operatorHeavyInputParsesWithoutThrowing(@ForAll("operatorSoup") String input) {
    KeywordQuery q = KeywordQuery.parse(input);
    q.toQuery("f", analyzer);
    q.toFilter("f", analyzer);
  }

  @Property(tries = 300)
  void fieldSyntaxInputParsesWithoutThrowing(@ForAll("fieldSoup") String input) {
    KeywordQuery q = KeywordQuery.parse(input);
    q.toQuery("f", analyzer);
    q.toMatchAnyQuery("title", analyzer);
    q.toFilter("f", analyzer);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> fieldSoup() {
    return net.jqwik.api.Arbitraries.of(
            "title:",
            "abstract:",
            "author:",
            "TITLE:",
            "foo:",
            ":",
            "-",
            "\"",
            "*",
            " ",
            "ab",
            "x*",
            "http://",
            "the")
        .list()
        .ofMaxSize(20)
        .map(parts -> String.join("", parts));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> operatorSoup() {
    return net.jqwik.api.Arbitraries.strings()
        .withChars("\"-*()+|~\\ :abAB\t\n\u00e9\uD83D\uDE00")
        .ofMaxLength(60);
  }
}
