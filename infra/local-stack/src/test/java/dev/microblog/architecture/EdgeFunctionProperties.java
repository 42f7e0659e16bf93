package dev.microblog.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microblog.architecture.SiteRequestFunction.Case;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The function under Node and its Java twin agree on generated requests: paths under every kind of
 * first segment, queries with and without a switch, cookies and Accept-Language headers both well
 * formed and not. Starting Node takes longer than running the function thousands of times, so the
 * cases are generated once with a fixed seed, run through Node together, and then checked with the
 * same seed; only the cases that shrinking invents when a check fails go to Node one at a time.
 */
class EdgeFunctionProperties {
  private static final int EXAMPLES = 2_000;

  private static final Gen<String> PATHS =
      Generate.pick(
              List.of(
                  "",
                  "en",
                  "es",
                  "ar",
                  "fr",
                  "ES",
                  "en-US",
                  "assets",
                  "data",
                  "robots.txt",
                  "sitemap.xml",
                  "favicon.ico",
                  "users",
                  "page",
                  "x.html"))
          .zip(
              lists()
                  .of(Generate.pick(List.of("alice", "page", "2", "posts", "a.json", "es", "..x")))
                  .ofSizeBetween(0, 3),
              booleans().all(),
              (first, rest, slash) -> {
                List<String> segments = new ArrayList<>();
                if (!first.isEmpty()) {
                  segments.add(first);
                  segments.addAll(rest);
                }
                String path = "/" + String.join("/", segments);
                return slash && !segments.isEmpty() ? path + "/" : path;
              });

  private static final Gen<String> QUERIES =
      lists()
          .of(
              Generate.pick(List.of("lang", "lang", "a", "page", ""))
                  .zip(
                      Generate.pick(
                          List.of("=es", "=ar", "=en", "=fr", "=ES", "=", "", "=1", "=x=y")),
                      (name, value) -> name + value))
          .ofSizeBetween(0, 3)
          .map(pairs -> String.join("&", pairs))
          .toOptionals(30)
          .map(q -> q.orElse(null));

  private static final Gen<String> COOKIES =
      lists()
          .of(
              Generate.pick(
                  List.of(
                      "lang=es",
                      "lang=ar",
                      "lang=en",
                      "lang=fr",
                      "lang=\"ar\"",
                      "lang=",
                      " lang = es ",
                      "\tlang=ar",
                      "mb_user=alice",
                      "garbage",
                      "=x",
                      "LANG=es",
                      "lang=es-MX")))
          .ofSizeBetween(0, 3)
          .zip(Generate.pick(List.of(";", "; ", " ;")), (pairs, sep) -> String.join(sep, pairs))
          .toOptionals(30)
          .map(c -> c.orElse(null));

  private static final Gen<String> RANGES =
      Generate.pick(
              List.of(
                  "en",
                  "es",
                  "ar",
                  "fr",
                  "es-MX",
                  "AR-eg",
                  "EN",
                  "zh-Hant-TW",
                  "*",
                  "",
                  "en_US",
                  "toolongtag",
                  "es-*",
                  "e1",
                  "x-es"))
          .zip(
              Generate.pick(
                  List.of(
                      "",
                      "",
                      ";q=0",
                      ";q=0.5",
                      ";q=1",
                      ";q=1.000",
                      ";q=0.001",
                      ";Q=0.8",
                      " ; q=0.3",
                      ";q=0.",
                      ";q=2",
                      ";q=.5",
                      ";q=0.5000",
                      ";q=1.1",
                      ";level=1",
                      "; q = 0.5")),
              (range, weight) -> range + weight);

  private static final Gen<String> ACCEPT_LANGUAGES =
      lists()
          .of(RANGES)
          .ofSizeBetween(0, 5)
          .zip(
              Generate.pick(List.of(",", ", ", " ,", ",\t", ",,")), (r, sep) -> String.join(sep, r))
          .mix(strings().basicLatinAlphabet().ofLengthBetween(0, 24), 20)
          .toOptionals(20)
          .map(a -> a.orElse(null));

  private static final Gen<Case> CASES = PATHS.zip(QUERIES, COOKIES, ACCEPT_LANGUAGES, Case::new);

  @Test
  void the_function_and_its_java_twin_agree_on_generated_requests() throws Exception {
    long seed = ThreadLocalRandom.current().nextLong();
    List<Case> cases = new ArrayList<>();
    qt().withFixedSeed(seed)
        .withExamples(EXAMPLES)
        .forAll(CASES)
        .check(c -> cases.add(c)); // enumerates the cases the check below will see
    Map<Case, JsonNode> node = new HashMap<>();
    List<JsonNode> answers = SiteRequestFunction.node(cases);
    for (int i = 0; i < cases.size(); i++) {
      node.put(cases.get(i), answers.get(i));
    }

    qt().withFixedSeed(seed)
        .withExamples(EXAMPLES)
        .forAll(CASES)
        .checkAssert(
            c ->
                assertThat(SiteRequestFunction.java(c))
                    .as("seed %d, %s", seed, c)
                    .isEqualTo(node.computeIfAbsent(c, EdgeFunctionProperties::nodeAlone)));
    // the generators reach every kind of answer, so agreement is not agreement on one branch
    assertThat(node.values().stream().map(EdgeFunctionProperties::kind).distinct())
        .contains("fetch", "301", "302", "302 switch");
  }

  private static JsonNode nodeAlone(Case c) {
    try {
      return SiteRequestFunction.node(List.of(c)).get(0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String kind(JsonNode answer) {
    if (answer.has("uri")) {
      return "fetch";
    }
    return answer.get("status").asText()
        + (answer.get("headers").has("set-cookie") ? " switch" : "");
  }
}
