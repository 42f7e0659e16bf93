package dev.microblog.functions.it;

import static dev.microblog.functions.it.Browser.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.domain.SiteLocale;
import dev.microblog.functions.it.Browser.Reply;
import dev.microblog.site.Messages;
import dev.microblog.site.Templates;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB unreachable (its endpoint a closed port): every form gets 503 with Retry-After, the
 * site's own page or JSON shape, a reference, and no word of the SDK's.
 */
@ExtendWith(Site.class)
class StoreUnreachableTest {
  private static final Messages T = Templates.fromClasspath().messages(SiteLocale.EN);
  private static DynamoDbClient client;
  private static Site.Started cutOff;

  @BeforeAll
  static void startFunctionsWithoutTheirTable(Site.Running site) throws IOException {
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort());
    Map<String, Object> properties = new HashMap<>(Site.properties(site.dynamo().endpoint()));
    properties.put("microblog.endpoint.dynamodb", nowhere.toString());
    // The SDK's standard retries (3 attempts) rather than DynamoDB's legacy 8, which would take
    // seconds per request here: the point is what reaches the reader once retries are spent.
    client =
        AwsConfig.standIn("DYNAMODB", nowhere)
            .configure(DynamoDbClient.builder(), "DYNAMODB")
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))
            .build();
    cutOff = Site.start(properties, site.clock(), client);
  }

  @AfterAll
  static void stop() throws Exception {
    cutOff.close();
    client.close();
  }

  static Stream<Arguments> forms() {
    Map<String, Function<Browser, Reply>> html =
        Map.of(
            "signup",
                b ->
                    b.post("/api/signup", Browser.signupForm("cut_off", "c@example.org", PASSWORD)),
            "login", b -> b.post("/api/login", Map.of("username", "cut_off", "password", PASSWORD)),
            "post", b -> b.post("/api/posts", Map.of("body", "lost?")),
            "follow", b -> b.post("/api/follow/somebody", Map.of()));
    Map<String, Function<Browser, Reply>> json =
        Map.of(
            "signup",
                b ->
                    b.postForJson(
                        "/api/signup", Browser.signupForm("cut_off", "c@example.org", PASSWORD)),
            "login",
                b ->
                    b.postForJson(
                        "/api/login", Map.of("username", "cut_off", "password", PASSWORD)),
            "post", b -> b.postForJson("/api/posts", Map.of("body", "lost?")),
            "follow", b -> b.postForJson("/api/follow/somebody", Map.of()));
    return Stream.of("signup", "login", "post", "follow")
        .flatMap(
            form ->
                Stream.of(
                    Arguments.of(form + " (page)", html.get(form), false),
                    Arguments.of(form + " (script)", json.get(form), true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void theReaderIsAskedToTryAgainInTheSitesWords(
      String form, Function<Browser, Reply> send, boolean script) {
    Browser browser = new Browser(cutOff.transport());
    browser.cookies().put("mb_session", "a-session-the-store-cannot-check");

    Reply reply = send.apply(browser);

    assertThat(reply.status()).as(reply.body()).isEqualTo(503);
    assertThat(reply.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(reply.headers().firstValue("Cache-Control")).hasValue("no-store");
    String message;
    if (script) {
      var errors = reply.json().get("errors");
      assertThat(reply.json().properties()).extracting(Map.Entry::getKey).containsExactly("errors");
      assertThat(errors.properties()).extracting(Map.Entry::getKey).containsExactly("form");
      message = errors.get("form").asText();
    } else {
      var page = reply.html();
      assertThat(page.select("h1").text()).isEqualTo(T.get("error_title"));
      message = page.select("main .error").text();
    }
    assertThat(message).contains("nothing was saved").contains("try again in a moment");
    assertThat(message).containsPattern("\\(Reference [0-9A-F]{8}\\)");
    assertThat(reply.body())
        .doesNotContain(
            "Unable to execute", "SdkClient", "Exception", "software.amazon", "127.0.0.1")
        .doesNotContainPattern("\\bat [a-z]+\\.[a-z]+\\.");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
