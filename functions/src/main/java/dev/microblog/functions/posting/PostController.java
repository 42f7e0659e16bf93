package dev.microblog.functions.posting;

import dev.microblog.core.domain.ApiPaths;
import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.SiteLocale;
import dev.microblog.core.domain.SitePaths;
import dev.microblog.core.store.NoSuchUser;
import dev.microblog.functions.Refused;
import dev.microblog.functions.http.LoginRequired;
import dev.microblog.functions.http.Member;
import dev.microblog.functions.http.Replies;
import dev.microblog.site.PageViews;
import dev.microblog.site.Views;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Posting. A new post reaches the static pages a moment later (through the stream and the
 * generator), so the author is sent to {@link ApiPaths#POSTED}, which reads it from the table: they
 * see it at once, and reloading that page posts nothing twice.
 */
@Controller
// Forms only, from the page's script too (it sends the form itself): one way in, one validation.
// A JSON body gets 415 in the site's shape (ErrorPages).
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
final class PostController {
  private final Posting posting;
  private final Replies replies;

  PostController(Posting posting, Replies replies) {
    this.posting = posting;
    this.replies = replies;
  }

  /**
   * JSON answers also carry the post ({@code post}) and its markup ({@code html}), so the page's
   * script can show it without a reload.
   */
  @io.micronaut.http.annotation.Post(ApiPaths.POSTS)
  HttpResponse<?> post(
      HttpRequest<?> request,
      @Nullable Member member,
      @Nullable String body,
      @Nullable String lang) {
    String author = Member.require(member).username();
    var input = new PostInput(body, lang);
    Post post;
    try {
      post = posting.post(author, input, replies.messages(request));
    } catch (Refused refused) {
      return replies.refusedForm(
          request,
          refused,
          "posted",
          draft(replies.locale(request), author, input, refused.errors()));
    } catch (NoSuchUser gone) {
      throw new LoginRequired(); // a session that outlived its account
    }
    Map<String, Object> view = view(request, post);
    return replies.done(
        request,
        replies.inLocale(request, ApiPaths.posted(post.seq())),
        Map.of("post", view, "html", replies.fragment(request, "partials/post", view)));
  }

  /** The confirmation page: the signed-in author's post number {@code seq}. */
  @Get(ApiPaths.POSTED)
  HttpResponse<?> posted(HttpRequest<?> request, @Nullable Member member, String seq) {
    String author = Member.require(member).username();
    Optional<Post> post = parse(seq).flatMap(n -> posting.find(author, n));
    if (post.isEmpty()) {
      return replies.refused(
          request, HttpStatus.NOT_FOUND, replies.messages(request).get("notfound_body"));
    }
    Map<String, Object> view = view(request, post.get());
    if (Replies.wantsJson(request)) {
      return replies.json(
          HttpStatus.OK,
          Map.of(
              "ok", true, "post", view, "html", replies.fragment(request, "partials/post", view)));
    }
    return replies.page(
        request,
        HttpStatus.OK,
        "posted",
        Map.of(
            "post", Views.post(post.get(), replies.locale(request)),
            "timelineUrl", SitePaths.timeline(replies.locale(request), author)));
  }

  /**
   * The post form again ({@code partials/postform}), with the text and language kept and the errors
   * next to their fields.
   */
  private static Map<String, Object> draft(
      SiteLocale locale, String author, PostInput input, Map<String, String> errors) {
    var draft =
        new PageViews.PostForm(input.body(), errors.get("body"), input.lang(), errors.get("lang"));
    return Map.of("draft", draft, "timelineUrl", SitePaths.timeline(locale, author));
  }

  /** The post as the page script and {@code partials/post} see it. */
  private Map<String, Object> view(HttpRequest<?> request, Post post) {
    Views.PostView view = Views.post(post, replies.locale(request));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("author", view.author());
    map.put("seq", post.seq());
    map.put("authorUrl", view.authorUrl());
    map.put("body", view.body());
    map.put("url", view.url());
    map.put("isoTime", view.isoTime());
    map.put("displayTime", view.displayTime());
    map.put("lang", post.lang());
    return map;
  }

  private static Optional<Long> parse(String seq) {
    try {
      long n = Long.parseLong(seq);
      return n > 0 ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
