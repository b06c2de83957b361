package dev.paperboy.search.solr;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.search.QuerySyntax;
import dev.paperboy.core.search.QuerySyntax.Clause;
import dev.paperboy.core.search.SearchQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.jspecify.annotations.Nullable;

/**
 * The user's query in Solr's terms, built to be the Lucene query the embedded index builds ({@code
 * KeywordQuery}) so both engines match and score alike:
 *
 * <ul>
 *   <li>plain words: analysed together by the field's analyzer into one bag of optional term
 *       clauses (the {@code lucene} parser on the whole text escaped as one term, operator OR);
 *   <li>phrases: required, {@code {!field}} (a phrase query when the text has several tokens);
 *   <li>prefixes: optional, the {@code lucene} parser on the escaped text and a star, so the
 *       field's multiterm analyzer lower-cases and folds accents as the embedded index does;
 *   <li>exclusions: prohibited, {@code {!field}} or a prefix as above;
 *   <li>parts with a field prefix ({@code title:}, {@code abstract:}, {@code author:}): the same,
 *       over that field instead of {@code contents} (the field's plain words are a bag of their
 *       own).
 * </ul>
 *
 * <p>For vector searches, {@link #addSyntaxFilter} adds the required phrases and the exclusions as
 * an {@code fq}, the pre-filter of Solr's {@code knn}, as the embedded index filters its vector
 * candidates.
 *
 * <p>The user's text never sits inside the query's structure: every part is a request parameter of
 * its own, nested by reference ({@code _query_:"{!v=$name}"}); {@code {!field}} reads its value
 * raw, and the bag of words and the prefixes are escaped, so no input can change the query's
 * structure. The positive parts form one group that also holds a clause matching nothing, so a
 * query whose words all analyse to nothing matches nothing even beside exclusions (Solr would
 * otherwise add "match all" to a purely negative query).
 */
final class SolrQueries {
  private SolrQueries() {}

  /**
   * Adds the ranking query over {@code field} as parameter {@code param}, with its parts under
   * names starting with {@code prefix}.
   *
   * @return false when the query has nothing to look for (then nothing is added)
   */
  static boolean addKeywordQuery(
      ModifiableSolrParams params, String param, QuerySyntax syntax, String field, String prefix) {
    if (!syntax.hasPositive()) {
      return false;
    }
    List<String> positive = new ArrayList<>();
    List<String> negative = new ArrayList<>();
    int n = 0;
    String words = syntax.words();
    if (!words.isEmpty()) {
      positive.add(nested(params, prefix + "w", words(field, words)));
    }
    // Words restricted to a field are a bag of their own over that field (title:diffusion).
    for (QuerySyntax.Field f : QuerySyntax.Field.values()) {
      String fieldWords = syntax.words(f);
      if (!fieldWords.isEmpty()) {
        positive.add(
            nested(params, prefix + "w_" + f.indexName(), words(f.indexName(), fieldWords)));
      }
    }
    for (Clause c : syntax.clauses()) {
      if (c.kind() == QuerySyntax.Kind.WORDS && !c.excluded()) {
        continue; // in a bag of words above
      }
      String ref = nested(params, prefix + (n++), part(field, c));
      if (c.excluded()) {
        negative.add("-" + ref);
      } else {
        positive.add((c.kind() == QuerySyntax.Kind.PHRASE ? "+" : "") + ref);
      }
    }
    positive.add(nothing(params));
    StringBuilder q = new StringBuilder("{!lucene q.op=OR}(");
    q.append(String.join(" ", positive)).append(')');
    for (String neg : negative) {
      q.append(' ').append(neg);
    }
    params.set(param, q.toString());
    return true;
  }

  /**
   * A part of the query as a nested query in the {@code lucene} parser's syntax, its text in a
   * parameter of its own. A part that analyses to nothing (a phrase of stopwords) is left out by
   * the parser, as the embedded index leaves it out.
   */
  private static String nested(ModifiableSolrParams params, String name, Part part) {
    params.set(name, part.value());
    return "_query_:\"{!" + part.parser() + " v=$" + name + "}\"";
  }

  /** A query part: its parser with local parameters, and the text it reads. */
  private record Part(String parser, String value) {}

  /**
   * An optional clause that matches no paper (no id is "-"): it keeps the group of positive parts a
   * query even when every part analysed to nothing, so the group matches nothing and Solr does not
   * read the exclusions alone as "everything but". It adds nothing to any score.
   */
  private static String nothing(ModifiableSolrParams params) {
    return nested(params, "none", new Part("term f=" + SolrDocuments.ID, "-"));
  }

  /**
   * Adds the highlighting query as {@code hl.q}: every positive part, optional, over the title and
   * the abstract (exclusions are not marked).
   *
   * @return false when there is nothing to mark
   */
  static boolean addHighlightQuery(ModifiableSolrParams params, QuerySyntax syntax) {
    List<String> should = new ArrayList<>();
    int n = 0;
    // The highlighted fields are fields of the syntax too (SolrDocuments.TITLE is "title").
    for (QuerySyntax.Field highlighted :
        List.of(QuerySyntax.Field.TITLE, QuerySyntax.Field.ABSTRACT)) {
      String field = highlighted.indexName();
      for (String words : List.of(syntax.words(), syntax.words(highlighted))) {
        if (!words.isEmpty()) {
          should.add(nested(params, "hl_" + (n++), words(field, words)));
        }
      }
      for (Clause c : syntax.clauses()) {
        if (c.excluded() || c.kind() == QuerySyntax.Kind.WORDS) {
          continue;
        }
        if (c.field() != null && c.field() != highlighted) {
          continue; // a part restricted to another field is not marked in this one
        }
        should.add(nested(params, "hl_" + (n++), part(field, c)));
      }
    }
    if (should.isEmpty()) {
      return false;
    }
    should.add(nothing(params));
    params.set("hl.q", "{!lucene q.op=OR}" + String.join(" ", should));
    return true;
  }

  /**
   * Adds, as an {@code fq}, what the keyword query requires and forbids (every quoted phrase
   * present, no excluded part present), so that vector searches, which read the {@code fq}s as
   * their pre-filter, respect them as keyword searches do ({@code KeywordQuery#toFilter}).
   *
   * @return false when the query requires and forbids nothing (then nothing is added)
   */
  static boolean addSyntaxFilter(
      ModifiableSolrParams params, QuerySyntax syntax, String field, String prefix) {
    List<String> parts = new ArrayList<>();
    int n = 0;
    for (Clause c : syntax.clauses()) {
      if (!c.excluded() && c.kind() != QuerySyntax.Kind.PHRASE) {
        continue;
      }
      parts.add((c.excluded() ? "-" : "+") + nested(params, prefix + (n++), part(field, c)));
    }
    if (parts.isEmpty()) {
      return false;
    }
    // "Everything" as a required part: a part that analyses to nothing (a phrase of stopwords) is
    // left out by the parser, and the exclusions need something to take away from.
    params.add("fq", "{!lucene q.op=AND}*:* " + String.join(" ", parts));
    return true;
  }

  /**
   * A phrase, an excluded word or a prefix over its own field, or {@code field} when it has none.
   */
  private static Part part(String field, Clause c) {
    String target = c.field() == null ? field : c.field().indexName();
    if (c.kind() != QuerySyntax.Kind.PREFIX) {
      return new Part("field f=" + target, c.text());
    }
    // {!prefix} reads its value raw; the lucene parser runs the field's multiterm analysis
    // (lower-case, ASCII folding), so mül* finds Müller and schrö* finds Schrödinger, as the
    // embedded index's normalisation does. The text is escaped (QuerySyntax keeps no star or space
    // in a prefix), so only the final star is syntax.
    return new Part("lucene df=" + target, ClientUtils.escapeQueryChars(c.text()) + "*");
  }

  /** The bag of words: the whole text as one escaped term, analysed into optional terms. */
  private static Part words(String field, String text) {
    return new Part("lucene df=" + field + " q.op=OR", ClientUtils.escapeQueryChars(text));
  }

  /** The filters of {@code query} as {@code fq} parameters (they never change scores). */
  static void addFilters(ModifiableSolrParams params, SearchQuery query) {
    List<String> categories =
        query.categories().stream()
            .map(SolrDocuments::normaliseCategory)
            .filter(c -> !c.isEmpty())
            .sorted()
            .toList();
    if (!categories.isEmpty()) {
      // A category code never contains the separator; a value that does only fails to match.
      params.add(
          "fq",
          "{!terms f="
              + SolrDocuments.CATEGORY
              + " separator=\"\u0001\"}"
              + String.join("\u0001", categories));
    }
    if (query.from() != null || query.to() != null) {
      // A paper without a date has no value in the field, so any date range leaves it out.
      params.add(
          "fq",
          SolrDocuments.DATE + ":[" + epochDay(query.from()) + " TO " + epochDay(query.to()) + "]");
    }
    if (query.codeOnly()) {
      params.add("fq", SolrDocuments.HAS_CODE + ":true");
    }
  }

  /**
   * Restricts a search to the papers of {@code ids} (none: no restriction) with one {@code fq} of
   * the terms query parser, which matches a set of terms without the Boolean query's clause limit;
   * requests go as POST, so a few thousand ids do not make an overlong URL. An id never contains
   * the comma that separates them.
   */
  static void addIdFilter(ModifiableSolrParams params, Collection<ArxivId> ids) {
    if (ids.isEmpty()) {
      return;
    }
    params.add(
        "fq",
        "{!terms f="
            + SolrDocuments.ID
            + "}"
            + String.join(",", ids.stream().map(ArxivId::value).sorted().toList()));
  }

  private static String epochDay(@Nullable LocalDate date) {
    return date == null ? "*" : Long.toString(date.toEpochDay());
  }

  /** The k-NN query of a vector: Solr applies the request's {@code fq} as its pre-filter. */
  static String knn(float[] vector, int topK) {
    StringBuilder sb = new StringBuilder(vector.length * 12);
    sb.append("{!knn f=").append(SolrDocuments.VECTOR).append(" topK=").append(topK).append("}[");
    for (int i = 0; i < vector.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(vector[i]);
    }
    return sb.append(']').toString();
  }

  /** Matches exactly one id; the id is read raw. */
  static String id(String id) {
    return "{!term f=" + SolrDocuments.ID + "}" + id;
  }
}
