package dev.microblog.generator.rendering.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.Pagination;
import dev.microblog.generator.planning.PageRef;
import dev.microblog.generator.planning.PageRef.ExploreFeed;
import dev.microblog.generator.planning.PageRef.PostsSitemap;
import dev.microblog.generator.planning.PageRef.RootFiles;
import dev.microblog.generator.planning.PageRef.SitemapIndex;
import dev.microblog.generator.planning.PageRef.UserFeed;
import dev.microblog.generator.rendering.Page;
import dev.microblog.generator.rendering.Rendering;
import dev.microblog.generator.rendering.SiteRenderer;
import dev.microblog.generator.state.SiteSnapshot;
import dev.microblog.site.Templates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The feeds, sitemaps and root files the generator publishes: valid against their schemas in every
 * locale, naming the site's pages by absolute URL.
 */
class PublishedFeedsTest {
  private static final Templates TEMPLATES = Templates.fromClasspath();
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final String ORIGIN = "https://microblog.example";

  private final SiteSnapshot.Builder site =
      SiteSnapshot.builder().user("alice", T0).user("bob", T0);

  private Rendering render(PageRef ref) {
    return new SiteRenderer(site.build(), TEMPLATES, Pagination.DEFAULT, ORIGIN).render(ref);
  }

  private static String text(Page page) {
    return new String(page.body(), StandardCharsets.UTF_8);
  }

  @Test
  void an_entry_is_in_the_language_of_its_post_not_of_the_feed() {
    site.post("alice", "مرحبا بالجميع", T0.plusSeconds(1), "ar");
    site.post("alice", "ok", T0.plusSeconds(2));

    Page spanish = render(new UserFeed("alice")).pages().get(1);

    assertThat(spanish.path()).isEqualTo("/es/users/alice/feed.xml");
    assertThat(Schemas.errors(Schemas.ATOM, spanish.body())).isEmpty();
    assertThat(text(spanish))
        .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"es\"")
        .contains("<entry xml:lang=\"ar\">")
        .contains("<entry xml:lang=\"und\">");
  }

  @Test
  void feeds_are_valid_atom_in_every_locale_with_absolute_localized_links() {
    site.post("alice", "hola <b>mundo</b> & more", T0.plusSeconds(1));
    site.post("bob", "مرحبا", T0.plusSeconds(2));

    Rendering explore = render(new ExploreFeed());
    assertThat(explore.pages())
        .extracting(Page::path)
        .containsExactly("/en/feed.xml", "/es/feed.xml", "/ar/feed.xml");
    for (Page feed : explore.pages()) {
      assertThat(feed.contentType()).isEqualTo("application/atom+xml");
      assertThat(Schemas.errors(Schemas.ATOM, feed.body())).as(feed.path()).isEmpty();
    }
    String spanish = text(explore.pages().get(1));
    assertThat(spanish)
        .contains("xml:lang=\"es\"")
        .contains("las publicaciones más recientes")
        .contains("href=\"https://microblog.example/es/users/alice/posts/1/\"")
        .contains("hola &lt;b&gt;mundo&lt;/b&gt; &amp; more");

    Rendering alice = render(new UserFeed("alice"));
    assertThat(alice.pages()).extracting(Page::path).contains("/ar/users/alice/feed.xml");
    for (Page feed : alice.pages()) {
      assertThat(Schemas.errors(Schemas.ATOM, feed.body())).as(feed.path()).isEmpty();
      assertThat(text(feed)).contains("alice").doesNotContain("مرحبا");
    }
    assertThat(render(new UserFeed("nobody")).removals())
        .containsExactly(
            "en/users/nobody/feed.xml", "es/users/nobody/feed.xml", "ar/users/nobody/feed.xml");
  }

  @Test
  void sitemaps_list_numbered_permalinks_per_locale_with_alternates_and_an_index() {
    site.post("alice", "one", T0.plusSeconds(1));
    site.post("bob", "two", T0.plusSeconds(2));
    site.seal(T0.plusSeconds(3));

    Rendering block = render(new PostsSitemap(0));
    assertThat(block.pages())
        .extracting(Page::path)
        .containsExactly(
            "/en/sitemaps/posts-0.xml", "/es/sitemaps/posts-0.xml", "/ar/sitemaps/posts-0.xml");
    for (Page sitemap : block.pages()) {
      assertThat(Schemas.errors(Schemas.SITEMAP, sitemap.body())).as(sitemap.path()).isEmpty();
    }
    String arabic = text(block.pages().get(2));
    assertThat(arabic)
        .contains("<loc>https://microblog.example/ar/users/alice/posts/1/</loc>")
        .contains("hreflang=\"es\" href=\"https://microblog.example/es/users/alice/posts/1/\"")
        .contains(
            "hreflang=\"x-default\" href=\"https://microblog.example/en/users/alice/posts/1/\"")
        .doesNotContain("<loc>https://microblog.example/en/");
    assertThat(render(new PostsSitemap(1)).pages()).as("a block not yet begun").isEmpty();

    Page index = render(new SitemapIndex()).pages().getFirst();
    assertThat(index.path()).isEqualTo("/sitemap.xml");
    assertThat(Schemas.errors(Schemas.SITEMAP_INDEX, index.body())).isEmpty();
    assertThat(text(index))
        .contains("https://microblog.example/en/sitemaps/posts-0.xml")
        .contains("https://microblog.example/ar/sitemaps/posts-0.xml")
        .doesNotContain("posts-1.xml");
  }

  @Test
  void robots_txt_names_the_sitemap_index_and_the_favicon_sits_at_the_root() {
    Rendering root = render(new RootFiles());
    assertThat(root.pages()).extracting(Page::path).containsExactly("/robots.txt", "/favicon.ico");
    assertThat(text(root.pages().getFirst()))
        .contains("Sitemap: https://microblog.example/sitemap.xml")
        .contains("Disallow: /api/");
    assertThat(root.pages().get(1).contentType()).isEqualTo("image/x-icon");
  }
}
