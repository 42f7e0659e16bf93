package dev.microblog.generator;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.domain.Pagination;
import dev.microblog.core.store.ExploreStore;
import dev.microblog.core.store.Store;
import dev.microblog.generator.publishing.CloudFrontInvalidator;
import dev.microblog.generator.publishing.InvalidationLedger;
import dev.microblog.generator.publishing.Invalidator;
import dev.microblog.generator.publishing.Publisher;
import dev.microblog.generator.publishing.S3Publisher;
import dev.microblog.generator.rendering.SiteRenderer;
import dev.microblog.generator.state.SiteState;
import dev.microblog.generator.state.StoreSiteState;
import dev.microblog.site.Templates;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Wires the generator: where it reads, where it publishes, whom it tells. The Lambda builds one
 * from the environment; the local stack and tests build one from their own parts.
 */
public final class Generator {
  /** Requests in flight at once while publishing (S3 and DynamoDB calls mostly wait). */
  static final int PARALLELISM = 8;

  private final SiteState state;
  private final Publisher publisher;
  private final Invalidator invalidator;
  private final Templates templates = Templates.fromClasspath();
  private final List<Consumer<BatchReport>> listeners = new CopyOnWriteArrayList<>();
  private final ChangeProcessor processor;

  private final Optional<Numbering> numbering;

  /** Where the site is served; feeds and sitemaps name pages by absolute URL. */
  private volatile String origin = GeneratorSettings.LOCAL_SITE_URL;

  private Generator(
      SiteState state,
      Publisher publisher,
      Invalidator invalidator,
      HomeRequests homeRequests,
      InvalidationLedger ledger,
      Optional<Numbering> numbering) {
    this.numbering = numbering;
    this.state = state;
    this.publisher = publisher;
    this.invalidator = invalidator;
    this.processor =
        new ChangeProcessor(
            state,
            this::writer,
            numbering,
            Pagination.DEFAULT,
            invalidator,
            PARALLELISM,
            this::tellListeners,
            homeRequests,
            ledger);
  }

  /** Reads the table through {@code store}; pages in every locale; posts numbered as in AWS. */
  public static Generator create(Store store, Publisher publisher, Invalidator invalidator) {
    return create(store, publisher, invalidator, Clock.systemUTC(), Numbering.Timing.AWS);
  }

  /** As {@link #create(Store, Publisher, Invalidator)}, on this clock, numbering on this timing. */
  public static Generator create(
      Store store,
      Publisher publisher,
      Invalidator invalidator,
      Clock clock,
      Numbering.Timing numbering) {
    return new Generator(
        new StoreSiteState(store, clock),
        publisher,
        invalidator,
        store.timelines()::served,
        InvalidationLedger.inTable(store.owedInvalidations()),
        Optional.of(new Numbering(store.explore(), clock, numbering)));
  }

  /** Over any state (a snapshot in tests); nobody waits for timeline requests. */
  public static Generator create(SiteState state, Publisher publisher, Invalidator invalidator) {
    return new Generator(
        state,
        publisher,
        invalidator,
        HomeRequests.NONE,
        InvalidationLedger.inMemory(),
        Optional.empty());
  }

  /** In AWS: wired from the environment ({@link GeneratorSettings}). */
  public static Generator fromEnvironment() {
    return fromSettings(GeneratorSettings.fromEnvironment());
  }

  public static Generator fromSettings(GeneratorSettings settings) {
    AwsConfig config = settings.aws();
    String bucket = settings.requiredBucket();
    Store store = Store.over(config.dynamoDb(), config.tableName());
    Invalidator invalidator =
        settings
            .distributionId()
            .<Invalidator>map(id -> new CloudFrontInvalidator(cloudFront(config), id))
            .orElse(Invalidator.NONE);
    return create(store, new S3Publisher(s3(config), bucket), invalidator)
        .servedAt(settings.requiredSiteUrl());
  }

  /** Sets where the site is served ({@code https://example.org}); set before use. */
  public Generator servedAt(String origin) {
    this.origin = origin;
    return this;
  }

  public static S3Client s3(AwsConfig config) {
    var builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
    config.configure(builder, "S3");
    builder.serviceConfiguration(
        c ->
            c
                // Stand-ins serve buckets under the path, not as a host name.
                .pathStyleAccessEnabled(config.endpoint("S3").isPresent())
                // Pages are small: waiting for "100 Continue" saves nothing, and when the answer
                // is a final one instead (a conditional write refused on its headers, 412) the
                // JDK client reports a broken body write rather than the answer.
                .expectContinueEnabled(false));
    return builder.build();
  }

  public static CloudFrontClient cloudFront(AwsConfig config) {
    var builder = CloudFrontClient.builder().httpClient(UrlConnectionHttpClient.create());
    config.configure(builder, "CLOUDFRONT");
    return builder.region(Region.AWS_GLOBAL).build();
  }

  /** The Lambda handler over this wiring. */
  public StreamHandler handler() {
    return new StreamHandler(processor);
  }

  public ChangeProcessor processor() {
    return processor;
  }

  /** Gives the posts due their explore numbers; nothing over a state without a table. */
  public List<ExploreStore.Seal> numberDue() {
    return numbering.map(Numbering::sealDue).orElse(List.of());
  }

  public SiteBuilder builder() {
    return new SiteBuilder(
        state, templates, publisher, invalidator, origin, PARALLELISM, this::tellListeners);
  }

  /** {@code listener} hears of every batch and rebuild, after it is done. */
  public Generator onBatch(Consumer<BatchReport> listener) {
    listeners.add(listener);
    return this;
  }

  public Publisher publisher() {
    return publisher;
  }

  private SiteWriter writer(SiteState source) {
    return new SiteWriter(
        new SiteRenderer(source, templates, Pagination.DEFAULT, origin), publisher);
  }

  private void tellListeners(BatchReport report) {
    listeners.forEach(l -> l.accept(report));
  }
}
