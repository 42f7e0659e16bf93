package dev.microblog.functions.http;

import dev.microblog.functions.account.Sessions;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Gives controllers the signed-in {@link Member}, looked up from the session cookie. */
@Singleton
final class MemberBinder implements TypedRequestArgumentBinder<Member> {
  private final SessionCookies cookies;
  private final Sessions sessions;

  MemberBinder(SessionCookies cookies, Sessions sessions) {
    this.cookies = cookies;
    this.sessions = sessions;
  }

  @Override
  public Argument<Member> argumentType() {
    return Argument.of(Member.class);
  }

  @Override
  public BindingResult<Member> bind(
      ArgumentConversionContext<Member> context, HttpRequest<?> request) {
    Optional<Member> member =
        cookies
            .token(request)
            .flatMap(token -> sessions.user(token).map(user -> new Member(user, token)));
    return member.isPresent() ? () -> member : BindingResult.empty();
  }
}
