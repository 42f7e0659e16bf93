package dev.microblog.functions.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.SiteLocale;
import dev.microblog.site.Messages;
import dev.microblog.site.Templates;
import org.junit.jupiter.api.Test;

class LoginInputTest {
  private static final Messages T = Templates.fromClasspath().messages(SiteLocale.EN);

  @Test
  void bothFieldsAreRequired() {
    assertThat(new LoginInput(" ", null).errors(T))
        .containsEntry("username", T.get("error_required"))
        .containsEntry("password", T.get("error_required"));
  }

  @Test
  void usernamesAreCaseInsensitive() {
    assertThat(new LoginInput(" Alice ", "secret").normalizedUsername()).isEqualTo("alice");
  }

  @Test
  void onlyTheUsernameIsKept() {
    var input = new LoginInput("alice", "s3cret-words");
    assertThat(input.kept()).containsOnlyKeys("username");
    assertThat(input.toString()).doesNotContain("s3cret-words");
  }
}
