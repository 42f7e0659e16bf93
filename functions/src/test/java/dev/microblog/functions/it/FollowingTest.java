package dev.microblog.functions.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.SiteLocale;
import dev.microblog.functions.it.Browser.Reply;
import dev.microblog.site.Messages;
import dev.microblog.site.Templates;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Site.class)
class FollowingTest {
  private static final Messages T = Templates.fromClasspath().messages(SiteLocale.EN);

  @Test
  void followingAndUnfollowing(Browser browser, Site.Running site) {
    String me = Site.freshName("fan");
    String star = site.signedUpUser("star");
    browser.signUp(me);

    Reply follow = browser.post("/api/follow/" + star.toUpperCase(), Map.of());

    assertThat(follow.status()).isEqualTo(303);
    assertThat(follow.location()).isEqualTo("/en/users/" + star + "/#followed");
    assertThat(site.item("USER#" + me, "FOLLOWS#" + star)).isNotEmpty();
    assertThat(site.item("USER#" + star, "PROFILE").get("followers").n()).isEqualTo("1");
    assertThat(site.item("USER#" + me, "PROFILE").get("following").n()).isEqualTo("1");

    // Following again (a double click) changes nothing and is no error.
    assertThat(browser.post("/api/follow/" + star, Map.of()).status()).isEqualTo(303);
    assertThat(site.item("USER#" + star, "PROFILE").get("followers").n()).isEqualTo("1");

    Reply unfollow = browser.post("/api/unfollow/" + star, Map.of());

    assertThat(unfollow.status()).isEqualTo(303);
    assertThat(unfollow.location()).isEqualTo("/en/users/" + star + "/#unfollowed");
    assertThat(site.item("USER#" + me, "FOLLOWS#" + star)).isEmpty();
    assertThat(site.item("USER#" + star, "PROFILE").get("followers").n()).isEqualTo("0");
  }

  @Test
  void theScriptGetsJson(Browser browser, Site.Running site) {
    String star = site.signedUpUser("jsonstar");
    browser.signUp(Site.freshName("jsonfan"));

    Reply reply = browser.postForJson("/api/follow/" + star, Map.of());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("ok").asBoolean()).isTrue();
    assertThat(reply.json().get("redirect").asText()).isEqualTo("/en/users/" + star + "/#followed");
  }

  @Test
  void nobodyCanFollowThemselves(Browser browser, Site.Running site) {
    String me = Site.freshName("narcissus");
    browser.signUp(me);
    int before = site.itemCount();

    Reply reply = browser.post("/api/follow/" + me, Map.of());
    Reply json = browser.postForJson("/api/follow/" + me, Map.of());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.html().select("main .error").text()).isEqualTo(T.get("error_follow_self"));
    assertThat(json.status()).isEqualTo(400);
    assertThat(json.json().get("errors").get("form").asText())
        .isEqualTo(T.get("error_follow_self"));
    assertThat(site.itemCount()).isEqualTo(before);
  }

  @Test
  void unknownUsersCannotBeFollowedOrUnfollowed(Browser browser, Site.Running site) {
    browser.signUp(Site.freshName("lonely"));
    int before = site.itemCount();

    Reply follow = browser.post("/api/follow/ghost_user", Map.of());
    Reply unfollow = browser.postForJson("/api/unfollow/ghost_user", Map.of());
    Reply malformed = browser.post("/api/follow/Not%20A%20Name!", Map.of());

    assertThat(follow.status()).isEqualTo(404);
    assertThat(follow.html().select("main .error").text())
        .isEqualTo(T.get("error_no_such_user", "ghost_user"));
    assertThat(unfollow.status()).isEqualTo(404);
    assertThat(unfollow.json().get("errors").get("form").asText())
        .isEqualTo(T.get("error_no_such_user", "ghost_user"));
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(site.itemCount()).isEqualTo(before);
  }

  @Test
  void followingNeedsASession(Browser browser, Site.Running site) {
    String star = site.signedUpUser("unseen");
    int before = site.itemCount();

    Reply reply = browser.post("/api/follow/" + star, Map.of());

    assertThat(reply.status()).isEqualTo(303);
    assertThat(reply.location()).isEqualTo("/en/login/#login-required");
    assertThat(browser.postForJson("/api/unfollow/" + star, Map.of()).status()).isEqualTo(401);
    assertThat(site.itemCount()).isEqualTo(before);
  }
}
