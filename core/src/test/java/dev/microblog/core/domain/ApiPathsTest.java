package dev.microblog.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiPathsTest {

  @Test
  void the_built_urls_are_the_routes_filled_in() {
    assertThat(ApiPaths.follow("alice"))
        .isEqualTo(ApiPaths.FOLLOW.replace("{username}", "alice"))
        .isEqualTo("/api/follow/alice");
    assertThat(ApiPaths.unfollow("alice"))
        .isEqualTo(ApiPaths.UNFOLLOW.replace("{username}", "alice"))
        .isEqualTo("/api/unfollow/alice");
    assertThat(ApiPaths.posted(7))
        .isEqualTo(ApiPaths.POSTED.replace("{seq}", "7"))
        .isEqualTo("/api/posted/7");
    assertThat(ApiPaths.home()).isEqualTo(ApiPaths.HOME).isEqualTo("/api/home");
  }

  @Test
  void every_route_is_under_the_api_and_no_page_is() {
    for (String route :
        new String[] {
          ApiPaths.SIGNUP,
          ApiPaths.LOGIN,
          ApiPaths.LOGOUT,
          ApiPaths.HOME,
          ApiPaths.POSTS,
          ApiPaths.POSTED,
          ApiPaths.FOLLOW,
          ApiPaths.UNFOLLOW
        }) {
      assertThat(ApiPaths.isApi(route)).as(route).isTrue();
    }
    assertThat(ApiPaths.isApi("/api")).isTrue();
    assertThat(ApiPaths.isApi(SitePaths.explore(SiteLocale.EN))).isFalse();
    assertThat(ApiPaths.isApi(SitePaths.profile(SiteLocale.ES, "alice"))).isFalse();
    assertThat(ApiPaths.isApi("/apiary/")).as("a page whose name starts like it").isFalse();
  }
}
