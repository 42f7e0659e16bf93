package dev.microblog.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microblog.localstack.EdgeRequest;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The SiteRequest function from template.yaml, run under Node, and its Java twin, both answering in
 * one JSON shape: {@code {"uri": …}} for a request passed on, {@code {"status", "location",
 * "headers"}} for an answer at the edge (the Set-Cookie header written out from CloudFront's {@code
 * cookies} field).
 */
final class SiteRequestFunction {
  private SiteRequestFunction() {}

  /** A viewer request: null query, cookie or Accept-Language means the request had none. */
  record Case(String uri, String query, String cookie, String acceptLanguage) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Plays CloudFront's part: turns each case into the event CloudFront would build (query string
   * and cookies taken apart by name, a repeated name with its {@code multiValue}, header names in
   * lower case), calls the handler, and reads back what it returned.
   */
  private static final String HARNESS =
      """
      const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
      const trim = (s) => s.replace(/^[ \\t]+|[ \\t]+$/g, '');
      function field(object, name, value) {
        if (!has(object, name)) {
          object[name] = { value };
          return;
        }
        const f = object[name];
        if (!f.multiValue) f.multiValue = [{ value: f.value }];
        f.multiValue.push({ value });
      }
      const out = input.map((c) => {
        const querystring = {};
        (c.query === null ? [] : c.query.split('&')).forEach((p) => {
          const eq = p.indexOf('=');
          const name = eq < 0 ? p : p.substring(0, eq);
          if (name !== '') field(querystring, name, eq < 0 ? '' : p.substring(eq + 1));
        });
        const cookies = {};
        (c.cookie === null ? [] : c.cookie.split(';')).forEach((p) => {
          const eq = p.indexOf('=');
          if (eq < 0) return;
          const name = trim(p.substring(0, eq));
          if (name !== '') field(cookies, name, trim(p.substring(eq + 1)));
        });
        const headers = {};
        if (c.acceptLanguage !== null) headers['accept-language'] = { value: c.acceptLanguage };
        const r = handler({
          version: '1.0',
          context: { eventType: 'viewer-request' },
          viewer: { ip: '192.0.2.1' },
          request: { method: 'GET', uri: c.uri, querystring, headers, cookies },
        });
        if (!r.statusCode) return { uri: r.uri };
        const h = {};
        Object.keys(r.headers).forEach((n) => {
          if (n !== 'location') h[n] = r.headers[n].value;
        });
        Object.keys(r.cookies || {}).forEach((n) => {
          h['set-cookie'] = n + '=' + r.cookies[n].value + '; ' + r.cookies[n].attributes;
        });
        return { status: r.statusCode, location: r.headers.location.value, headers: h };
      });
      process.stdout.write(JSON.stringify(out));
      """;

  /** All the cases through the function, in one Node process. */
  static List<JsonNode> node(List<Case> cases) throws Exception {
    Path script = Files.createTempFile("site-request", ".js");
    Path errors = Files.createTempFile("site-request", ".err");
    try {
      Files.writeString(script, SamTemplateTest.siteRequestFunction() + "\n" + HARNESS);
      Process node =
          new ProcessBuilder("node", script.toString()).redirectError(errors.toFile()).start();
      // Node reads all its input before it writes, so one thread can feed it and then read.
      try (OutputStream in = node.getOutputStream()) {
        in.write(JSON.writeValueAsBytes(cases));
      }
      JsonNode result = JSON.readTree(node.getInputStream().readAllBytes());
      assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(node.exitValue()).as(Files.readString(errors)).isZero();
      assertThat(result.size()).isEqualTo(cases.size());
      List<JsonNode> answers = new ArrayList<>();
      result.forEach(answers::add);
      return answers;
    } finally {
      Files.deleteIfExists(script);
      Files.deleteIfExists(errors);
    }
  }

  /** The case through the Java twin, as CloudFront would run it (over HTTPS). */
  static JsonNode java(Case c) {
    return json(
        EdgeRequest.decide(
            c.uri(),
            c.query(),
            c.cookie() == null ? List.of() : List.of(c.cookie()),
            c.acceptLanguage() == null ? List.of() : List.of(c.acceptLanguage()),
            true));
  }

  static JsonNode json(EdgeRequest.Outcome outcome) {
    ObjectNode node = JSON.createObjectNode();
    switch (outcome) {
      case EdgeRequest.Fetch fetch -> node.put("uri", fetch.uri());
      case EdgeRequest.Redirect redirect -> {
        node.put("status", redirect.status()).put("location", redirect.location());
        ObjectNode headers = node.putObject("headers");
        redirect.headers().forEach(headers::put);
      }
    }
    return node;
  }
}
