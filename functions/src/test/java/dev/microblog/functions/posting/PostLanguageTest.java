package dev.microblog.functions.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostLanguageTest {
  private static final PostLanguage LANGUAGES = new PostLanguage();

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The weather in Boston is terrible again this morning | en",
        "Mañana vamos todos a la playa con los niños | es",
        "ذهبت إلى السوق مع أخي واشترينا الخضار | ar",
        "Nous allons au cinéma ce soir avec des amis | fr",
        "Wir fahren morgen mit dem Zug nach München | de",
        "Amanhã vamos à praia com os nossos filhos | pt",
        "Stasera andiamo al cinema con gli amici | it",
        "Сегодня мы идём в кино с друзьями | ru",
        "今日は友達と映画を見に行きます | ja",
        "Vandaag gaan we met de hele familie naar het strand | nl",
      })
  void clearPostsGetTheirLanguage(String body, String expected) {
    assertThat(LANGUAGES.detect(body)).isEqualTo(expected);
  }

  @Test
  void linksMentionsAndHashesDoNotCount() {
    assertThat(
            LANGUAGES.detect(
                "@carlos_m ¿vienes al partido del domingo? https://example.org/entradas #futbol"))
        .isEqualTo("es");
  }

  @ParameterizedTest(name = "und <- {0}")
  @CsvSource(
      delimiter = '|',
      value = {"Danke!", "Grazie!", "ok", "lol", "12:30 🙂", "https://example.org/x"})
  void tooLittleTextIsUndetermined(String body) {
    assertThat(LANGUAGES.detect(body)).isEqualTo("und");
  }
}
