package dev.microblog.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SitePathsTest {

  @Test
  void pages_are_directories_whose_object_is_index_html() {
    assertThat(SitePaths.objectKey(SitePaths.explore())).isEqualTo("index.html");
    assertThat(SitePaths.objectKey(SitePaths.profile("alice"))).isEqualTo("users/alice/index.html");
    assertThat(SitePaths.objectKey(SitePaths.post("alice", 7)))
        .isEqualTo("users/alice/posts/7/index.html");
    assertThat(SitePaths.objectKey(SitePaths.followingJson("alice")))
        .isEqualTo("users/alice/following.json");
  }

  @Test
  void the_first_timeline_page_is_the_timeline_itself() {
    assertThat(SitePaths.timelinePage("bob", 1)).isEqualTo("/users/bob/home/");
    assertThat(SitePaths.timelinePage("bob", 3)).isEqualTo("/users/bob/home/page/3/");
  }

  @Test
  void archive_pages_are_numbered_from_the_oldest() {
    assertThat(SitePaths.explorePage(2)).isEqualTo("/page/2/");
    assertThat(SitePaths.profilePage("carol", 4)).isEqualTo("/users/carol/page/4/");
  }
}
