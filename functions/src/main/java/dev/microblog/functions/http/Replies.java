package dev.microblog.functions.http;

import dev.microblog.core.domain.SiteLocale;
import dev.microblog.core.domain.SitePaths;
import dev.microblog.functions.Refused;
import dev.microblog.site.Messages;
import dev.microblog.site.Templates;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every answer the functions give, in the two forms they give it: HTML for a plain form post (a 303
 * redirect, or the page again with the errors) and JSON for the page's script, which asks with
 * {@code Accept: application/json} ({@code {"ok":true,"redirect":…}} or {@code
 * {"errors":{field:message}}}, with the same status codes).
 */
@Singleton
public final class Replies {
  private static final MediaType HTML =
      new MediaType(MediaType.TEXT_HTML, Map.of("charset", StandardCharsets.UTF_8.name()));

  private final Templates templates;
  private final JsonMapper json;

  public Replies(Templates templates, JsonMapper json) {
    this.templates = templates;
    this.json = json;
  }

  /**
   * The language to answer in. A page's forms say theirs ({@code ?locale=}, see Templates); a page
   * the bucket lacks names it in its path ({@code /es/…}: the edge sends every reader page to a
   * locale's folder); else the reader's choice, as the edge makes it ({@link
   * SiteLocale#negotiate}).
   */
  public SiteLocale locale(HttpRequest<?> request) {
    Optional<SiteLocale> asked = request.getParameters().getFirst("locale").flatMap(SiteLocale::of);
    if (asked.isPresent()) {
      return asked.get();
    }
    String path = request.getPath();
    for (SiteLocale l : SiteLocale.ALL) {
      if (path.startsWith(SitePaths.root(l))) {
        return l;
      }
    }
    return SiteLocale.negotiate(
        CookieHeader.value(request.getHeaders().getAll(HttpHeaders.COOKIE), SiteLocale.COOKIE)
            .orElse(null),
        request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
  }

  /**
   * A page of the functions ({@code /api/home}, {@code /api/posted/…}) to send the reader on to,
   * asked for in this request's language the way the pages' links ask ({@code ?locale=}): without
   * it, a login from a Spanish page would land on the timeline of the reader's browser language.
   */
  public String inLocale(HttpRequest<?> request, String apiPath) {
    return apiPath + "?locale=" + locale(request).tag();
  }

  public Messages messages(HttpRequest<?> request) {
    return templates.messages(locale(request));
  }

  /**
   * Only a request that names JSON itself gets JSON: browsers send {@code *}{@code /*} too, and a
   * form post from a browser must get a page.
   */
  public static boolean wantsJson(HttpRequest<?> request) {
    return request.accept().stream()
        .anyMatch(type -> type.getName().equalsIgnoreCase(MediaType.APPLICATION_JSON));
  }

  /** Success: 303 to {@code location}, or 200 with {@code {"ok":true,"redirect":…, …extra}}. */
  public MutableHttpResponse<?> done(
      HttpRequest<?> request, String location, Map<String, Object> extra) {
    if (!wantsJson(request)) {
      return redirect(location);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", true);
    body.put("redirect", location);
    body.putAll(extra);
    return json(HttpStatus.OK, body);
  }

  /** A 303 whatever the request asked for (e.g. to the login form). */
  public MutableHttpResponse<?> redirect(String location) {
    return noStore(HttpResponse.seeOther(URI.create(location)));
  }

  public MutableHttpResponse<?> done(HttpRequest<?> request, String location) {
    return done(request, location, Map.of());
  }

  /** A refused form: the form page again (with the model built around the errors), or JSON. */
  public MutableHttpResponse<?> refusedForm(
      HttpRequest<?> request, Refused refused, String template, Map<String, ?> model) {
    HttpStatus status = HttpStatus.valueOf(refused.reason().status());
    return wantsJson(request)
        ? errors(status, refused.errors())
        : page(request, status, template, model);
  }

  /** A refusal with no form to show again: the error page with the first message, or JSON. */
  public MutableHttpResponse<?> refused(HttpRequest<?> request, Refused refused) {
    return refused(
        request,
        HttpStatus.valueOf(refused.reason().status()),
        refused.errors().values().iterator().next(),
        refused.errors());
  }

  /** A refusal of the whole request (error key {@code form}). */
  public MutableHttpResponse<?> refused(HttpRequest<?> request, HttpStatus status, String message) {
    return refused(request, status, message, Map.of("form", message));
  }

  private MutableHttpResponse<?> refused(
      HttpRequest<?> request, HttpStatus status, String message, Map<String, String> errors) {
    if (wantsJson(request)) {
      return errors(status, errors);
    }
    return page(
        request,
        status,
        "error",
        Map.of("message", message, "back", SitePaths.explore(locale(request))));
  }

  public MutableHttpResponse<String> page(
      HttpRequest<?> request, HttpStatus status, String template, Map<String, ?> model) {
    return noStore(
        HttpResponse.<String>status(status)
            .contentType(HTML)
            .body(templates.render(template, locale(request), null, model)));
  }

  /** Renders a template for embedding in JSON (a partial, e.g. a post the script inserts). */
  public String fragment(HttpRequest<?> request, String template, Map<String, ?> model) {
    return templates.render(template, locale(request), null, model);
  }

  public MutableHttpResponse<?> errors(HttpStatus status, Map<String, String> errors) {
    return json(status, Map.of("errors", errors));
  }

  /**
   * Encoded here rather than by the framework, so a response made in a filter (before any route is
   * chosen) gets its body too.
   */
  public MutableHttpResponse<String> json(HttpStatus status, Map<String, ?> body) {
    try {
      return noStore(
          HttpResponse.<String>status(status)
              .contentType(MediaType.APPLICATION_JSON_TYPE)
              .body(json.writeValueAsString(body)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every answer is about one reader at one moment: no cache may keep it. */
  private static <T> MutableHttpResponse<T> noStore(MutableHttpResponse<T> response) {
    return response.header(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}
