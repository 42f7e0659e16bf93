package dev.microblog.functions.it;

import static dev.microblog.functions.it.Browser.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same controllers behind API Gateway (REST API / payload format 1.0), through the handler the
 * SAM template names, fed the event Lambda would deliver.
 */
@ExtendWith(Site.class)
class LambdaHandlerTest {
  private static ApplicationContext context;
  private static ApiGatewayProxyRequestEventFunction handler;

  @BeforeAll
  static void startHandler(Site.Running site) {
    context =
        ApplicationContext.builder()
            .properties(Site.properties(site.dynamo().endpoint()))
            .singletons(site.clock())
            .start();
    handler = LambdaTransport.namedHandler(context);
  }

  @AfterAll
  static void stopHandler() {
    handler.close();
    context.close();
  }

  @Test
  void signupAnswers303WithBothCookies(Site.Running site) {
    String name = Site.freshName("lambda");

    APIGatewayProxyResponseEvent response = signUp(name, Site.SITE_ORIGIN);

    assertThat(response.getStatusCode()).isEqualTo(303);
    assertThat(header(response, "Location")).containsExactly("/en/#welcome");
    // Both cookies must survive the trip through API Gateway: one multi-value header, two values.
    List<String> cookies = header(response, "Set-Cookie");
    assertThat(cookies).hasSize(2);
    assertThat(cookies)
        .anySatisfy(c -> assertThat(c).startsWith("mb_session=").containsIgnoringCase("HttpOnly"));
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("mb_user=" + name + ";"));
    assertThat(site.item("USER#" + name, "PROFILE")).isNotEmpty();
  }

  @Test
  void aFormFromAnotherSiteIsRefusedHereToo(Site.Running site) {
    int before = site.itemCount();
    String name = Site.freshName("lambdacsrf");

    APIGatewayProxyResponseEvent response = signUp(name, "https://evil.example");

    assertThat(response.getStatusCode()).isEqualTo(403);
    assertThat(response.getBody()).contains("<html");
    assertThat(site.itemCount()).isEqualTo(before);
  }

  /**
   * Browsers send cookies in any order, in one {@code Cookie} header or (HTTP/2, some proxies)
   * several; API Gateway puts every header in {@code multiValueHeaders} and the last value of each
   * in {@code headers}.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          session first, one header  | mb_session={session}; mb_user={user}
          user first, one header     | mb_user={user}; mb_session={session}
          session first, two headers | mb_session={session} | mb_user={user}
          user first, two headers    | mb_user={user}       | mb_session={session}
          among others, three headers| _ga=GA1.2.3; mb_user={user} | theme=dark | lang=en; mb_session={session}
          """)
  void aSignedInReaderIsRecognisedWhateverTheCookieOrder(String why, ArgumentsAccessor row) {
    String name = Site.freshName("cookies");
    var signup = LambdaTransport.reply(signUp(name, Site.SITE_ORIGIN));
    String session = signup.setCookie("mb_session").getValue();
    var request =
        HttpRequest.newBuilder(URI.create("https://" + LambdaTransport.HOST + "/api/home"));
    request.header("Accept", "text/html");
    List<String> cookieHeaders = new ArrayList<>();
    for (int i = 1; i < row.size(); i++) {
      if (row.getString(i) != null) {
        String header = row.getString(i).replace("{session}", session).replace("{user}", name);
        cookieHeaders.add(header);
        request.header("Cookie", header);
      }
    }

    APIGatewayProxyRequestEvent event = LambdaTransport.event(request.build());
    APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

    assertThat(event.getMultiValueHeaders().get("Cookie")).isEqualTo(cookieHeaders);
    assertThat(event.getHeaders().get("Cookie")).isEqualTo(cookieHeaders.getLast());
    assertThat(response.getStatusCode()).isEqualTo(303);
    assertThat(header(response, "Location")).containsExactly("/en/users/" + name + "/home/");
  }

  @Test
  void theSessionCookieIsSetFirstEveryTime() {
    String name = Site.freshName("cookieorder");

    APIGatewayProxyResponseEvent response = signUp(name, Site.SITE_ORIGIN);

    assertThat(header(response, "Set-Cookie"))
        .satisfiesExactly(
            c -> assertThat(c).startsWith("mb_session="),
            c -> assertThat(c).startsWith("mb_user="));
  }

  /** Sends the signup form for {@code name} through the handler, as posted from {@code origin}. */
  private static APIGatewayProxyResponseEvent signUp(String name, String origin) {
    return handler.handleRequest(
        formPost(
            "/api/signup",
            Browser.encode(
                Map.of("username", name, "email", name + "@example.org", "password", PASSWORD)),
            origin),
        null);
  }

  private static APIGatewayProxyRequestEvent formPost(String path, String body, String origin) {
    Map<String, String> headers =
        Map.of(
            "Content-Type", "application/x-www-form-urlencoded",
            "Accept", "text/html",
            "Host", "abc123.execute-api.us-east-1.amazonaws.com",
            "Origin", origin);
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod("POST")
        .withPath(path)
        .withResource("/{proxy+}")
        .withHeaders(headers)
        .withMultiValueHeaders(
            headers.entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> List.of(e.getValue()))))
        .withBody(body)
        .withIsBase64Encoded(false)
        .withRequestContext(
            new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withHttpMethod("POST")
                .withPath(path)
                .withStage("prod"));
  }

  /**
   * A header's values from the multi-value headers, by case-insensitive name (as HTTP clients read
   * them; the proxy writes some names in lower case).
   */
  private static List<String> header(APIGatewayProxyResponseEvent response, String name) {
    return response.getMultiValueHeaders().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .toList();
  }
}
