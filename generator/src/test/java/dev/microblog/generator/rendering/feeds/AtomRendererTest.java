package dev.microblog.generator.rendering.feeds;

import static dev.microblog.generator.rendering.feeds.XmlParsing.child;
import static dev.microblog.generator.rendering.feeds.XmlParsing.elements;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class AtomRendererTest {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final Instant T = Instant.parse("2026-11-25T10:00:00.123456Z");

  static AtomFeed.Entry entry(String text, String lang) {
    return new AtomFeed.Entry(
        "https://blog.example/" + lang + "/alice/7",
        "https://blog.example/" + lang + "/alice/7",
        "Alice",
        "https://blog.example/" + lang + "/alice/",
        T,
        T.plusSeconds(60),
        text,
        lang);
  }

  static AtomFeed feed(String lang, List<AtomFeed.Entry> entries) {
    return new AtomFeed(
        "https://blog.example/" + lang + "/alice/feed.xml",
        "Alice",
        lang,
        "https://blog.example/" + lang + "/alice/feed.xml",
        "https://blog.example/" + lang + "/alice/",
        T.plusSeconds(60),
        entries);
  }

  @Test
  void a_feed_is_valid_atom_and_says_what_it_was_given() {
    byte[] xml = AtomRenderer.render(feed("es", List.of(entry("Hola, mundo", "es"))));

    assertThat(Schemas.errors(Schemas.ATOM, xml)).isEmpty();
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    Element root = XmlParsing.parse(xml).getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(root.getLocalName()).isEqualTo("feed");
    assertThat(root.getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("es");
    assertThat(child(root, ATOM, "id").getTextContent())
        .isEqualTo("https://blog.example/es/alice/feed.xml");
    assertThat(child(root, ATOM, "updated").getTextContent()).isEqualTo("2026-11-25T10:01:00Z");
    assertThat(
            elements(root, ATOM, "link").stream()
                .filter(l -> l.getParentNode() == root)
                .map(l -> l.getAttribute("rel") + " " + l.getAttribute("href")))
        .containsExactly(
            "self https://blog.example/es/alice/feed.xml",
            "alternate https://blog.example/es/alice/");

    Element entry = child(root, ATOM, "entry");
    assertThat(entry.getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("es");
    assertThat(child(entry, ATOM, "title").getTextContent()).isEqualTo("Hola, mundo");
    assertThat(child(entry, ATOM, "published").getTextContent()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(child(entry, ATOM, "updated").getTextContent()).isEqualTo("2026-11-25T10:01:00Z");
    Element author = child(entry, ATOM, "author");
    assertThat(child(author, ATOM, "name").getTextContent()).isEqualTo("Alice");
    assertThat(child(author, ATOM, "uri").getTextContent())
        .isEqualTo("https://blog.example/es/alice/");
    Element content = child(entry, ATOM, "content");
    assertThat(content.getAttribute("type")).isEqualTo("text");
    assertThat(content.getTextContent()).isEqualTo("Hola, mundo");
  }

  @Test
  void a_feed_without_entries_is_valid() {
    assertThat(Schemas.errors(Schemas.ATOM, AtomRenderer.render(feed("en", List.of())))).isEmpty();
  }

  @Test
  void nasty_text_stays_text_and_the_feed_stays_xml() {
    String nasty =
        "a\u0000b\u0008c\u001Fd\uFFFEe\uFFFFf\uD800g\uDC00h ]]> <script>&amp; \"q\" 'a'\r\n"
            + "👩‍👩‍👧 مرحبا بالعالم \u202Eevil\u202C";
    byte[] xml = AtomRenderer.render(feed("ar", List.of(entry(nasty, "ar"))));

    assertThat(Schemas.errors(Schemas.ATOM, xml)).isEmpty();
    Element content =
        child(child(XmlParsing.parse(xml).getDocumentElement(), ATOM, "entry"), ATOM, "content");
    assertThat(content.getTextContent())
        .isEqualTo(
            "abcdefgh ]]> <script>&amp; \"q\" 'a'\n" + "👩‍👩‍👧 مرحبا بالعالم \u202Eevil\u202C");
    assertThat(content.getChildNodes().getLength()).as("no markup got in").isEqualTo(1);
  }

  @Test
  void an_emoji_is_written_as_utf8_not_as_references_to_surrogates() {
    byte[] xml = AtomRenderer.render(feed("en", List.of(entry("🎉", "en"))));

    String text = new String(xml, StandardCharsets.UTF_8);
    assertThat(text).contains("<content type=\"text\">🎉</content>").doesNotContain("&#");
  }

  @Test
  void a_long_post_gets_the_start_of_its_text_as_title() {
    String text = "word ".repeat(40) + "end";
    byte[] xml = AtomRenderer.render(feed("en", List.of(entry(text, "en"))));

    String title =
        child(child(XmlParsing.parse(xml).getDocumentElement(), ATOM, "entry"), ATOM, "title")
            .getTextContent();
    // 79 chars of text ("word " is five: sixteen words without the last space) and "…".
    assertThat(title).isEqualTo("word ".repeat(16).strip() + "…").hasSize(80);
  }

  @Test
  void the_schema_rejects_what_rfc_4287_forbids() {
    // The validator is not a rubber stamp: a feed without its required atom:id fails.
    String broken =
        new String(AtomRenderer.render(feed("en", List.of())), StandardCharsets.UTF_8)
            .replaceFirst("<id>[^<]*</id>", "");
    assertThat(Schemas.errors(Schemas.ATOM, broken.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
  }
}
