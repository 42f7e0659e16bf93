package dev.microblog.generator.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microblog.core.domain.Pagination;
import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.SiteLocale;
import dev.microblog.generator.planning.PageRef;
import dev.microblog.generator.planning.PageRef.ExploreFront;
import dev.microblog.generator.planning.PageRef.ExplorePage;
import dev.microblog.generator.planning.PageRef.FollowingJson;
import dev.microblog.generator.planning.PageRef.Permalink;
import dev.microblog.generator.planning.PageRef.ProfileFront;
import dev.microblog.generator.planning.PageRef.ProfilePage;
import dev.microblog.generator.planning.PageRef.SitePage;
import dev.microblog.generator.planning.PageRef.Timeline;
import dev.microblog.generator.state.LiveSite;
import dev.microblog.generator.state.NotYetVisible;
import dev.microblog.generator.state.SiteSnapshot;
import dev.microblog.generator.state.SiteState;
import dev.microblog.site.Templates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class SiteRendererTest {
  private static final Templates TEMPLATES = Templates.fromClasspath();
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private final SiteSnapshot.Builder site =
      SiteSnapshot.builder().user("alice", T0).user("bob", T0).user("carol", T0);

  @Test
  void a_post_body_is_text_never_markup() {
    String body = "<script>alert('x')</script> & <b>bold</b>";
    Post post = site.post("alice", body, T0);

    Document page = html(render(site.build(), new Permalink("alice", post.seq())));

    assertThat(page.select("script").eachAttr("src")).containsExactly("/assets/site.js");
    assertThat(page.select("main b")).isEmpty();
    assertThat(page.selectFirst(".post .body").text()).isEqualTo(body);
  }

  @Test
  void a_permalink_shows_the_post_with_its_time_and_where_it_lives() {
    Post post = null;
    for (int i = 1; i <= 21; i++) {
      post = site.post("alice", "post " + i, T0.plus(Duration.ofMinutes(i)));
    }

    Rendering rendering = render(site.build(), new Permalink("alice", 21));
    Document page = html(rendering);

    assertThat(rendering.pages().getFirst().path()).isEqualTo("/en/users/alice/posts/21/");
    assertThat(rendering.pages().getFirst().cache()).isEqualTo(CachePolicy.ARCHIVE);
    assertThat(page.selectFirst("h1").text()).isEqualTo("Post by alice");
    assertThat(page.selectFirst(".post time").attr("datetime"))
        .isEqualTo(post.createdAt().toString());
    assertThat(page.select("main a").eachAttr("href")).contains("/en/users/alice/page/2/");
  }

  @Test
  void the_explore_front_shows_the_newest_twenty_numbered_or_not_and_links_to_the_older_page() {
    for (int i = 1; i <= 45; i++) {
      site.post(i % 2 == 0 ? "alice" : "bob", "post " + i, T0.plusSeconds(i));
    }
    site.seal(T0.plusSeconds(31)); // posts 1..30 are numbered, 31..45 not yet

    Rendering rendering = render(site.build(), new ExploreFront());
    Document page = html(rendering);

    // 15 not numbered and 5 numbered ones (26..30), which span pages 2 and 1 of 30 numbered.
    assertThat(bodies(page)).hasSize(20).startsWith("post 45", "post 44").endsWith("post 26");
    assertThat(page.select(".pager a.older").attr("href")).isEqualTo("/en/page/2/");
    assertThat(page.select(".pager a.newer")).isEmpty();
    assertThat(rendering.pages().getFirst().cache()).isEqualTo(CachePolicy.CHANGING);
  }

  @Test
  void a_front_of_posts_not_numbered_yet_has_no_older_page_to_link_to() {
    for (int i = 1; i <= 25; i++) {
      site.post("alice", "post " + i, T0.plusSeconds(i));
    }

    Document page = html(render(site.build(), new ExploreFront()));

    assertThat(bodies(page)).hasSize(20).startsWith("post 25").endsWith("post 6");
    assertThat(page.select(".pager a")).isEmpty();
  }

  @Test
  void a_stable_explore_page_links_both_ways_and_is_archived_once_a_page_follows_it() {
    for (int i = 1; i <= 45; i++) {
      site.post("alice", "post " + i, T0.plusSeconds(i));
    }
    SiteSnapshot state = site.seal(T0.plusSeconds(46)).build();

    Rendering middle = render(state, new ExplorePage(2));
    Rendering last = render(state, new ExplorePage(3));
    Rendering first = render(state, new ExplorePage(1));

    Document page = html(middle);
    assertThat(bodies(page)).hasSize(20).startsWith("post 40").endsWith("post 21");
    assertThat(page.select(".pager a.newer").attr("href")).isEqualTo("/en/page/3/");
    assertThat(page.select(".pager a.older").attr("href")).isEqualTo("/en/page/1/");
    assertThat(middle.pages().getFirst().cache()).isEqualTo(CachePolicy.ARCHIVE);
    assertThat(last.pages().getFirst().cache()).isEqualTo(CachePolicy.CHANGING);
    assertThat(html(last).select(".pager a.newer").attr("href")).isEqualTo("/en/");
    assertThat(html(first).select(".pager a.older")).isEmpty();
  }

  @Test
  void an_empty_site_has_an_explore_page_that_says_so() {
    Document page = html(render(site.build(), new ExploreFront()));

    assertThat(page.select(".post")).isEmpty();
    assertThat(page.selectFirst(".empty").text()).isEqualTo("No posts yet.");
    assertThat(page.select(".pager")).isEmpty();
  }

  @Test
  void a_profile_front_shows_counts_follow_forms_and_the_newest_twenty_posts() {
    for (int i = 1; i <= 23; i++) {
      site.post("alice", "post " + i, T0.plusSeconds(i));
    }
    site.follow("bob", "alice").follow("carol", "alice").follow("alice", "bob");

    Document page = html(render(site.build(), new ProfileFront("alice")));

    assertThat(page.selectFirst("h1").text()).isEqualTo("alice");
    assertThat(page.selectFirst("[data-count=posts]").text()).isEqualTo("23");
    assertThat(page.selectFirst("[data-count=followers]").text()).isEqualTo("2");
    assertThat(page.selectFirst("[data-count=following]").text()).isEqualTo("1");
    assertThat(page.selectFirst(".joined time").attr("datetime")).isEqualTo(T0.toString());
    assertThat(page.select(".follow form").eachAttr("action"))
        .containsExactly("/api/follow/alice?locale=en", "/api/unfollow/alice?locale=en");
    assertThat(page.select(".follow form").eachAttr("method")).containsOnly("post");
    // The newest twenty span stable pages 2 (21..23) and 1; the next older post is on page 1.
    assertThat(bodies(page)).hasSize(20).startsWith("post 23").endsWith("post 4");
    assertThat(page.select(".pager a.older").attr("href")).isEqualTo("/en/users/alice/page/1/");
    assertThat(page.select(".pager a.newer")).isEmpty();
  }

  @Test
  void a_profile_page_links_to_the_newer_page_once_it_exists_and_to_the_front_before() {
    for (int i = 1; i <= 40; i++) {
      site.post("alice", "post " + i, T0.plusSeconds(i));
    }
    SiteSnapshot full = site.build();
    site.post("alice", "post 41", T0.plusSeconds(41));
    SiteSnapshot next = site.build();

    Rendering before = render(full, new ProfilePage("alice", 2));
    Rendering after = render(next, new ProfilePage("alice", 2));

    assertThat(html(before).select(".pager a.newer").attr("href")).isEqualTo("/en/users/alice/");
    assertThat(before.pages().getFirst().cache()).isEqualTo(CachePolicy.CHANGING);
    assertThat(html(after).select(".pager a.newer").attr("href"))
        .isEqualTo("/en/users/alice/page/3/");
    assertThat(after.pages().getFirst().cache()).isEqualTo(CachePolicy.ARCHIVE);
    assertThat(html(after).select(".follow")).isEmpty(); // counts and buttons live on the front
  }

  @Test
  void a_page_past_the_last_is_removed_rather_than_rendered_empty() {
    site.post("alice", "only", T0);

    assertThat(render(site.build(), new ProfilePage("alice", 2)))
        .isEqualTo(Rendering.removed(List.of("en/users/alice/page/2/index.html")));
    assertThat(render(site.build(), new ExplorePage(2)))
        .isEqualTo(Rendering.removed(List.of("en/page/2/index.html")));
  }

  @Test
  void an_empty_list_has_a_front_but_no_stable_page_yet() {
    SiteSnapshot empty = site.build();

    assertThat(render(empty, new ExplorePage(1)))
        .isEqualTo(Rendering.removed(List.of("en/page/1/index.html")));
    assertThat(render(empty, new ProfilePage("alice", 1)))
        .isEqualTo(Rendering.removed(List.of("en/users/alice/page/1/index.html")));
    assertThat(render(empty, new ProfileFront("alice")).pages()).hasSize(1);
  }

  @Test
  void the_timeline_has_the_post_form_then_own_and_followed_posts_newest_first() {
    site.follow("alice", "bob");
    site.post("alice", "mine", T0.plusSeconds(1));
    site.post("bob", "followed", T0.plusSeconds(2));
    site.post("carol", "not followed", T0.plusSeconds(3));

    Rendering rendering = render(site.build(), new Timeline("alice"));
    Document page = html(rendering);

    assertThat(rendering.pages()).extracting(Page::path).containsExactly("/en/users/alice/home/");
    assertThat(rendering.sweepPrefixes()).containsExactly("en/users/alice/home/page/");
    Element form = page.selectFirst("form.postform");
    assertThat(form.attr("action")).isEqualTo("/api/posts?locale=en");
    assertThat(form.attr("method")).isEqualTo("post");
    Element body = form.selectFirst("textarea[name=body]");
    // No maxlength: the browser counts UTF-16 units, the server code points (an emoji is one).
    assertThat(body.hasAttr("maxlength")).isFalse();
    assertThat(body.attr("data-max")).isEqualTo("280");
    assertThat(form.selectFirst("label[for=" + body.id() + "]").text()).isEqualTo("Say something");
    assertThat(form.select("button[type=submit]")).hasSize(1);
    assertThat(bodies(page)).containsExactly("followed", "mine");
  }

  @Test
  void a_full_timeline_keeps_the_newest_hundred_posts_on_five_pages() {
    site.follow("alice", "bob");
    for (int i = 1; i <= 130; i++) {
      site.post(i % 2 == 0 ? "alice" : "bob", "post " + i, T0.plusSeconds(i));
    }

    Rendering rendering = render(site.build(), new Timeline("alice"));

    assertThat(rendering.pages())
        .extracting(Page::path)
        .containsExactly(
            "/en/users/alice/home/",
            "/en/users/alice/home/page/2/",
            "/en/users/alice/home/page/3/",
            "/en/users/alice/home/page/4/",
            "/en/users/alice/home/page/5/");
    Document first = html(rendering.pages().getFirst());
    Document last = html(rendering.pages().getLast());
    assertThat(bodies(first)).hasSize(20).startsWith("post 130");
    assertThat(first.select(".pager a.older").attr("href"))
        .isEqualTo("/en/users/alice/home/page/2/");
    assertThat(bodies(last)).hasSize(20).endsWith("post 31");
    assertThat(last.select(".pager a.newer").attr("href"))
        .isEqualTo("/en/users/alice/home/page/4/");
    assertThat(last.select(".hint").text()).contains("Older posts are on each author's profile");
    assertThat(last.select("form.postform")).isEmpty();
  }

  @Test
  void following_json_lists_whom_the_user_follows() {
    site.follow("alice", "carol").follow("alice", "bob");

    Page json = render(site.build(), new FollowingJson("alice")).pages().getFirst();

    assertThat(renderAll(site.build(), new FollowingJson("alice")).pages())
        .as("one file for every language")
        .hasSize(1);
    assertThat(json.path()).isEqualTo("/data/users/alice/following.json");
    assertThat(json.contentType()).isEqualTo("application/json");
    assertThat(new String(json.body(), StandardCharsets.UTF_8)).isEqualTo("[\"bob\",\"carol\"]");
  }

  @Test
  void the_pages_of_a_user_that_does_not_exist_are_removed() {
    SiteSnapshot state = site.build();

    assertThat(render(state, new ProfileFront("nobody")).removals())
        .containsExactly("en/users/nobody/index.html");
    assertThat(render(state, new FollowingJson("nobody")).removals())
        .containsExactly("data/users/nobody/following.json");
    Rendering timeline = render(state, new Timeline("nobody"));
    assertThat(timeline.removals()).containsExactly("en/users/nobody/home/index.html");
    assertThat(timeline.sweepPrefixes()).containsExactly("en/users/nobody/home/page/");
  }

  @Test
  void every_page_has_a_language_landmarks_one_heading_and_the_session_controls() {
    site.post("alice", "hello", T0);
    SiteSnapshot state = site.build();

    for (PageRef ref :
        List.of(
            new ExploreFront(),
            new ProfileFront("alice"),
            new Timeline("alice"),
            new Permalink("alice", 1),
            SitePage.SIGNUP,
            SitePage.LOGIN,
            SitePage.NOT_FOUND)) {
      Document page = html(render(state, ref));
      assertThat(page.selectFirst("html").attr("lang")).as(ref.path()).isEqualTo("en");
      assertThat(page.select("main#main")).as(ref.path()).hasSize(1);
      assertThat(page.select("h1")).as(ref.path()).hasSize(1);
      assertThat(page.select("[data-when=guest]")).as(ref.path()).hasSize(2);
      assertThat(page.select("form[action=\"/api/logout?locale=en\"][data-when=member]"))
          .as(ref.path())
          .hasSize(1);
    }
  }

  @Test
  void every_page_in_every_locale() {
    for (int i = 1; i <= 21; i++) {
      site.post("alice", "post " + i, T0.plusSeconds(i));
    }
    site.follow("alice", "bob");
    SiteSnapshot state = site.seal(T0.plusSeconds(22)).build();
    // Each kind of reader page, with its <title> in English, Spanish and Arabic.
    Map<PageRef, List<String>> titles = new LinkedHashMap<>();
    titles.put(
        new ExploreFront(),
        List.of("Explore · Microblog", "Explorar · Microblog", "استكشاف · مدوّنة مصغّرة"));
    titles.put(
        new ExplorePage(1),
        List.of(
            "Explore, page 1 · Microblog",
            "Explorar, página 1 · Microblog",
            "استكشاف، الصفحة 1 · مدوّنة مصغّرة"));
    titles.put(
        new ProfileFront("alice"),
        List.of("alice · Microblog", "alice · Microblog", "alice · مدوّنة مصغّرة"));
    titles.put(
        new ProfilePage("alice", 1),
        List.of(
            "alice, page 1 · Microblog",
            "alice, página 1 · Microblog",
            "alice، الصفحة 1 · مدوّنة مصغّرة"));
    titles.put(
        new Timeline("alice"),
        List.of(
            "alice's home · Microblog",
            "Inicio de alice · Microblog",
            "الصفحة الرئيسية لـ alice · مدوّنة مصغّرة"));
    titles.put(
        new Permalink("alice", 1),
        List.of(
            "Post by alice · Microblog",
            "Publicación de alice · Microblog",
            "منشور بقلم alice · مدوّنة مصغّرة"));
    titles.put(
        SitePage.SIGNUP,
        List.of("Sign up · Microblog", "Registrarse · Microblog", "إنشاء حساب · مدوّنة مصغّرة"));
    titles.put(
        SitePage.LOGIN,
        List.of(
            "Log in · Microblog", "Iniciar sesión · Microblog", "تسجيل الدخول · مدوّنة مصغّرة"));
    titles.put(
        SitePage.NOT_FOUND,
        List.of(
            "Page not found · Microblog",
            "Página no encontrada · Microblog",
            "الصفحة غير موجودة · مدوّنة مصغّرة"));
    List<String> tags = List.of("en", "es", "ar");
    List<String> dirs = List.of("ltr", "ltr", "rtl");

    for (var entry : titles.entrySet()) {
      PageRef ref = entry.getKey();
      List<Page> pages = renderAll(state, ref).pages();
      List<String> english =
          pages.stream().map(Page::path).filter(p -> p.startsWith("/en/")).sorted().toList();
      assertThat(english).as(ref.path()).isNotEmpty();
      assertThat(pages).as(ref.path()).hasSize(english.size() * 3);
      for (int l = 0; l < tags.size(); l++) {
        String tag = tags.get(l);
        List<Page> inLocale =
            pages.stream().filter(p -> p.path().startsWith("/" + tag + "/")).toList();
        assertThat(
                inLocale.stream().map(p -> "/en/" + p.path().substring(tag.length() + 2)).sorted())
            .as(ref.path() + " in " + tag)
            .containsExactlyElementsOf(english);
        for (Page page : inLocale) {
          Element root = html(page).selectFirst("html");
          assertThat(root.attr("lang")).as(page.path()).isEqualTo(tag);
          assertThat(root.attr("dir")).as(page.path()).isEqualTo(dirs.get(l));
        }
        assertThat(html(inLocale.getFirst()).title())
            .as(ref.path() + " in " + tag)
            .isEqualTo(entry.getValue().get(l));
      }
    }
  }

  @Test
  void the_404_page_lives_at_404_html() {
    Page page = render(site.build(), SitePage.NOT_FOUND).pages().getFirst();

    assertThat(page.path()).isEqualTo("/en/404.html");
    assertThat(page.key()).isEqualTo("en/404.html");
    assertThat(html(page).selectFirst("h1").text()).isEqualTo("Page not found");
  }

  @Test
  void a_page_the_index_has_not_caught_up_with_is_not_published() {
    for (int i = 1; i <= 3; i++) {
      site.post("alice", "post " + i, T0.plusSeconds(i));
    }
    SiteSnapshot state = site.seal(T0.plusSeconds(4)).build();
    SiteState lagging =
        new LiveSite(state) {
          @Override
          public List<Post> explore(long from, long to) {
            return state.explore(from, to - 1); // the newest post cannot be read yet
          }
        };

    assertThatThrownBy(
            () ->
                new SiteRenderer(
                        lagging, TEMPLATES, Pagination.DEFAULT, "https://microblog.example")
                    .render(new ExplorePage(1)))
        .isInstanceOf(NotYetVisible.class);
  }

  /**
   * The English part of what {@code ref} renders (and what it renders outside every locale): the
   * other locales' parts are the same pages in another language (see every_page_in_every_locale).
   */
  static Rendering render(SiteState state, PageRef ref) {
    return english(renderAll(state, ref));
  }

  static Rendering renderAll(SiteState state, PageRef ref) {
    return new SiteRenderer(state, TEMPLATES, Pagination.DEFAULT, "https://microblog.example")
        .render(ref);
  }

  private static Rendering english(Rendering all) {
    return new Rendering(
        all.pages().stream().filter(p -> inEnglish(p.key())).toList(),
        all.removals().stream().filter(SiteRendererTest::inEnglish).toList(),
        all.sweepPrefixes().stream().filter(SiteRendererTest::inEnglish).toList());
  }

  private static boolean inEnglish(String key) {
    String k = key.startsWith("/") ? key.substring(1) : key;
    return k.startsWith("en/")
        || SiteLocale.ALL.stream().noneMatch(l -> k.startsWith(l.tag() + "/"));
  }

  static Document html(Rendering rendering) {
    assertThat(rendering.pages()).hasSize(1);
    return html(rendering.pages().getFirst());
  }

  static Document html(Page page) {
    assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
    return Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8));
  }

  static List<String> bodies(Document page) {
    return page.select(".post .body").eachText();
  }
}
