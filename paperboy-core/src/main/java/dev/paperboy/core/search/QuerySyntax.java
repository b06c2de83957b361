package dev.paperboy.core.search;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a user typed into the search box, split into its parts; every search engine reads queries
 * through this one parser, so the syntax is the same whichever engine answers. Read leniently:
 * every input has a meaning, and none is an error.
 *
 * <ul>
 *   <li>Plain words: any of them may match.
 *   <li>{@code "a phrase"}: the words must appear together in this order; a paper must contain
 *       every quoted phrase. A quote without its closing partner is ignored.
 *   <li>{@code -word} or {@code -"a phrase"}: leave out papers that contain it. Only a single
 *       {@code -} directly before a word excludes: {@code COVID-19}, {@code G - quadruplex} and
 *       {@code --x} are ordinary text.
 *   <li>{@code word*}: words starting with {@code word} (at least {@value #MIN_PREFIX} characters
 *       before the star, at most {@value #MAX_PREFIXES} such words per query; more are read as
 *       plain words).
 *   <li>{@code title:word}, {@code title:"a phrase"}, {@code title:word*}, and the same with {@code
 *       abstract:} and {@code author:} (or {@code authors:}): the part is looked for in that field
 *       only ({@link Field}); otherwise it means what it means without the prefix (a word is
 *       optional, a phrase required, {@code -title:word} excludes). Field names ignore case.
 *   <li>Any other {@code :} (an unknown prefix such as {@code foo:bar}, a URL such as {@code
 *       http://x}) separates words like a space: {@code foo:bar} is {@code foo bar}, and {@code
 *       -foo:bar} leaves out papers with the words {@code foo bar} together.
 *   <li>Anything else is ordinary text, which the engines' analyzers mostly turn into nothing.
 * </ul>
 *
 * <p>{@link #plainText()} is what search by meaning embeds: the text of every part that is not an
 * exclusion, without operators, quotes or field prefixes.
 *
 * <p>Input beyond {@value #MAX_CHARS} characters is ignored.
 *
 * @param clauses the parts of the query in input order
 */
public record QuerySyntax(List<Clause> clauses) {

  /** Characters of input read; the rest is ignored. */
  public static final int MAX_CHARS = 1000;

  /** Prefix words per query; more are read as plain words (each prefix expands to many terms). */
  public static final int MAX_PREFIXES = 8;

  /** Characters before a {@code *} for it to mean a prefix. */
  public static final int MIN_PREFIX = 2;

  /** The kinds of query parts. */
  public enum Kind {
    WORDS,
    PHRASE,
    PREFIX
  }

  /**
   * The fields a part can be restricted to with {@code name:}; every engine indexes them as text of
   * their own under {@link #indexName()}.
   */
  public enum Field {
    TITLE("title"),
    ABSTRACT("abstract"),
    /**
     * The author names, one value per author (a phrase does not run from one name into the next).
     * Engines analyse names without stopwords or stemming and fold case and accents, so {@code
     * author:muller} finds {@code Müller}; {@code authors:} is read the same.
     */
    AUTHOR("author", "authors");

    private final String indexName;
    private final List<String> aliases;

    Field(String indexName, String... aliases) {
      this.indexName = indexName;
      this.aliases = List.of(aliases);
    }

    /** The field's name in the indexes (and in the query syntax). */
    public String indexName() {
      return indexName;
    }

    /** The field called {@code name} (ignoring case), or null when there is none. */
    static @Nullable Field named(String name) {
      for (Field f : values()) {
        if (f.indexName.equalsIgnoreCase(name)) {
          return f;
        }
        for (String alias : f.aliases) {
          if (alias.equalsIgnoreCase(name)) {
            return f;
          }
        }
      }
      return null;
    }
  }

  /**
   * One part of the query.
   *
   * @param text the raw text (for {@link Kind#PREFIX}, without the star; without a field prefix)
   * @param excluded true when prefixed by {@code -}
   * @param field the field the part is restricted to, or null for all the paper's text
   */
  public record Clause(Kind kind, String text, boolean excluded, @Nullable Field field) {
    public Clause {
      if (kind == null) {
        throw new IllegalArgumentException("clause kind must not be null");
      }
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("clause text must not be blank, kind: " + kind);
      }
    }

    /** A part over all the paper's text. */
    public Clause(Kind kind, String text, boolean excluded) {
      this(kind, text, excluded, null);
    }
  }

  public QuerySyntax {
    clauses = List.copyOf(clauses);
  }

  /** Reads user input; never throws for any string. */
  public static QuerySyntax parse(@Nullable String input) {
    if (input == null) {
      return new QuerySyntax(List.of());
    }
    String s = truncate(input);
    List<Clause> clauses = new ArrayList<>();
    int prefixes = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean excluded = false;
      if (c == '-' && i + 1 < n) {
        char next = s.charAt(i + 1);
        if (!Character.isWhitespace(next) && next != '-') {
          excluded = true;
          i++;
          c = next;
        }
      }
      if (c == '"') {
        int close = s.indexOf('"', i + 1);
        if (close < 0) {
          // An unclosed quote is ignored; the words after it are read as plain words.
          i++;
          continue;
        }
        addPhrase(clauses, s.substring(i + 1, close), excluded, null);
        i = close + 1;
        continue;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '"') {
        i++;
      }
      String word = s.substring(start, i);
      Field field = null;
      int colon = word.indexOf(':');
      if (colon > 0) {
        String name = word.substring(0, colon);
        field = Field.named(name);
        if (field != null) {
          word = word.substring(colon + 1);
          if (word.isEmpty()) {
            // title:"a phrase": the quoted phrase right after the prefix.
            int close = i < n && s.charAt(i) == '"' ? s.indexOf('"', i + 1) : -1;
            if (close > 0) {
              addPhrase(clauses, s.substring(i + 1, close), excluded, field);
              i = close + 1;
            }
            continue;
          }
        }
      }
      // Any other colon separates words (StandardTokenizer would keep foo:bar as one token).
      word = word.replace(':', ' ').strip();
      if (word.isEmpty()) {
        continue;
      }
      String stem = stripStars(word);
      if (word.endsWith("*")
          && stem.length() >= MIN_PREFIX
          && stem.indexOf('*') < 0
          && stem.indexOf(' ') < 0
          && Character.isLetterOrDigit(stem.codePointBefore(stem.length()))
          && prefixes < MAX_PREFIXES) {
        prefixes++;
        clauses.add(new Clause(Kind.PREFIX, stem, excluded, field));
      } else {
        clauses.add(new Clause(Kind.WORDS, word, excluded, field));
      }
    }
    return new QuerySyntax(clauses);
  }

  private static void addPhrase(
      List<Clause> clauses, String phrase, boolean excluded, @Nullable Field field) {
    if (!phrase.isBlank()) {
      clauses.add(new Clause(Kind.PHRASE, phrase, excluded, field));
    }
  }

  /** The input's first {@link #MAX_CHARS} characters, without splitting a surrogate pair. */
  public static String truncate(String input) {
    if (input.length() <= MAX_CHARS) {
      return input;
    }
    int end = MAX_CHARS;
    if (Character.isHighSurrogate(input.charAt(end - 1))) {
      end--;
    }
    return input.substring(0, end);
  }

  /** The word without trailing stars and without leading punctuation such as {@code (}. */
  private static String stripStars(String word) {
    int end = word.length();
    while (end > 0 && word.charAt(end - 1) == '*') {
      end--;
    }
    int start = 0;
    while (start < end && !Character.isLetterOrDigit(word.codePointAt(start))) {
      start += Character.charCount(word.codePointAt(start));
    }
    return word.substring(start, end);
  }

  /** Whether any part is not an exclusion (a query of exclusions alone looks for nothing). */
  public boolean hasPositive() {
    return clauses.stream().anyMatch(c -> !c.excluded());
  }

  /**
   * The plain words over all the paper's text joined by spaces, in input order (they are analysed
   * together).
   */
  public String words() {
    return words(null);
  }

  /**
   * The plain words restricted to {@code field} (null: those over all the paper's text) joined by
   * spaces, in input order.
   */
  public String words(@Nullable Field field) {
    StringBuilder sb = new StringBuilder();
    for (Clause c : clauses) {
      if (!c.excluded() && c.kind() == Kind.WORDS && c.field() == field) {
        sb.append(c.text()).append(' ');
      }
    }
    return sb.toString().strip();
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
   * {@code plainText} (of this class or an engine's mirror of it) when search by meaning should
   * embed it: it needs a letter or digit. A vector search always has nearest neighbours, so
   * embedding {@code *}, a dash or nothing would bring back arbitrary papers where keyword search
   * finds none.
   *
   * @return null when there is nothing to look for by meaning
   */
  public static @Nullable String embeddable(String plainText) {
    return plainText.codePoints().anyMatch(Character::isLetterOrDigit) ? plainText : null;
  }
}
