package dev.microblog.functions.timeline;

import dev.microblog.core.domain.ApiPaths;
import dev.microblog.core.domain.SitePaths;
import dev.microblog.functions.http.Member;
import dev.microblog.functions.http.Replies;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** The way to one's own timeline from any static page. */
@Controller
// The same media types as the other controllers, so /api answers alike whatever the route.
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
final class HomeController {
  private final HomeTimeline home;
  private final Replies replies;

  HomeController(HomeTimeline home, Replies replies) {
    this.home = home;
    this.replies = replies;
  }

  /**
   * The "Home" link of every static page (a page cannot know who reads it, this can), and where a
   * login lands: brings the reader's timeline up to date, then sends them to it.
   */
  @Get(ApiPaths.HOME)
  MutableHttpResponse<?> home(HttpRequest<?> request, @Nullable Member member) {
    String username = Member.require(member).username();
    home.bringUpToDate(username);
    return replies.done(request, SitePaths.timeline(replies.locale(request), username));
  }
}
