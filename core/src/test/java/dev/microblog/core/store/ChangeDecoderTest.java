package dev.microblog.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.change.Change.FollowChanged;
import dev.microblog.core.change.Change.PostChanged;
import dev.microblog.core.change.Change.PostsNumbered;
import dev.microblog.core.change.Change.UserChanged;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeDecoderTest {

  @Test
  void a_profile_item_is_a_user_change() {
    assertThat(ChangeDecoder.decode(Map.of("pk", "USER#alice", "sk", "PROFILE")))
        .contains(new UserChanged("alice"));
  }

  @Test
  void a_post_item_is_named_by_its_author_and_number() {
    assertThat(ChangeDecoder.decode(Map.of("pk", "USER#alice", "sk", "POST#0000000042")))
        .contains(new PostChanged("alice", 42));
  }

  @Test
  void a_seal_numbers_a_run_of_the_sites_posts() {
    assertThat(
            ChangeDecoder.decode(
                Map.of("pk", "EXPLORE", "sk", "SEAL#000000000000041", "first", "41", "count", "7")))
        .contains(new PostsNumbered(41, 7));
  }

  @Test
  void only_the_forward_follow_edge_is_a_change_so_one_follow_is_one_change() {
    assertThat(ChangeDecoder.decode(Map.of("pk", "USER#alice", "sk", "FOLLOWS#bob")))
        .contains(new FollowChanged("alice", "bob"));
    assertThat(ChangeDecoder.decode(Map.of("pk", "USER#bob", "sk", "FOLLOWER#alice"))).isEmpty();
  }

  @Test
  void items_no_page_shows_are_ignored() {
    assertThat(ChangeDecoder.decode(Map.of("pk", "SESSION#abc", "sk", "SESSION"))).isEmpty();
    assertThat(ChangeDecoder.decode(Map.of("pk", "EMAIL#a@example.org", "sk", "EMAIL"))).isEmpty();
    assertThat(ChangeDecoder.decode(Map.of("pk", "EXPLORE", "sk", "SEALED"))).isEmpty();
    assertThat(ChangeDecoder.decode(Map.of())).isEmpty();
  }
}
