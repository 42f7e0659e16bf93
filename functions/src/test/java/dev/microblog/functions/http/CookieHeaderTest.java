package dev.microblog.functions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.micronaut.http.cookie.DefaultServerCookieDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CookieHeaderTest {
  private static final Map<String, String> BROWSER_JAR =
      Map.of("mb_session", "tok-1_2", "mb_user", "alice", "_ga", "GA1.2.3", "theme", "\"dark\"");

  @Test
  void everyCookieIsReadWhateverItsPlace() {
    assertThat(CookieHeader.parse(List.of("mb_user=alice; mb_session=tok")))
        .containsExactly(Map.entry("mb_user", "alice"), Map.entry("mb_session", "tok"));
    assertThat(CookieHeader.parse(List.of("mb_session=tok;mb_user=alice")))
        .containsEntry("mb_session", "tok")
        .containsEntry("mb_user", "alice");
    assertThat(CookieHeader.parse(List.of("mb_user=alice", "_ga=1; mb_session=tok")))
        .containsEntry("mb_session", "tok");
  }

  @Test
  void quotesAndOddPairs() {
    assertThat(CookieHeader.parse(List.of("a=\"quoted\"; novalue; =orphan; b=; c=x=y")))
        .containsExactly(Map.entry("a", "quoted"), Map.entry("b", ""), Map.entry("c", "x=y"));
    assertThat(CookieHeader.parse(List.of())).isEmpty();
    assertThat(CookieHeader.value(List.of("mb_session=first; mb_session=second"), "mb_session"))
        .contains("first");
  }

  @Test
  void anyOrderAndAnySplitIntoHeadersReadsTheSame() {
    qt().forAll(integers().all(), lists().of(integers().between(0, 3)).ofSize(4))
        .checkAssert(
            (seed, splits) -> {
              List<String> pairs = new ArrayList<>();
              BROWSER_JAR.forEach((name, value) -> pairs.add(name + "=" + value));
              Collections.shuffle(pairs, new Random(seed));
              List<String> headers = new ArrayList<>();
              StringBuilder header = new StringBuilder();
              for (int i = 0; i < pairs.size(); i++) {
                if (!header.isEmpty()) {
                  header.append("; ");
                }
                header.append(pairs.get(i));
                if (splits.get(i) == 0) { // end this Cookie header here
                  headers.add(header.toString());
                  header.setLength(0);
                }
              }
              if (!header.isEmpty()) {
                headers.add(header.toString());
              }

              Map<String, String> read = CookieHeader.parse(headers);

              assertThat(read).hasSize(4).containsEntry("theme", "dark");
              assertThat(read).containsEntry("mb_session", "tok-1_2");
              assertThat(read).containsEntry("mb_user", "alice");
            });
  }

  /**
   * Why {@link CookieHeader} exists: the decoder Micronaut's API Gateway proxy uses when Netty is
   * not on the classpath (the Lambda package) parses a Cookie header as if it were a Set-Cookie
   * header. When this fails, Micronaut has fixed it and {@code request.getCookies()} may do again.
   */
  @Test
  void theDecoderTheLambdaPackageWouldUseKeepsOnlyTheFirstCookie() {
    assertThat(new DefaultServerCookieDecoder().decode("mb_user=alice; mb_session=tok"))
        .extracting(c -> c.getName())
        .containsExactly("mb_user");
  }
}
