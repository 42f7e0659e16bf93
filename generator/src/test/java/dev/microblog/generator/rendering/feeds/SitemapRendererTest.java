package dev.microblog.generator.rendering.feeds;

import static dev.microblog.generator.rendering.feeds.XmlParsing.child;
import static dev.microblog.generator.rendering.feeds.XmlParsing.elements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SitemapRendererTest {
  private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final Instant T = Instant.parse("2026-11-25T10:00:00.5Z");

  static Map<String, String> profile(String user) {
    Map<String, String> byLang = new LinkedHashMap<>();
    for (String lang : List.of("en", "es", "ar")) {
      byLang.put(lang, "https://blog.example/" + lang + "/" + user + "/");
    }
    return byLang;
  }

  @Test
  void a_localized_page_is_listed_once_per_language_each_naming_all_and_x_default() {
    List<SitemapUrl> urls = SitemapUrl.localized(profile("alice"), "en", T);
    byte[] xml = SitemapRenderer.urlset(urls);

    assertThat(Schemas.errors(Schemas.SITEMAP, xml)).isEmpty();
    Element root = XmlParsing.parse(xml).getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(SITEMAP);
    assertThat(root.getLocalName()).isEqualTo("urlset");
    List<Element> listed = elements(root, SITEMAP, "url");
    assertThat(listed)
        .extracting(u -> child(u, SITEMAP, "loc").getTextContent())
        .containsExactly(
            "https://blog.example/en/alice/",
            "https://blog.example/es/alice/",
            "https://blog.example/ar/alice/");
    for (Element url : listed) {
      assertThat(child(url, SITEMAP, "lastmod").getTextContent()).isEqualTo("2026-11-25T10:00:00Z");
      assertThat(elements(url, XHTML, "link"))
          .extracting(
              l ->
                  l.getAttribute("rel")
                      + " "
                      + l.getAttribute("hreflang")
                      + " "
                      + l.getAttribute("href"))
          .containsExactly(
              "alternate en https://blog.example/en/alice/",
              "alternate es https://blog.example/es/alice/",
              "alternate ar https://blog.example/ar/alice/",
              "alternate x-default https://blog.example/en/alice/");
    }
  }

  @Test
  void a_page_in_one_language_and_without_a_date_is_just_its_loc() {
    byte[] xml =
        SitemapRenderer.urlset(
            List.of(new SitemapUrl("https://blog.example/about?a=1&b=<", null, List.of())));

    assertThat(Schemas.errors(Schemas.SITEMAP, xml)).isEmpty();
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .contains("<url><loc>https://blog.example/about?a=1&amp;b=&lt;</loc></url>");
  }

  @Test
  void the_default_language_must_be_one_of_the_page_s() {
    assertThatThrownBy(() -> SitemapUrl.localized(profile("alice"), "fr", T))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void an_index_lists_sitemaps_and_is_valid() {
    byte[] xml =
        SitemapRenderer.index(
            List.of(
                new SitemapRef("https://blog.example/sitemap-posts-0.xml", T),
                new SitemapRef("https://blog.example/sitemap-site.xml", null)));

    assertThat(Schemas.errors(Schemas.SITEMAP_INDEX, xml)).isEmpty();
    Element root = XmlParsing.parse(xml).getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("sitemapindex");
    assertThat(elements(root, SITEMAP, "sitemap"))
        .extracting(
            s ->
                elements(s, SITEMAP, "lastmod").size()
                    + " "
                    + child(s, SITEMAP, "loc").getTextContent())
        .containsExactly(
            "1 https://blog.example/sitemap-posts-0.xml",
            "0 https://blog.example/sitemap-site.xml");
  }

  @Test
  void the_schemas_reject_what_the_protocol_forbids() {
    // Not rubber stamps: a urlset without a url, a url whose loc is not a URL, an index as a
    // urlset.
    String empty = new String(SitemapRenderer.urlset(List.of()), StandardCharsets.UTF_8);
    assertThat(Schemas.errors(Schemas.SITEMAP, empty.getBytes(StandardCharsets.UTF_8)))
        .isNotEmpty();
    byte[] shortLoc = SitemapRenderer.urlset(List.of(new SitemapUrl("/a/", null, List.of())));
    assertThat(Schemas.errors(Schemas.SITEMAP, shortLoc)).isNotEmpty();
    byte[] badLang =
        SitemapRenderer.urlset(
            List.of(
                new SitemapUrl(
                    "https://blog.example/en/",
                    null,
                    List.of(new SitemapUrl.Alternate("not a tag", "https://blog.example/")))));
    assertThat(Schemas.errors(Schemas.SITEMAP, badLang)).isNotEmpty();
    byte[] index = SitemapRenderer.index(List.of(new SitemapRef("https://blog.example/s.xml", T)));
    assertThat(Schemas.errors(Schemas.SITEMAP, index)).isNotEmpty();
  }
}
