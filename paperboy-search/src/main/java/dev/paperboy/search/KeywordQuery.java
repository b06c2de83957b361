package dev.paperboy.search;

import dev.paperboy.core.search.QuerySyntax;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * What a user typed into the search box, read leniently: every input has a meaning, and none is an
 * error.
 *
 * <h2>Syntax</h2>
 *
 * <ul>
 *   <li>Plain words: any of them may match; papers are ranked by BM25 over title, abstract and
 *       authors. Words are analysed like the index ({@link PaperAnalyzer}): case, punctuation,
 *       possessives and the 33 English stopwords do not matter, and words match their Porter stem
 *       ({@code networks} finds {@code network}).
 *   <li>{@code "a phrase"}: the words must appear together in this order; a paper must contain
 *       every quoted phrase. A quote without its closing partner is ignored.
 *   <li>{@code -word} or {@code -"a phrase"}: leave out papers that contain it. Only a single
 *       {@code -} directly before a word excludes: {@code COVID-19}, {@code G - quadruplex} and
 *       {@code --x} are ordinary text.
 *   <li>{@code word*}: words starting with {@code word} (at least {@value #MIN_PREFIX} letters
 *       before the star, at most {@value #MAX_PREFIXES} such words per query; more are read as
 *       plain words). Prefixes match the stemmed index terms as typed ({@code netw*} finds {@code
 *       networks}, {@code studies*} finds nothing because {@code studies} is indexed as {@code
 *       studi}).
 *   <li>{@code title:word}, {@code title:"a phrase"}, {@code title:word*} (and {@code abstract:},
 *       {@code author:} or {@code authors:}): the part is looked for in {@link
 *       PaperDocuments#TITLE} (or {@link PaperDocuments#ABSTRACT}, {@link PaperDocuments#AUTHOR})
 *       instead of {@link PaperDocuments#CONTENTS}, and otherwise means what it means without the
 *       prefix: a word is optional (scored by BM25 over that field), a phrase required, {@code
 *       -title:word} leaves out papers with the word in the title. Author names are analysed by
 *       {@link AuthorAnalyzer} (case and accents folded, no stemming), so the analyzer given to the
 *       query builders must be {@link PaperDocuments#analyzer()}.
 *   <li>Any other {@code :} separates words ({@code foo:bar} is {@code foo bar}, {@code http://x}
 *       is {@code http x}).
 *   <li>Anything else ({@code + | ( ) ~ \} and the like) is ordinary text, which the analyzer
 *       mostly turns into nothing.
 * </ul>
 *
 * <h2>Every mode follows the same rule</h2>
 *
 * <p>Search by meaning (semantic, and the vector side of hybrid) embeds {@link #plainText()}: the
 * words and phrases to look for, without quotes, field prefixes or excluded parts. Whatever a
 * keyword search requires or forbids holds in every mode: {@link #toFilter} (every quoted phrase
 * present, no excluded part present) restricts the vector candidates too, so a paper containing an
 * excluded word is never returned, and a paper without a quoted phrase is never returned, whatever
 * the mode. Plain words and prefixes are optional in keyword search and so do not restrict the
 * vector side (finding papers without the words is what search by meaning is for).
 *
 * <p>Input beyond {@value #MAX_CHARS} characters is ignored, which also bounds the number of
 * clauses well below Lucene's limit of 1024. A query with nothing left to look for (only stopwords,
 * punctuation or exclusions) matches no paper: {@link #toQuery} returns null and the index answers
 * with zero hits.
 *
 * <p>Plain words are analysed together into one bag of {@code SHOULD} term clauses, one per token
 * (a repeated word counts twice), which is the query Anserini builds for its BM25 reference runs.
 *
 * @param clauses the parts of the query in input order
 */
public record KeywordQuery(List<Clause> clauses) {

  /** Characters of input read; the rest is ignored. */
  public static final int MAX_CHARS = QuerySyntax.MAX_CHARS;

  /** Prefix words per query; more are read as plain words (each prefix expands to many terms). */
  public static final int MAX_PREFIXES = QuerySyntax.MAX_PREFIXES;

  /** Characters before a {@code *} for it to mean a prefix. */
  public static final int MIN_PREFIX = QuerySyntax.MIN_PREFIX;

  /** The kinds of query parts. */
  public enum Kind {
    WORDS,
    PHRASE,
    PREFIX
  }

  /**
   * One part of the query.
   *
   * @param text the raw text (for {@link Kind#PREFIX}, without the star)
   * @param excluded true when prefixed by {@code -}
   * @param field the index field the part is restricted to, or null for the field a query is built
   *     over
   */
  public record Clause(Kind kind, String text, boolean excluded, @Nullable String field) {
    public Clause {
      if (kind == null) {
        throw new IllegalArgumentException("clause kind must not be null");
      }
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("clause text must not be blank, kind: " + kind);
      }
      if (field != null && field.isBlank()) {
        throw new IllegalArgumentException("clause field must not be blank, text: " + text);
      }
    }

    /** A part over the field a query is built over. */
    public Clause(Kind kind, String text, boolean excluded) {
      this(kind, text, excluded, null);
    }
  }

  public KeywordQuery {
    clauses = List.copyOf(clauses);
  }

  /**
   * Reads user input; never throws for any string. The parsing itself is {@link QuerySyntax}'s,
   * shared with the other search engines so the syntax is the same whichever one answers.
   */
  public static KeywordQuery parse(@Nullable String input) {
    List<Clause> clauses = new ArrayList<>();
    for (QuerySyntax.Clause c : QuerySyntax.parse(input).clauses()) {
      clauses.add(
          new Clause(
              Kind.valueOf(c.kind().name()),
              c.text(),
              c.excluded(),
              c.field() == null ? null : c.field().indexName()));
    }
    return new KeywordQuery(clauses);
  }

  /** The input's first {@link #MAX_CHARS} characters, without splitting a surrogate pair. */
  static String truncate(String input) {
    return QuerySyntax.truncate(input);
  }

  /**
   * The words to look for, without operators, quotes, field prefixes or exclusions: what search by
   * meaning embeds.
   */
  public String plainText() {
    StringBuilder sb = new StringBuilder();
    for (Clause c : clauses) {
      if (!c.excluded()) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(c.text());
      }
    }
    return sb.toString();
  }

  /**
   * The ranking query over {@code field}: plain words and prefixes optional (at least one must
   * match unless a phrase is given), phrases required, exclusions prohibited.
   *
   * @return null when nothing is left to look for
   */
  public @Nullable Query toQuery(String field, Analyzer analyzer) {
    return build(field, analyzer, true);
  }

  /**
   * Every positive part as an optional clause, exclusions left out: for scoring another field on
   * top of the ranking query (a title boost) and for highlighting.
   *
   * @return null when nothing is left to look for
   */
  public @Nullable Query toMatchAnyQuery(String field, Analyzer analyzer) {
    return build(field, analyzer, false);
  }

  /**
   * What every mode must respect, as a filter for vector candidates: every quoted phrase present (a
   * required part of the ranking query) and no excluded part present.
   *
   * @return null when the query requires and forbids nothing
   */
  public @Nullable Query toFilter(String field, Analyzer analyzer) {
    QueryBuilder qb = new QueryBuilder(analyzer);
    BooleanQuery.Builder bq = new BooleanQuery.Builder();
    boolean any = false;
    boolean required = false;
    for (Clause c : clauses) {
      if (!c.excluded() && c.kind() != Kind.PHRASE) {
        continue;
      }
      Query q = part(qb, field, c, analyzer);
      if (q == null) {
        continue; // analyses to nothing, left out of the ranking query too
      }
      bq.add(q, c.excluded() ? Occur.MUST_NOT : Occur.FILTER);
      any = true;
      required |= !c.excluded();
    }
    if (!any) {
      return null;
    }
    if (!required) {
      bq.add(new MatchAllDocsQuery(), Occur.FILTER); // a purely negative query matches nothing
    }
    return bq.build();
  }

  /** A phrase, an excluded word or a prefix as one query over its field; null when empty. */
  private static @Nullable Query part(QueryBuilder qb, String field, Clause c, Analyzer analyzer) {
    String target = c.field() == null ? field : c.field();
    // An excluded word that analyses to several tokens (-covid-19) excludes them together.
    return c.kind() == Kind.PREFIX
        ? prefix(target, c.text(), analyzer)
        : qb.createPhraseQuery(target, c.text());
  }

  private @Nullable Query build(String field, Analyzer analyzer, boolean ranking) {
    QueryBuilder qb = new QueryBuilder(analyzer);
    BooleanQuery.Builder bq = new BooleanQuery.Builder();
    boolean positive = false;
    // Plain words per field, in order of first use: each field's words are one bag.
    Map<String, StringBuilder> words = new LinkedHashMap<>();
    for (Clause c : clauses) {
      if (!ranking && c.field() != null && !c.field().equals(field)) {
        continue; // a part restricted to another field neither boosts nor marks this one
      }
      if (c.excluded()) {
        if (ranking) {
          Query q = part(qb, field, c, analyzer);
          if (q != null) {
            bq.add(q, Occur.MUST_NOT);
          }
        }
        continue;
      }
      String target = c.field() == null ? field : c.field();
      switch (c.kind()) {
        case WORDS ->
            words.computeIfAbsent(target, f -> new StringBuilder()).append(c.text()).append(' ');
        case PHRASE -> {
          Query q = qb.createPhraseQuery(target, c.text());
          if (q != null) {
            bq.add(q, ranking ? Occur.MUST : Occur.SHOULD);
            positive = true;
          }
        }
        case PREFIX -> {
          bq.add(prefix(target, c.text(), analyzer), Occur.SHOULD);
          positive = true;
        }
      }
    }
    for (Map.Entry<String, StringBuilder> bag : words.entrySet()) {
      Query q = qb.createBooleanQuery(bag.getKey(), bag.getValue().toString(), Occur.SHOULD);
      if (q != null) {
        bq.add(q, Occur.SHOULD);
        positive = true;
      }
    }
    if (!positive) {
      return null;
    }
    BooleanQuery query = bq.build();
    // A lone optional clause scores exactly like the clause itself; unwrap it for readable plans.
    if (query.clauses().size() == 1 && query.clauses().get(0).occur() == Occur.SHOULD) {
      return query.clauses().get(0).query();
    }
    return query;
  }

  private static Query prefix(String field, String text, Analyzer analyzer) {
    BytesRef normalised = analyzer.normalize(field, text);
    return new PrefixQuery(new Term(field, normalised));
  }
}
