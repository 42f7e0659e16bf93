package dev.microblog.generator.rendering.feeds;

import static dev.microblog.generator.rendering.feeds.XmlParsing.child;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.w3c.dom.Element;

/** Whatever people post, the feed is valid Atom and carries their text, less what XML forbids. */
class AtomRendererProperties {
  private static final String ATOM = AtomRenderer.NAMESPACE;

  /** Pieces that break naive XML writers, and scripts that break naive text cutting. */
  private static final List<String> NASTY =
      List.of(
          "]]>",
          "&",
          "<",
          ">",
          "&amp;",
          "<![CDATA[",
          "\"",
          "'",
          "\r\n",
          "\r",
          "\n",
          "\t",
          " ",
          "\u0000",
          "\u0007",
          "\u001B",
          "\u007F",
          "\u0085",
          "\uFFFE",
          "\uFFFF",
          "\uFEFF",
          "\uD800",
          "\uDFFF",
          "\uDE00\uD83D",
          "😀",
          "👩‍👩‍👧",
          "🇪🇸",
          "e\u0301",
          "مرحبا",
          "שלום",
          "\u202E",
          "\u200F",
          "你好",
          "𝔘𝔫𝔦");

  /** One char anywhere in UTF-16, a lone surrogate included, or any code point at all. */
  private static final Gen<String> ANY_CHAR =
      integers().between(0, 0xFFFF).map(c -> String.valueOf((char) c.intValue()));

  private static final Gen<String> ANY_CODE_POINT =
      integers().between(0, Character.MAX_CODE_POINT).map(Character::toString);

  private static final Gen<String> TEXTS =
      lists()
          .of(
              Generate.frequency(
                  List.of(
                      Pair.of(4, Generate.pick(NASTY)),
                      Pair.of(2, ANY_CHAR),
                      Pair.of(1, ANY_CODE_POINT),
                      Pair.of(3, Generate.pick(List.of("a", "word ", "Ab1"))))))
          .ofSizeBetween(0, 120)
          .map(pieces -> String.join("", pieces));

  private static final Gen<String> LANGS = Generate.pick(List.of("en", "es", "ar"));

  @Test
  void any_post_text_makes_a_valid_feed_that_reads_back_as_the_cleaned_text() {
    qt().withExamples(300)
        .forAll(TEXTS, TEXTS, LANGS)
        .checkAssert(
            (text, author, lang) -> {
              AtomFeed.Entry given = AtomRendererTest.entry(text, lang);
              AtomFeed.Entry entry =
                  new AtomFeed.Entry(
                      given.id(),
                      given.url(),
                      author,
                      given.authorUrl(),
                      given.published(),
                      given.updated(),
                      text,
                      lang);
              byte[] xml = AtomRenderer.render(AtomRendererTest.feed(lang, List.of(entry)));

              assertThat(Schemas.errors(Schemas.ATOM, xml)).isEmpty();
              Element read = child(XmlParsing.parse(xml).getDocumentElement(), ATOM, "entry");
              assertThat(child(read, ATOM, "content").getTextContent())
                  .isEqualTo(XmlText.clean(text));
              assertThat(child(child(read, ATOM, "author"), ATOM, "name").getTextContent())
                  .isEqualTo(XmlText.clean(author));
              String title = child(read, ATOM, "title").getTextContent();
              assertThat(title).isEqualTo(AtomRenderer.title(text, lang));
              assertThat(title.length()).isLessThanOrEqualTo(AtomRenderer.TITLE_CHARS);
              assertThat(title.codePoints().filter(c -> c >= 0xD800 && c <= 0xDFFF).count())
                  .as("no half of a surrogate pair")
                  .isZero();
            });
  }

  @Test
  void a_title_is_the_whole_text_or_its_start_and_an_ellipsis() {
    qt().withExamples(1000)
        .forAll(TEXTS)
        .checkAssert(
            text -> {
              String folded = XmlText.clean(text).strip().replaceAll("\\s+", " ");
              String title = AtomRenderer.title(text, "en");
              if (folded.length() <= AtomRenderer.TITLE_CHARS) {
                assertThat(title).isEqualTo(folded);
              } else {
                assertThat(title).endsWith("…").hasSizeLessThanOrEqualTo(AtomRenderer.TITLE_CHARS);
                assertThat(folded).startsWith(title.substring(0, title.length() - 1));
              }
            });
  }
}
