package dev.microblog.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microblog.localstack.Cdn;
import dev.microblog.localstack.S3Server;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The CloudFront Function in template.yaml, run under Node as CloudFront would run it, and the
 * local CDN stand-in agree on every path: the same redirects, and the same object key asked of the
 * bucket.
 */
class EdgeFunctionTest {
  private static final List<String> PATHS =
      List.of(
          "/",
          "/users/alice/",
          "/users/alice",
          "/users/alice?x=1",
          "/users/alice/page/2",
          "/page/3/",
          "/assets/site.css",
          "/users/alice/following.json",
          "/404.html",
          "/users/al.ice");

  private static final String HARNESS =
      """
      const cases = JSON.parse(process.argv[2]);
      const out = cases.map((c) => {
        const [uri, qs] = c.split('?');
        const querystring = {};
        (qs ? qs.split('&') : []).forEach((p) => {
          const [k, v = ''] = p.split('=');
          querystring[k] = { value: v };
        });
        const r = handler({ request: { uri, querystring, headers: {} } });
        return r.statusCode
          ? { status: r.statusCode, location: r.headers.location.value }
          : { key: r.uri.substring(1) };
      });
      console.log(JSON.stringify(out));
      """;

  private static S3Server s3;
  private static S3Client client;
  private static Cdn cdn;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    s3 = S3Server.start(null, 0, "site");
    client = s3.client();
    cdn = Cdn.start(0, client, "site");
  }

  @AfterAll
  static void stop() throws Exception {
    cdn.close();
    client.close();
    s3.close();
  }

  @Test
  void the_stand_in_applies_the_templates_viewer_request_function() throws Exception {
    JsonNode expected = runFunction(SamTemplateTest.directoryIndexFunction());

    for (int i = 0; i < PATHS.size(); i++) {
      String path = PATHS.get(i);
      JsonNode rule = expected.get(i);
      if (rule.has("key")) {
        String key = rule.get("key").asText();
        client.putObject(
            b -> b.bucket("site").key(key).contentType("text/plain").cacheControl("no-store"),
            RequestBody.fromString("object " + key));
      }
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(cdn.url().resolve(path)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (rule.has("key")) {
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path).isEqualTo("object " + rule.get("key").asText());
      } else {
        assertThat(response.statusCode()).as(path).isEqualTo(rule.get("status").asInt());
        assertThat(response.headers().firstValue("Location"))
            .as(path)
            .hasValue(rule.get("location").asText());
      }
    }
  }

  private static JsonNode runFunction(String functionCode) throws Exception {
    Path script = Files.createTempFile("edge-function", ".js");
    try {
      Files.writeString(script, functionCode + "\n" + HARNESS);
      String cases = new ObjectMapper().writeValueAsString(PATHS);
      Process node =
          new ProcessBuilder("node", script.toString(), cases).redirectErrorStream(true).start();
      String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(node.exitValue()).as(output).isZero();
      JsonNode result = new ObjectMapper().readTree(output);
      assertThat(result.size()).isEqualTo(PATHS.size());
      return result;
    } finally {
      Files.deleteIfExists(script);
    }
  }
}
