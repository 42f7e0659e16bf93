package dev.microblog.functions.http;

/**
 * The signed-in user making a request, resolved from the session cookie by {@link MemberBinder}.
 * Controllers take it as a {@code @Nullable} parameter and call {@link #require} where a session is
 * needed.
 */
public record Member(String username, String sessionToken) {
  /**
   * @throws LoginRequired when there is no signed-in user
   */
  public static Member require(Member member) {
    if (member == null) {
      throw new LoginRequired();
    }
    return member;
  }

  @Override
  public String toString() {
    return "Member[" + username + "]";
  }
}
