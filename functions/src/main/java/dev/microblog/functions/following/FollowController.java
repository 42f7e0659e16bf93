package dev.microblog.functions.following;

import dev.microblog.core.domain.ApiPaths;
import dev.microblog.core.domain.SitePaths;
import dev.microblog.functions.Refused;
import dev.microblog.functions.http.Member;
import dev.microblog.functions.http.Replies;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;

/** The follow and unfollow buttons of a profile page. */
@Controller
// Forms only, from the page's script too (it sends the form itself): one way in, one validation.
// A JSON body gets 415 in the site's shape (ErrorPages).
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
final class FollowController {
  private final Following following;
  private final Replies replies;

  FollowController(Following following, Replies replies) {
    this.following = following;
    this.replies = replies;
  }

  @Post(ApiPaths.FOLLOW)
  HttpResponse<?> follow(HttpRequest<?> request, @Nullable Member member, String username) {
    String me = Member.require(member).username();
    try {
      String followee = following.follow(me, username, replies.messages(request));
      return replies.done(
          request, SitePaths.profile(replies.locale(request), followee) + "#followed");
    } catch (Refused refused) {
      return replies.refused(request, refused);
    }
  }

  @Post(ApiPaths.UNFOLLOW)
  HttpResponse<?> unfollow(HttpRequest<?> request, @Nullable Member member, String username) {
    String me = Member.require(member).username();
    try {
      String followee = following.unfollow(me, username, replies.messages(request));
      return replies.done(
          request, SitePaths.profile(replies.locale(request), followee) + "#unfollowed");
    } catch (Refused refused) {
      return replies.refused(request, refused);
    }
  }
}
