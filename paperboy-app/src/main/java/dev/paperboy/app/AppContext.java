package dev.paperboy.app;

import dev.paperboy.app.config.Config;
import dev.paperboy.app.config.ConfigException;
import dev.paperboy.app.config.DigestConfig;
import dev.paperboy.app.config.LibraryConfig;
import dev.paperboy.app.config.LiveConfig;
import dev.paperboy.app.config.SearchConfig;
import dev.paperboy.core.account.UserStore;
import dev.paperboy.core.calendar.ArxivCalendar;
import dev.paperboy.core.community.PaperLookup;
import dev.paperboy.core.community.PoliteLookup;
import dev.paperboy.core.digest.DigestComposer;
import dev.paperboy.core.digest.DigestLinks;
import dev.paperboy.core.digest.DigestSender;
import dev.paperboy.core.digest.EditionBuilder;
import dev.paperboy.core.digest.EditionPlanner;
import dev.paperboy.core.digest.EditionStore;
import dev.paperboy.core.digest.Outbox;
import dev.paperboy.core.digest.SenderSettings;
import dev.paperboy.core.digest.SubscriptionMails;
import dev.paperboy.core.digest.SubscriptionStore;
import dev.paperboy.core.digest.SuppressionList;
import dev.paperboy.core.embed.Embedder;
import dev.paperboy.core.embed.EmbeddingJob;
import dev.paperboy.core.embed.EmbeddingStore;
import dev.paperboy.core.embed.VectorLookup;
import dev.paperboy.core.ingest.HarvestCheckpointStore;
import dev.paperboy.core.ingest.Importer;
import dev.paperboy.core.jobs.ExclusiveRunner;
import dev.paperboy.core.library.ForYou;
import dev.paperboy.core.library.ProfileLikes;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.mail.Mailer;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.recommend.CentroidModel;
import dev.paperboy.core.recommend.LikedPapers;
import dev.paperboy.core.recommend.NearestLikedModel;
import dev.paperboy.core.recommend.PaperVectors;
import dev.paperboy.core.recommend.PersonalPicks;
import dev.paperboy.core.recommend.Recommender;
import dev.paperboy.core.recommend.TasteModel;
import dev.paperboy.core.recommend.TfIdfVectors;
import dev.paperboy.core.search.IndexFollower;
import dev.paperboy.core.search.IndexInUseException;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.security.Role;
import dev.paperboy.digest.DigestMessages;
import dev.paperboy.digest.DigestScheduler;
import dev.paperboy.ingest.api.ArxivApiClient;
import dev.paperboy.ingest.api.ArxivApiLookup;
import dev.paperboy.ingest.harvest.HarvestSettings;
import dev.paperboy.ingest.http.HttpFetcher;
import dev.paperboy.ingest.http.HttpSettings;
import dev.paperboy.ingest.http.Sleeper;
import dev.paperboy.ingest.live.DailyIngest;
import dev.paperboy.ingest.live.DailySchedule;
import dev.paperboy.ingest.live.LiveSettings;
import dev.paperboy.ingest.rss.FeedSettings;
import dev.paperboy.mail.Mailers;
import dev.paperboy.search.HybridOptions;
import dev.paperboy.search.LuceneSearchIndex;
import dev.paperboy.search.embed.ModelSpec;
import dev.paperboy.search.embed.OnnxEmbedder;
import dev.paperboy.search.solr.SolrSearchIndex;
import dev.paperboy.search.solr.SolrSettings;
import dev.paperboy.store.Database;
import dev.paperboy.store.DatabaseConfig;
import dev.paperboy.store.JdbcApiTokenStore;
import dev.paperboy.store.JdbcCommentStore;
import dev.paperboy.store.JdbcEditionStore;
import dev.paperboy.store.JdbcEmbeddingStore;
import dev.paperboy.store.JdbcHarvestCheckpoints;
import dev.paperboy.store.JdbcLeases;
import dev.paperboy.store.JdbcLibraryStore;
import dev.paperboy.store.JdbcModerationStore;
import dev.paperboy.store.JdbcOutbox;
import dev.paperboy.store.JdbcPaperStore;
import dev.paperboy.store.JdbcRateCounterStore;
import dev.paperboy.store.JdbcSecretStore;
import dev.paperboy.store.JdbcSessionStore;
import dev.paperboy.store.JdbcSignInStore;
import dev.paperboy.store.JdbcSubmissionStore;
import dev.paperboy.store.JdbcSubscriptionStore;
import dev.paperboy.store.JdbcSuppressionList;
import dev.paperboy.store.JdbcUserStore;
import dev.paperboy.store.JdbcVoteStore;
import dev.paperboy.web.Community;
import dev.paperboy.web.Digests;
import dev.paperboy.web.Library;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The wiring: opens the concrete adapters the configuration names, on first use, and closes them in
 * reverse order. The only place that knows concrete classes; constructors do the rest.
 */
public final class AppContext implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AppContext.class);
  private final Config config;
  private final Clock clock;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private @Nullable Database database;
  private @Nullable PaperStore store;
  private @Nullable SearchIndex index;
  private @Nullable Embedder embedder;
  private @Nullable HttpFetcher http;
  private @Nullable Community community;
  private @Nullable Mailer mailer;
  private @Nullable DigestLinks digestLinks;
  private @Nullable DigestMessages digestMessages;
  private @Nullable ExclusiveRunner jobs;
  private volatile @Nullable TfIdfVectors tfidf;
  private volatile Instant tfidfFitted = Instant.EPOCH;
  private volatile Instant tfidfChecked = Instant.EPOCH;
  private final Object tfidfLock = new Object();
  private final java.util.concurrent.atomic.AtomicBoolean tfidfRefitting =
      new java.util.concurrent.atomic.AtomicBoolean();

  private AppContext(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public static AppContext open(Config config) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
    }
    return new AppContext(config, Clock.systemUTC());
  }

  public Config config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public synchronized Database database() {
    if (database == null) {
      database =
          track(
              Database.open(
                  new DatabaseConfig(
                      config.store().jdbcUrl(), config.store().user(), config.store().password())));
    }
    return database;
  }

  public synchronized PaperStore store() {
    if (store == null) {
      store = track(new JdbcPaperStore(database()));
    }
    return store;
  }

  /**
   * The search index. With semantic search on (the default) it holds the stored vectors next to the
   * BM25 fields and answers all three modes; the model loads on the first search by meaning.
   */
  public synchronized SearchIndex index() {
    if (index == null && config.search().engine() == SearchConfig.Engine.SOLR) {
      SolrSearchIndex.Semantic semantic = null;
      if (config.search().semantic()) {
        Embedder e = embedder();
        semantic = solrSemantic(e, embeddingStore().lookup(e.modelName()), HybridOptions.DEFAULTS);
      }
      index = track(SolrSearchIndex.open(solrSettings(), semantic));
    }
    if (index == null) {
      LuceneSearchIndex.Semantic semantic = null;
      if (config.search().semantic()) {
        Embedder e = embedder();
        semantic =
            new LuceneSearchIndex.Semantic(
                e, embeddingStore().lookup(e.modelName()), HybridOptions.DEFAULTS);
      }
      index =
          track(
              LuceneSearchIndex.open(
                  config.search().indexDir(), LuceneSearchIndex.Options.DEFAULTS, semantic));
    }
    return index;
  }

  /**
   * The index for a command that writes papers, or null when a running {@code serve} holds the
   * embedded index (Lucene allows one writer per directory): the command then writes the store
   * only, and the server, which follows the store ({@link #indexFollower()}), indexes those papers
   * within {@code search.follow.interval}.
   */
  public @Nullable SearchIndex indexUnlessServed() {
    try {
      return index();
    } catch (IndexInUseException e) {
      return null;
    }
  }

  /**
   * What keeps the embedded index in step with the store in {@code serve}; null on Solr, which does
   * not follow (it accepts writers from every process, so commands write it directly).
   */
  public @Nullable IndexFollower indexFollower() {
    return indexFollower(IndexFollower.PAGE);
  }

  /** {@link #indexFollower()} reading and committing {@code page} papers at a time. */
  public @Nullable IndexFollower indexFollower(int page) {
    return config.search().engine() == SearchConfig.Engine.LUCENE
        ? new IndexFollower(store(), index(), page)
        : null;
  }

  /** The SolrCloud collection of {@code search.solr.*}. */
  public SolrSettings solrSettings() {
    return SolrSettings.of(config.search().solrUrls(), config.search().solrCollection());
  }

  /** Semantic search on Solr with the same fusion, weight and depth as the embedded index. */
  public static SolrSearchIndex.Semantic solrSemantic(
      Embedder embedder, VectorLookup vectors, HybridOptions hybrid) {
    return new SolrSearchIndex.Semantic(
        embedder,
        vectors,
        hybrid.fusion() == HybridOptions.Fusion.RRF
            ? SolrSearchIndex.FusionMethod.RRF
            : SolrSearchIndex.FusionMethod.CONVEX,
        hybrid.alpha(),
        hybrid.rrfK(),
        hybrid.depth());
  }

  /**
   * Runs scheduled jobs on one node at a time: each run takes the job's lease in the store ({@code
   * job_lease}), renews it while it works, and skips when another node holds it.
   */
  public synchronized ExclusiveRunner.Guard jobGuard() {
    if (jobs == null) {
      jobs =
          track(
              new ExclusiveRunner(
                  new JdbcLeases(database(), clock),
                  config.jobs().node() + ":" + ProcessHandle.current().pid(),
                  config.jobs().leaseTtl()));
    }
    return jobs.guard();
  }

  /** The search modes the index answers; the first is the site's default. */
  public Set<SearchMode> searchModes() {
    return config.search().semantic()
        ? new LinkedHashSet<>(List.of(SearchMode.HYBRID, SearchMode.BM25, SearchMode.SEMANTIC))
        : Set.of(SearchMode.BM25);
  }

  /** The bundled embedding model (bge-small-en-v1.5, int8), loaded on first use. */
  public synchronized Embedder embedder() {
    if (embedder == null) {
      ModelSpec spec = ModelSpec.BGE_SMALL_EN_V15_Q;
      embedder =
          track(new LazyEmbedder(spec.name(), spec.dimension(), OnnxEmbedder::bgeSmallEnV15));
    }
    return embedder;
  }

  public EmbeddingStore embeddingStore() {
    return new JdbcEmbeddingStore(database());
  }

  /** The backfill: embeds every paper without a current vector and re-indexes it. */
  public EmbeddingJob embeddingJob() {
    return embeddingJob(index());
  }

  /**
   * The embedding job, indexing each embedded batch in {@code index} as it goes, or storing the
   * vectors only when it is null (a command that catches its index up at the end).
   */
  public EmbeddingJob embeddingJob(@Nullable SearchIndex index) {
    return new EmbeddingJob(
        store(),
        embeddingStore(),
        embedder(),
        index,
        config.search().embedBatch(),
        System::nanoTime);
  }

  /**
   * True when the index is empty but the store is not: a new install that imported before the index
   * existed, a deleted index directory, or an index schema that changed with an upgrade.
   */
  public boolean indexNeedsRebuild() {
    return index().size() == 0 && store().stats().papers() > 0;
  }

  /** The one HTTP client for remote sources, with the configured contact in its User-Agent. */
  public synchronized HttpFetcher http() {
    if (http == null) {
      http = track(HttpFetcher.create(HttpSettings.defaults(config.live().contact())));
    }
    return http;
  }

  public HarvestCheckpointStore harvestCheckpoints() {
    return new JdbcHarvestCheckpoints(database());
  }

  /** arXiv's calendar with the configured holiday list ({@code calendar.holidays}). */
  public ArxivCalendar calendar() {
    Path file = config.live().holidays();
    if (file == null) {
      return ArxivCalendar.standard();
    }
    try {
      return ArxivCalendar.standard()
          .withHolidays(ArxivCalendar.parseHolidays(Files.readString(file), file.toString()));
    } catch (IOException e) {
      throw new ConfigException("calendar.holidays: cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The remote sources the configuration turns on (all off by default). */
  public LiveSettings liveSettings() {
    LiveConfig l = config.live();
    return new LiveSettings(
        http().settings(),
        new HarvestSettings(l.oaiUrl(), "arXiv", l.harvestDelay()),
        l.harvestSets(),
        l.feeds().isEmpty() ? null : new FeedSettings(l.feedUrl(), l.feeds(), l.crossLists()),
        l.arxivApiUrl(),
        l.hfUrl(),
        l.hfDays(),
        l.harvestDelay());
  }

  /**
   * One run of every configured remote source, into the store and the index (the store only when a
   * running server holds the index: see {@link #indexUnlessServed()}).
   */
  public DailyIngest dailyIngest() {
    return new DailyIngest(
        liveSettings(),
        http(),
        new Importer(store(), indexUnlessServed()),
        harvestCheckpoints(),
        clock,
        Sleeper.REAL);
  }

  /** When {@code serve} runs {@link #dailyIngest()}: a fixed time after each announcement. */
  public DailySchedule dailySchedule() {
    return new DailySchedule(calendar(), config.live().afterAnnouncement());
  }

  /**
   * The community features on the store (accounts, sessions, rate limits, ...), or null when {@code
   * community.enabled} is false. Makes {@code community.admin.email} an admin.
   */
  public synchronized @Nullable Community community() {
    if (community == null && config.community().enabled()) {
      Database db = database();
      JdbcUserStore users = new JdbcUserStore(db);
      community =
          Community.builder(config.community().web(), clock)
              .users(users)
              .sessions(new JdbcSessionStore(db))
              .secrets(new JdbcSecretStore(db, clock))
              .rateCounters(new JdbcRateCounterStore(db))
              .signIns(new JdbcSignInStore(db))
              .apiTokens(new JdbcApiTokenStore(db))
              .votes(new JdbcVoteStore(db))
              .submissions(new JdbcSubmissionStore(db))
              .comments(new JdbcCommentStore(db))
              .moderation(new JdbcModerationStore(db))
              .lookup(arxivLookup())
              .mailer(mailer())
              .build();
      EmailAddress admin = config.community().firstAdmin();
      if (admin != null) {
        users.setRole(users.findOrCreate(admin, clock.instant()).id(), Role.ADMIN);
      }
    }
    return community;
  }

  /**
   * Readers' libraries (issue 9) on the store, or null without the community features. "For you"
   * ranks with {@link #personalPicks()}, as the digest does, plus the reader's "not interested".
   */
  public @Nullable Library library() {
    if (community() == null) {
      return null;
    }
    LibraryConfig lc = config.community().library();
    JdbcLibraryStore lib = new JdbcLibraryStore(database());
    ForYou forYou =
        new ForYou(store(), lib, personalPicks(), clock, lc.forYouDays(), lc.notInterestedWeight());
    return new Library(lib, forYou, lc.web());
  }

  /**
   * The mailer of {@code mail.*}: SMTP when {@code mail.smtp.host} is set, else {@code .eml} files
   * in {@code DATA/mail/outbox} (the mailer logs where).
   */
  public synchronized Mailer mailer() {
    if (mailer == null) {
      mailer =
          track(
              Mailers.create(
                  config.mail().smtp(), config.mail().directory().resolve("outbox"), clock));
    }
    return mailer;
  }

  // ---- email digests ---------------------------------------------------------------------------

  /** True when digests are on: {@code digest.enabled} and the community features they need. */
  public boolean digestsOn() {
    return config.digest().enabled() && config.community().enabled();
  }

  public SubscriptionStore subscriptions() {
    return new JdbcSubscriptionStore(database());
  }

  public EditionStore editionStore() {
    return new JdbcEditionStore(database());
  }

  public Outbox outbox() {
    return new JdbcOutbox(database());
  }

  public SuppressionList suppressions() {
    return new JdbcSuppressionList(database());
  }

  /**
   * Personal picks as {@code digest.picks.*} configures them, for the digest and "For you" alike:
   * {@link #pickVectors()}, {@link #recommender()} and {@link #likedPapers()}.
   */
  public PersonalPicks personalPicks() {
    return new PersonalPicks(
        pickVectors(), recommender(), likedPapers(), !config.digest().model().equals("tfidf"));
  }

  /**
   * What personal picks learn from: the account's saved papers and upvotes since its last profile
   * reset ({@link ProfileLikes}).
   */
  public LikedPapers likedPapers() {
    return new ProfileLikes(new JdbcLibraryStore(database()), new JdbcVoteStore(database()));
  }

  /** The signed links of the digests, with the store's key and the public base URL. */
  public synchronized DigestLinks digestLinks() {
    if (digestLinks == null) {
      digestLinks =
          DigestLinks.fromStore(
              new JdbcSecretStore(database(), clock),
              clock,
              config.server().baseUrl(),
              config.digest().confirmTtl());
    }
    return digestLinks;
  }

  /** Renders outbox deliveries into messages (jte templates). */
  public synchronized DigestMessages digestMessages() {
    if (digestMessages == null) {
      digestMessages =
          new DigestMessages(
              store(), digestLinks(), config.mail().from(), config.digest().fromName());
    }
    return digestMessages;
  }

  /** The personal-picks recommender {@code digest.picks.model} names. */
  public Recommender recommender() {
    DigestConfig d = config.digest();
    TasteModel model =
        switch (d.model()) {
          case "recency" -> CentroidModel.recencyWeighted(Duration.ofDays(60));
          case "nearest" -> new NearestLikedModel(1);
          default -> CentroidModel.mean(); // tfidf and centroid: the mean of the liked vectors
        };
    return new Recommender(model, d.minSimilarity());
  }

  /**
   * The vectors personal picks compare: TF-IDF of the papers' words ({@code tfidf}, weights fitted
   * on the store's papers, again once a day) or the stored embeddings of the bundled model (never
   * computing one: papers the backfill has not reached yet cannot be picks until it does).
   */
  public PaperVectors pickVectors() {
    if (config.digest().model().equals("tfidf")) {
      return papers -> tfidf().vectorsOf(papers);
    }
    return PaperVectors.stored(embeddingStore(), ModelSpec.BGE_SMALL_EN_V15_Q.name());
  }

  /**
   * The TF-IDF weights of the whole store. Fitting reads every paper (about 9 s for 80,000 on a
   * loaded 2-core machine), so only a caller with no usable fit waits for it (the first one, or the
   * first after papers arrived in an empty store). A fit is refitted on a background thread, while
   * callers keep using it, once it is a day old or the store has grown by a tenth since (a harvest
   * or import); the store size is looked at every ten minutes at most. {@code serve} warms it at
   * start ({@link #warmPersonalPicks()}).
   */
  private TfIdfVectors tfidf() {
    TfIdfVectors current = tfidf;
    if (current == null || current.documents() == 0) {
      synchronized (tfidfLock) {
        if (tfidf == null || (tfidf.documents() == 0 && paperCount() > 0)) {
          tfidf = fitTfidf();
          tfidfFitted = clock.instant();
          tfidfChecked = tfidfFitted;
        }
        return tfidf;
      }
    }
    Instant now = clock.instant();
    boolean stale = tfidfFitted.plus(Duration.ofDays(1)).isBefore(now);
    if (!stale && tfidfChecked.plus(Duration.ofMinutes(10)).isBefore(now)) {
      tfidfChecked = now;
      stale = paperCount() > current.documents() * 1.1 + 100;
    }
    if (stale && tfidfRefitting.compareAndSet(false, true)) {
      Thread.ofVirtual()
          .name("paperboy-tfidf-refit")
          .start(
              () -> {
                try {
                  TfIdfVectors fresh = fitTfidf();
                  synchronized (tfidfLock) {
                    tfidf = fresh;
                    tfidfFitted = clock.instant();
                    tfidfChecked = tfidfFitted;
                  }
                } catch (RuntimeException e) {
                  LOG.warn(
                      "refitting the TF-IDF weights of personal picks failed: {}", e.toString());
                } finally {
                  tfidfRefitting.set(false);
                }
              });
    }
    return current;
  }

  private long paperCount() {
    return store().stats().papers();
  }

  /**
   * Gets the first search ready before a reader asks for it: runs one query in each mode, which
   * loads the embedding model when search by meaning is on (the first such search would otherwise
   * pay ~1 s for it, more on a busy machine), reads the index's files into the page cache and
   * compiles the query path. Returns how long it took.
   */
  public Duration warmSearch() {
    long start = System.nanoTime();
    SearchIndex searchIndex = index();
    for (SearchMode mode : searchModes()) {
      searchIndex.search(SearchQuery.of("language models", mode, 10));
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Fits the personal picks' TF-IDF weights now, when that model is configured and the store is big
   * enough for the fit to take noticeable time (for serve, so the first reader does not wait).
   */
  public void warmPersonalPicks() {
    if (config.digest().model().equals("tfidf") && paperCount() >= 1000) {
      tfidf();
    }
  }

  private TfIdfVectors fitTfidf() {
    PaperStore papers = store();
    return TfIdfVectors.fit(
        () ->
            new java.util.Iterator<Paper>() {
              List<Paper> page = papers.papersAfter(null, 2000);
              int i;

              @Override
              public boolean hasNext() {
                if (i == page.size() && page.size() == 2000) {
                  page = papers.papersAfter(page.get(page.size() - 1).id(), 2000);
                  i = 0;
                }
                return i < page.size();
              }

              @Override
              public Paper next() {
                if (!hasNext()) {
                  throw new java.util.NoSuchElementException();
                }
                return page.get(i++);
              }
            });
  }

  public EditionPlanner editionPlanner() {
    return new EditionPlanner(calendar(), config.digest().weeklyDay());
  }

  /** Builds editions into the outbox, with {@link #personalPicks()}. */
  public EditionBuilder editionBuilder() {
    return editionBuilder(index());
  }

  /**
   * Builds editions, matching alerts in {@code alerts} (the site's index, or a period's). Readers'
   * "not interested" marks are honoured as on "For you": the papers are left out of their digests
   * and push their neighbours down among the picks with {@code library.notinterested.weight}.
   */
  public EditionBuilder editionBuilder(SearchIndex alerts) {
    PersonalPicks picks = personalPicks();
    return new EditionBuilder(
        store(),
        picks.vectors(),
        alerts,
        picks.likes(),
        new JdbcLibraryStore(database()),
        editionStore(),
        new DigestComposer(
            config.digest().limits(),
            picks.recommender(),
            config.community().library().notInterestedWeight()),
        config.mail().from().domain(),
        clock);
  }

  /**
   * The sender settings of {@code digest.*}, claiming as this process under the same name it holds
   * job leases by ({@code node.name:pid}).
   */
  public SenderSettings senderSettings() {
    DigestConfig d = config.digest();
    // SmtpMailer's connect and read timeouts bound one send; a claim lasts three sends at least.
    Duration maxSend = Duration.ofMillis(Math.min(90_000, d.lease().toMillis() / 3));
    return new SenderSettings(
        config.jobs().node() + ":" + ProcessHandle.current().pid(),
        d.threads(),
        d.batch(),
        d.lease(),
        maxSend,
        d.perSecond(),
        d.maxAttempts(),
        d.backoff(),
        d.maxBackoff(),
        d.badRecipientAlarm());
  }

  public DigestSender digestSender() {
    return new DigestSender(
        outbox(), editionStore(), mailer(), digestMessages(), senderSettings(), clock);
  }

  /**
   * When an edition's day has its papers: always without live ingestion (the data is imported),
   * else once the store has the day's list.
   */
  public DigestScheduler.Readiness digestReadiness() {
    if (!config.live().anyOn()) {
      return day -> true;
    }
    return day -> !store().dayCounts(day, day).isEmpty();
  }

  /**
   * The digest scheduler of {@code serve}: each check runs under the {@code digest} job lease
   * ({@link #jobGuard()}), so with several nodes one plans, builds and sends at a time.
   */
  public DigestScheduler digestScheduler() {
    DigestConfig d = config.digest();
    return new DigestScheduler(
        editionPlanner(),
        editionStore(),
        editionBuilder(),
        digestSender(),
        digestReadiness(),
        jobGuard(),
        clock,
        new DigestScheduler.Settings(d.sendAt(), d.maxWait(), d.poll()));
  }

  /** What the web pages of the digests need. */
  public Digests webDigests() {
    DigestConfig d = config.digest();
    return new Digests(
        subscriptions(),
        suppressions(),
        digestLinks(),
        new SubscriptionMails(config.mail().from(), d.fromName(), config.server().baseUrl()),
        Digests.DEFAULT_CATEGORIES,
        d.weeklyDay(),
        d.perIp(),
        d.perEmail());
  }

  /** This process in claimed outbox rows: host and process id. */
  public static String nodeName() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "localhost";
    }
    return host + ":" + ProcessHandle.current().pid();
  }

  /**
   * Submit-by-id's lookup: the arXiv API ({@code arxiv.api.url}, else arXiv's own), at most one
   * request per three seconds from this process. A person waits on it, so it has its own client
   * with {@link HttpSettings#interactive} (one try, seconds) instead of the harvest's patient
   * retries, which held a submit for ~40 s when arXiv was unreachable.
   */
  private PaperLookup arxivLookup() {
    URI api =
        config.live().arxivApiUrl() != null ? config.live().arxivApiUrl() : ArxivApiClient.ARXIV;
    HttpFetcher interactive =
        track(HttpFetcher.create(HttpSettings.interactive(config.live().contact())));
    return PoliteLookup.arxiv(
        new ArxivApiLookup(
            new ArxivApiClient(interactive, api, Duration.ofSeconds(3), Sleeper.REAL)));
  }

  /** The accounts of the store (for the CLI). */
  public UserStore users() {
    return new JdbcUserStore(database());
  }

  /** Closes {@code resource} when this context closes (for what a command opens itself). */
  public synchronized <T extends AutoCloseable> T closesWith(T resource) {
    return track(resource);
  }

  private <T extends AutoCloseable> T track(T resource) {
    opened.push(resource);
    return resource;
  }

  @Override
  public synchronized void close() {
    RuntimeException first = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e instanceof RuntimeException r ? r : new RuntimeException(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
