package dev.microblog.core.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.change.Change.FollowChanged;
import dev.microblog.core.change.Change.PostChanged;
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
  void a_post_item_carries_both_of_its_numbers() {
    assertThat(
            ChangeDecoder.decode(
                Map.of("pk", "USER#alice", "sk", "POST#0000000042", "siteSeq", "1234")))
        .contains(new PostChanged("alice", 42, 1234));
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
    assertThat(ChangeDecoder.decode(Map.of("pk", "SITE", "sk", "COUNTERS"))).isEmpty();
    assertThat(ChangeDecoder.decode(Map.of())).isEmpty();
  }
}
