package dev.microblog.core.domain;

import static dev.microblog.core.domain.SiteLocale.AR;
import static dev.microblog.core.domain.SiteLocale.EN;
import static dev.microblog.core.domain.SiteLocale.ES;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SitePathsTest {

  @Test
  void pages_are_directories_whose_object_is_index_html() {
    assertThat(SitePaths.objectKey(SitePaths.explore(EN))).isEqualTo("en/index.html");
    assertThat(SitePaths.objectKey(SitePaths.profile(ES, "alice")))
        .isEqualTo("es/users/alice/index.html");
    assertThat(SitePaths.objectKey(SitePaths.post(AR, "alice", 7)))
        .isEqualTo("ar/users/alice/posts/7/index.html");
  }

  @Test
  void data_for_the_page_script_is_the_same_in_every_language() {
    assertThat(SitePaths.objectKey(SitePaths.followingJson("alice")))
        .isEqualTo("data/users/alice/following.json");
  }

  @Test
  void the_first_timeline_page_is_the_timeline_itself() {
    assertThat(SitePaths.timelinePage(EN, "bob", 1)).isEqualTo("/en/users/bob/home/");
    assertThat(SitePaths.timelinePage(EN, "bob", 3)).isEqualTo("/en/users/bob/home/page/3/");
  }

  @Test
  void archive_pages_are_numbered_from_the_oldest() {
    assertThat(SitePaths.explorePage(ES, 2)).isEqualTo("/es/page/2/");
    assertThat(SitePaths.profilePage(AR, "carol", 4)).isEqualTo("/ar/users/carol/page/4/");
  }

  @Test
  void the_same_page_in_another_language_swaps_only_the_locale_folder() {
    assertThat(SitePaths.inLocale("/es/users/alice/page/2/", AR))
        .isEqualTo("/ar/users/alice/page/2/");
    assertThat(SitePaths.inLocale("/en/", ES)).isEqualTo("/es/");
    assertThat(SitePaths.inLocale("/assets/style.css", ES)).isEqualTo("/assets/style.css");
  }
}
