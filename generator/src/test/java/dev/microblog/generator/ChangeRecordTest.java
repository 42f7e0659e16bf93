package dev.microblog.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.change.Change.FollowChanged;
import dev.microblog.core.change.Change.PostChanged;
import dev.microblog.core.change.Change.UserChanged;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeRecordTest {
  private static final Map<String, String> ALICE = Map.of("pk", "USER#alice", "sk", "PROFILE");

  private static Map<String, String> profile(String about, long following, long followers) {
    Map<String, String> item = new HashMap<>(ALICE);
    item.put("username", "alice");
    item.put("about", about);
    item.put("followers", Long.toString(followers));
    item.put("following", Long.toString(following));
    return item;
  }

  @Test
  void a_new_post_is_decoded_with_its_author_and_number() {
    Map<String, String> key = Map.of("pk", "USER#alice", "sk", "POST#0000000042");
    Map<String, String> image = new HashMap<>(key);
    image.put("body", "hello");

    var record = new ChangeRecord("1", "INSERT", key, image, Map.of());

    assertThat(record.change()).contains(new PostChanged("alice", 42));
  }

  @Test
  void a_removal_is_decoded_from_the_keys_and_old_image() {
    Map<String, String> key = Map.of("pk", "USER#bob", "sk", "FOLLOWS#alice");

    var record = new ChangeRecord("1", "REMOVE", key, Map.of(), key);

    assertThat(record.change()).contains(new FollowChanged("bob", "alice"));
  }

  @Test
  void a_profile_whose_counters_alone_moved_changes_no_page_by_itself() {
    var record = new ChangeRecord("1", "MODIFY", ALICE, profile("", 3, 1), profile("", 2, 0));

    assertThat(record.change()).isEmpty();
  }

  @Test
  void a_profile_whose_shown_fields_changed_is_a_user_change() {
    var edited = new ChangeRecord("1", "MODIFY", ALICE, profile("hi", 2, 0), profile("", 2, 0));
    var created = new ChangeRecord("2", "INSERT", ALICE, profile("", 0, 0), Map.of());

    assertThat(edited.change()).contains(new UserChanged("alice"));
    assertThat(created.change()).contains(new UserChanged("alice"));
  }

  @Test
  void without_an_old_image_a_profile_change_is_taken_as_a_user_change() {
    var record = new ChangeRecord("1", "MODIFY", ALICE, profile("", 3, 1), Map.of());

    assertThat(record.change()).contains(new UserChanged("alice"));
  }

  @Test
  void sessions_numbering_progress_and_email_claims_change_no_page() {
    Map<String, String> session = Map.of("pk", "SESSION#abc", "sk", "SESSION");
    Map<String, String> counters = Map.of("pk", "EXPLORE", "sk", "SEALED");
    Map<String, String> email = Map.of("pk", "EMAIL#a@example.org", "sk", "EMAIL");

    assertThat(new ChangeRecord("1", "INSERT", session, session, Map.of()).change()).isEmpty();
    assertThat(new ChangeRecord("2", "MODIFY", counters, counters, counters).change()).isEmpty();
    assertThat(new ChangeRecord("3", "INSERT", email, email, Map.of()).change()).isEmpty();
  }
}
