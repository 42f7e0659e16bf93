package dev.microblog.functions.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.SiteLocale;
import dev.microblog.site.Messages;
import dev.microblog.site.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignupInputTest {
  private static final Messages T = Templates.fromClasspath().messages(SiteLocale.EN);
  private static final String PASSWORD = "correct horse";

  @Test
  void aGoodFormHasNoErrors() {
    assertThat(new SignupInput("alice", "alice@example.org", PASSWORD).errors(T)).isEmpty();
  }

  @Test
  void usernamesAreTrimmedAndLowerCased() {
    var input = new SignupInput("  Alice_01 ", "alice@example.org", PASSWORD);
    assertThat(input.errors(T)).isEmpty();
    assertThat(input.normalizedUsername()).isEqualTo("alice_01");
  }

  @Test
  void missingFieldsAreRequired() {
    assertThat(new SignupInput(null, " ", "").errors(T))
        .containsEntry("username", T.get("error_required"))
        .containsEntry("email", T.get("error_required"))
        .containsEntry("password", T.get("error_required"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "a_name_that_is_thirty_one_chars",
        "white space",
        "dash-ed",
        "ümlaut",
        "a.b"
      })
  void usernamesOutsideTheRulesAreRefused(String username) {
    assertThat(new SignupInput(username, "a@example.org", PASSWORD).errors(T))
        .containsOnlyKeys("username")
        .containsEntry("username", T.get("error_username_format", 3, 30));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "a_name_that_is__thirty_chars_"})
  void usernamesOfThreeToThirtyCharactersAreAccepted(String username) {
    assertThat(username.length()).isBetween(3, 30);
    assertThat(new SignupInput(username, "a@example.org", PASSWORD).errors(T)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plainaddress",
        "@example.org",
        "alice@",
        "alice@localhost",
        "alice@@example.org",
        "al ice@example.org",
        "alice@exa mple.org",
        "alice@example..org",
        "alice@.example.org",
        "alice@example.org."
      })
  void malformedAddressesAreRefused(String email) {
    assertThat(new SignupInput("alice", email, PASSWORD).errors(T))
        .containsOnlyKeys("email")
        .containsEntry("email", T.get("error_email_format"));
  }

  @Test
  void addressesAreTrimmedAndMayHaveSubdomainsAndPlusTags() {
    var input = new SignupInput("alice", "  Alice+blog@mail.example.co.uk ", PASSWORD);
    assertThat(input.errors(T)).isEmpty();
    assertThat(input.normalizedEmail()).isEqualTo("Alice+blog@mail.example.co.uk");
  }

  @Test
  void addressesLongerThan254CharactersAreRefused() {
    String at254 = "a".repeat(254 - "@example.org".length()) + "@example.org";
    assertThat(new SignupInput("alice", at254, PASSWORD).errors(T)).isEmpty();
    assertThat(new SignupInput("alice", "a" + at254, PASSWORD).errors(T))
        .containsEntry("email", T.get("error_email_too_long", 254));
  }

  @Test
  void passwordsNeedEightCharactersAndAtMost128() {
    assertThat(new SignupInput("alice", "a@example.org", "1234567").errors(T))
        .containsEntry("password", T.get("error_password_short", 8));
    assertThat(new SignupInput("alice", "a@example.org", "12345678").errors(T)).isEmpty();
    assertThat(new SignupInput("alice", "a@example.org", "x".repeat(128)).errors(T)).isEmpty();
    assertThat(new SignupInput("alice", "a@example.org", "x".repeat(129)).errors(T))
        .containsEntry("password", T.get("error_password_long", 128));
  }

  @Test
  void theKeptInputNeverHoldsThePassword() {
    var input = new SignupInput("Alice", "a@example.org", PASSWORD);
    assertThat(input.kept()).containsOnlyKeys("username", "email").doesNotContainValue(PASSWORD);
    assertThat(input.toString()).doesNotContain(PASSWORD).doesNotContain("a@example.org");
  }
}
