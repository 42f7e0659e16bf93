package dev.microblog.functions.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.store.Store;
import dev.microblog.functions.it.Browser.Reply;
import dev.microblog.gateway.LocalDynamo;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The functions on a local HTTP server over a real local DynamoDB (dynalite behind our gateway),
 * started once for the whole test run; with {@code -Dmicroblog.test.transport=lambda} the browsers
 * reach the same functions through the Lambda handler instead ({@link Transport}). Tests get a
 * {@link Browser} per test as a parameter and may read the table directly to check what was (not)
 * written.
 */
public final class Site implements ParameterResolver, AfterEachCallback {
  public static final String TABLE = "microblog-functions-test";
  public static final String SITE_ORIGIN = "https://blog.example.org";

  /**
   * Where the test clock starts: now, not a fixed date, because the local DynamoDB's TTL sweeper
   * deletes sessions that expired by the real clock (a fixed date would stop working 30 days on).
   */
  public static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static final AtomicInteger NAMES = new AtomicInteger();

  /** Everything that lives for the whole run; closed by JUnit when the run ends. */
  public record Running(
      LocalDynamo dynamo, DynamoDbClient client, TestClock clock, Started functions)
      implements ExtensionContext.Store.CloseableResource {

    @Override
    public void close() throws Exception {
      functions.close();
      client.close();
      dynamo.close();
    }

    public Transport transport() {
      return functions.transport();
    }

    /** How many items the table holds (sessions, e-mail claims and counters included). */
    public int itemCount() {
      int count = 0;
      Map<String, AttributeValue> start = null;
      do {
        var exclusiveStart = start;
        var page =
            client.scan(
                b -> b.tableName(TABLE).select(Select.COUNT).exclusiveStartKey(exclusiveStart));
        count += page.count();
        start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      } while (start != null);
      return count;
    }

    /** A fresh username starting with {@code prefix}, signed up from a browser of its own. */
    public String signedUpUser(String prefix) {
      String name = freshName(prefix);
      browser().signUp(name);
      return name;
    }

    /** A new reader's browser, reaching the functions the way this run tests them. */
    public Browser browser() {
      return new Browser(transport());
    }

    /** Sends a request that must write nothing (the table holds as many items after it). */
    public Reply writingNothing(Supplier<Reply> request) {
      int before = itemCount();
      Reply reply = request.get();
      assertThat(itemCount()).as("items in the table").isEqualTo(before);
      return reply;
    }

    public Map<String, AttributeValue> item(String pk, String sk) {
      return client
          .getItem(
              b ->
                  b.tableName(TABLE)
                      .consistentRead(true)
                      .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))))
          .item();
    }
  }

  public static Running running(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(Site.class))
        .getOrComputeIfAbsent("site", key -> start(), Running.class);
  }

  private static Running start() {
    try {
      LocalDynamo dynamo = LocalDynamo.startInMemory();
      DynamoDbClient client = AwsConfig.standIn("DYNAMODB", dynamo.endpoint()).dynamoDb();
      Store.over(client, TABLE).table().createIfMissing();
      TestClock clock = new TestClock(START);
      return new Running(dynamo, client, clock, start(properties(dynamo.endpoint()), clock));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Functions of their own, started from {@code properties}; close them to stop them. */
  public record Started(Transport transport, AutoCloseable stop) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      stop.close();
    }
  }

  /**
   * Starts the functions with {@code properties} (e.g. {@link #properties} with one changed),
   * reached the way this run tests them: on a local server, or behind the Lambda handler.
   *
   * @param beans used instead of the functions' own (e.g. a DynamoDB client)
   */
  public static Started start(Map<String, Object> properties, TestClock clock, Object... beans) {
    ApplicationContext context =
        ApplicationContext.builder()
            .properties(properties)
            .singletons(clock)
            .singletons(beans)
            .start();
    if (Transport.lambda()) {
      var handler = LambdaTransport.namedHandler(context);
      return new Started(
          new LambdaTransport(handler),
          () -> {
            handler.close();
            context.close();
          });
    }
    EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
    return new Started(new NettyTransport(server.getURI()), context::close);
  }

  /** What the local stack passes too. */
  public static Map<String, Object> properties(URI dynamoEndpoint) {
    return Map.of(
        "micronaut.server.port",
        -1,
        "microblog.table",
        TABLE,
        "microblog.endpoint.dynamodb",
        dynamoEndpoint.toString(),
        "aws.region",
        "us-east-1",
        "microblog.site-origins",
        SITE_ORIGIN,
        // No generator serves timeline requests here: do not wait for one (HomeTimelineTest does).
        "microblog.home.patience",
        "0ms");
  }

  /** A username nobody has used in this run, starting with {@code prefix}. */
  public static String freshName(String prefix) {
    return prefix + "_" + NAMES.incrementAndGet();
  }

  /**
   * The clock is the run's: a test that moves it (a session expiring 30 days on) must not leave
   * every later test living in its future.
   */
  @Override
  public void afterEach(ExtensionContext extension) {
    Running running =
        extension
            .getRoot()
            .getStore(ExtensionContext.Namespace.create(Site.class))
            .get("site", Running.class);
    if (running != null) {
      running.clock().set(START);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    Class<?> type = parameter.getParameter().getType();
    return type == Browser.class || type == Running.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    Running running = running(extension);
    return parameter.getParameter().getType() == Running.class ? running : running.browser();
  }
}
