package dev.microblog.functions.it;

import static dev.microblog.functions.it.Browser.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.microblog.functions.Functions;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
    handler = new ApiGatewayProxyRequestEventFunction(context);
  }

  @AfterAll
  static void stopHandler() {
    handler.close();
    context.close();
  }

  @Test
  void theHandlerIsTheOneTheTemplateNames() {
    assertThat(ApiGatewayProxyRequestEventFunction.class.getName())
        .isEqualTo(Functions.LAMBDA_HANDLER);
  }

  @Test
  void signupAnswers303WithBothCookies(Site.Running site) {
    String name = Site.freshName("lambda");

    APIGatewayProxyResponseEvent response =
        handler.handleRequest(
            formPost(
                "/api/signup",
                Browser.encode(
                    Map.of("username", name, "email", name + "@example.org", "password", PASSWORD)),
                Site.SITE_ORIGIN),
            null);

    assertThat(response.getStatusCode()).isEqualTo(303);
    assertThat(header(response, "Location")).containsExactly("/#welcome");
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

    APIGatewayProxyResponseEvent response =
        handler.handleRequest(
            formPost(
                "/api/signup",
                Browser.encode(
                    Map.of("username", name, "email", name + "@example.org", "password", PASSWORD)),
                "https://evil.example"),
            null);

    assertThat(response.getStatusCode()).isEqualTo(403);
    assertThat(response.getBody()).contains("<html");
    assertThat(site.itemCount()).isEqualTo(before);
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
