package dev.microblog.functions.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.microblog.core.domain.SiteLocale;
import dev.microblog.site.Messages;
import dev.microblog.site.Templates;
import org.junit.jupiter.api.Test;

class PostInputTest {
  private static final Messages T = Templates.fromClasspath().messages(SiteLocale.EN);
  private static final String EMOJI = "\uD83D\uDE00"; // one code point, two Java chars

  @Test
  void emptyOrBlankPostsAreRefused() {
    assertThat(new PostInput(null).errors(T)).containsEntry("body", T.get("error_post_empty"));
    assertThat(new PostInput(" \r\n\t ").errors(T))
        .containsEntry("body", T.get("error_post_empty"));
  }

  @Test
  void theTextIsTrimmedAndLineBreaksBecomeLf() {
    var input = new PostInput("  hello\r\nworld \n");
    assertThat(input.normalizedBody()).isEqualTo("hello\nworld");
    assertThat(input.length()).isEqualTo(11);
  }

  @Test
  void exactly280CharactersAreAcceptedAnd281Refused() {
    assertThat(new PostInput("x".repeat(280)).errors(T)).isEmpty();
    assertThat(new PostInput("x".repeat(281)).errors(T))
        .containsEntry("body", T.get("error_post_too_long", 280, 281));
  }

  @Test
  void anEmojiCountsAsOneCharacter() {
    assertThat(new PostInput(EMOJI.repeat(280)).errors(T)).isEmpty();
    assertThat(new PostInput(EMOJI.repeat(281)).errors(T)).containsKey("body");
  }

  @Test
  void aPostIsAcceptedExactlyWhenItHasOneTo280Characters() {
    qt().withExamples(50)
        .forAll(integers().between(1, 400))
        .checkAssert(
            length -> {
              String body = mixedText(length);
              assertThat(body.codePointCount(0, body.length())).isEqualTo(length);
              assertThat(new PostInput(body).errors(T).isEmpty()).isEqualTo(length <= 280);
            });
  }

  /** Latin, emoji, accented and CJK characters in turn: one and two Java chars each. */
  private static String mixedText(int n) {
    int[] points = {'a', 0x1F600, 0xE9, 0x4E2D};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.appendCodePoint(points[i % points.length]);
    }
    return text.toString();
  }

  @Test
  void aLanguageIsEitherEmptyOrOneOfTheFormsChoices() {
    assertThat(new PostInput("hola", null).lang()).isEmpty();
    assertThat(new PostInput("hola", " es ").errors(T)).isEmpty();
    assertThat(new PostInput("hola", "es").lang()).isEqualTo("es");
    assertThat(new PostInput("hola", "klingon").errors(T))
        .containsOnlyKeys("lang")
        .containsEntry("lang", T.get("error_post_lang_unknown"));
    assertThat(new PostInput("hola", "und").errors(T)).containsKey("lang");
  }
}
