package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole write path over HTTP, as readers see it: forms post through the CDN to the functions,
 * the table's stream reaches the generator, and the CDN serves the pages it wrote.
 */
@ExtendWith(LocalStackExtension.class)
class EndToEndTest {
  static final Duration PAGES_UPDATE_WITHIN = Duration.ofSeconds(5);

  /** The post bodies on a page served by the CDN (an empty list if it is not there yet). */
  static List<String> postsOn(SiteClient reader, String path) {
    var response = reader.get(path);
    if (response.statusCode() != 200) {
      return List.of();
    }
    return Jsoup.parse(response.body()).select("article.post p.body").eachText();
  }

  @Test
  void aPostReachesTheAuthorsProfileAndTheFollowersTimelineWhenTheyGoHomeUntilTheyUnfollow(
      LocalStack stack) throws Exception {
    String a = Names.unique("ann");
    String b = Names.unique("ben");
    SiteClient annsBrowser = new SiteClient(stack.siteUrl());
    SiteClient bensBrowser = new SiteClient(stack.siteUrl());
    SiteClient reader = new SiteClient(stack.siteUrl());
    annsBrowser.signUp(a, a + "@example.org", "correct horse");
    bensBrowser.signUp(b, b + "@example.org", "battery staple");
    annsBrowser.follow(b);

    bensBrowser.publish("Hello from " + b);

    await()
        .atMost(PAGES_UPDATE_WITHIN)
        .untilAsserted(
            () -> assertThat(postsOn(reader, "/en/users/" + b + "/")).contains("Hello from " + b));
    // Ann's timeline is brought up to date when she goes home ("Home" on any page).
    var home = annsBrowser.get("/api/home");
    assertThat(home.statusCode()).isEqualTo(303);
    assertThat(home.headers().firstValue("Location")).hasValue("/en/users/" + a + "/home/");
    await()
        .atMost(PAGES_UPDATE_WITHIN)
        .untilAsserted(
            () ->
                assertThat(postsOn(annsBrowser, "/en/users/" + a + "/home/"))
                    .contains("Hello from " + b));

    annsBrowser.unfollow(b);
    bensBrowser.publish("Only for my followers, " + b);

    await()
        .atMost(PAGES_UPDATE_WITHIN)
        .untilAsserted(
            () ->
                assertThat(postsOn(reader, "/en/users/" + b + "/"))
                    .contains("Only for my followers, " + b));
    annsBrowser.get("/api/home");
    assertThat(stack.awaitPagesCurrent(PAGES_UPDATE_WITHIN)).isTrue();
    assertThat(postsOn(annsBrowser, "/en/users/" + a + "/home/"))
        .doesNotContain("Only for my followers, " + b);
  }

  @Test
  void theCdnPassesEverySessionCookieAndTheRedirectThrough(LocalStack stack) {
    String name = Names.unique("cookie");
    SiteClient browser = new SiteClient(stack.siteUrl());

    var response =
        browser.post(
            "/api/signup",
            java.util.Map.of(
                "username", name, "email", name + "@example.org", "password", "long enough"));

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/en/#welcome"));
    assertThat(response.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("mb_session=").containsIgnoringCase("HttpOnly"))
        .anySatisfy(c -> assertThat(c).startsWith("mb_user=" + name));
  }

  @Test
  void aPostReachesReadersThroughTheCdnWithoutAnyInvalidation(LocalStack stack) throws Exception {
    String name = Names.unique("inval");
    SiteClient browser = new SiteClient(stack.siteUrl());
    browser.signUp(name, name + "@example.org", "long enough");
    assertThat(stack.awaitPagesCurrent(PAGES_UPDATE_WITHIN)).isTrue();
    assertThat(browser.get("/en/users/" + name + "/").statusCode())
        .isEqualTo(200); // now at the edge
    int before = stack.cdn().invalidations().size();

    browser.publish("A change the CDN must not hide");

    // The profile front lives a second at the edge: the post shows without an invalidation.
    await()
        .atMost(PAGES_UPDATE_WITHIN)
        .untilAsserted(
            () ->
                assertThat(postsOn(browser, "/en/users/" + name + "/"))
                    .contains("A change the CDN must not hide"));
    assertThat(stack.awaitPagesCurrent(PAGES_UPDATE_WITHIN)).isTrue();
    assertThat(stack.cdn().invalidations()).hasSize(before);
  }

  @Test
  void aRewrittenPageTheEdgeKeepsForAYearIsInvalidated(LocalStack stack) throws Exception {
    String name = Names.unique("archive");
    SiteClient browser = new SiteClient(stack.siteUrl());
    browser.signUp(name, name + "@example.org", "long enough");
    browser.publish("The words that stay");
    assertThat(stack.awaitPagesCurrent(PAGES_UPDATE_WITHIN)).isTrue();
    String permalink = "/en/users/" + name + "/posts/1/";
    // As an older template left it, kept a year at the edge.
    stack
        .s3Client()
        .putObject(
            b ->
                b.bucket(LocalStack.BUCKET)
                    .key(permalink.substring(1) + "index.html")
                    .contentType("text/html; charset=utf-8")
                    .cacheControl("public, max-age=3600, s-maxage=31536000"),
            software.amazon.awssdk.core.sync.RequestBody.fromString("<p>old markup</p>"));
    assertThat(browser.get(permalink).body()).contains("old markup");

    stack.generator().builder().rebuildAll();

    assertThat(stack.cdn().invalidations().getLast().paths()).contains(permalink);
    assertThat(postsOn(browser, permalink)).containsExactly("The words that stay");
  }
}
