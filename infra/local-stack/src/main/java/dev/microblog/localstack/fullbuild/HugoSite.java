package dev.microblog.localstack.fullbuild;

import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.Post;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The same site as a Hugo project, with the page types our generator writes: explore pages (the
 * home page, paginated), profiles with their paginated archives (the "authors" taxonomy's terms),
 * one page per post, and each user's home timeline (a section per user paginating the newest posts
 * of the user and whom they follow). Lists page by {@link #PAGE_SIZE} as ours do; a timeline keeps
 * {@link #TIMELINE_POSTS} posts as ours does.
 *
 * <p>Each {@link Language} gets its own content folder and i18n strings: pass more languages to
 * build the multilingual site (posts are the same in every language; only the interface is
 * translated).
 */
final class HugoSite {
  static final int PAGE_SIZE = 20;
  static final int TIMELINE_POSTS = 100;

  /** A site language: its code, its name, and the interface strings the layouts ask for. */
  record Language(String code, String name, Map<String, String> strings) {
    static final Language ENGLISH =
        new Language(
            "en",
            "English",
            Map.of(
                "site_name", "Microblog",
                "explore_title", "Explore",
                "nav_explore", "Explore",
                "nav_home", "Home",
                "page_newer", "Newer",
                "page_older", "Older",
                "timeline_heading", "Home of %s",
                "permalink_context", "More posts by this author",
                "not_found", "Page not found"));

    static final Language SPANISH =
        new Language(
            "es",
            "Español",
            Map.of(
                "site_name", "Microblog",
                "explore_title", "Explorar",
                "nav_explore", "Explorar",
                "nav_home", "Inicio",
                "page_newer", "Más recientes",
                "page_older", "Más antiguas",
                "timeline_heading", "Inicio de %s",
                "permalink_context", "Más publicaciones de este autor",
                "not_found", "Página no encontrada"));

    static final Language ARABIC =
        new Language(
            "ar",
            "العربية",
            Map.of(
                "site_name", "مدوّنة مصغّرة",
                "explore_title", "استكشاف",
                "nav_explore", "استكشاف",
                "nav_home", "الرئيسية",
                "page_newer", "أحدث",
                "page_older", "أقدم",
                "timeline_heading", "الصفحة الرئيسية لـ %s",
                "permalink_context", "مزيد من منشورات هذا الكاتب",
                "not_found", "الصفحة غير موجودة"));

    /** The site's languages, as ours renders them. */
    static final List<Language> ALL = List.of(ENGLISH, SPANISH, ARABIC);
  }

  private final BenchSite site;
  private final List<Language> languages;

  HugoSite(BenchSite site, List<Language> languages) {
    this.site = site;
    this.languages = List.copyOf(languages);
  }

  /** Writes config, layouts, i18n and content under {@code dir}. */
  void writeTo(Path dir) throws IOException {
    write(dir.resolve("config.toml"), config());
    layouts(dir.resolve("layouts"));
    for (Language language : languages) {
      StringBuilder i18n = new StringBuilder();
      language
          .strings()
          .forEach(
              (id, text) ->
                  i18n.append(id)
                      .append(" = \"")
                      .append(text.replace("%s", "{{ . }}"))
                      .append("\"\n"));
      write(dir.resolve("i18n/" + language.code() + ".toml"), i18n.toString());
      content(dir.resolve("content/" + language.code()), prefix(language));
    }
  }

  private String config() {
    StringBuilder config = new StringBuilder();
    config.append(
        """
        baseURL = "/"
        title = "Microblog"
        paginate = %d
        disableAliases = true
        disableKinds = ["RSS", "sitemap", "robotsTXT", "taxonomy"]
        ignoreErrors = ["error-disable-taxonomy"]
        defaultContentLanguage = "%s"
        defaultContentLanguageInSubdir = %b
        [taxonomies]
          author = "authors"
        [permalinks]
          authors = "/users/:slug/"
        [outputs]
          home = ["HTML"]
          section = ["HTML"]
          term = ["HTML"]
          page = ["HTML"]
        """
            .formatted(PAGE_SIZE, languages.get(0).code(), languages.size() > 1));
    int weight = 1;
    for (Language language : languages) {
      config.append(
          """
          [languages.%s]
            languageName = "%s"
            contentDir = "content/%s"
            weight = %d
          """
              .formatted(language.code(), language.name(), language.code(), weight++));
    }
    return config.toString();
  }

  /**
   * What a page's {@code url} starts with in this language: Hugo puts a language's pages in its
   * folder ({@code /es/…}) but takes a {@code url} in front matter as it is, so the folder is added
   * here, as ours are under /{locale}/.
   */
  private String prefix(Language language) {
    return languages.size() > 1 ? "/" + language.code() : "";
  }

  private void content(Path content, String prefix) throws IOException {
    write(content.resolve("_index.md"), "---\ntitle: Explore\n---\n");
    write(content.resolve("home/_index.md"), "---\ntitle: Home timelines\n---\n");
    for (NewUser user : site.users()) {
      String name = user.username();
      List<String> authors = new ArrayList<>();
      authors.add(name);
      authors.addAll(site.following().get(name));
      write(
          content.resolve("home/" + name + "/_index.md"),
          "---\ntitle: \"%s\"\ntimeline: true\ntimeline_authors: [%s]\nurl: %s/users/%s/home/\n---\n"
              .formatted(name, String.join(", ", authors), prefix, name));
      // The term page's own front matter: the profile header shows when they joined.
      write(
          content.resolve("authors/" + name + "/_index.md"),
          "---\ntitle: \"%s\"\njoined: %s\n---\n".formatted(name, user.joinedAt()));
    }
    for (Post post : site.posts()) {
      write(
          content.resolve("users/" + post.author() + "/posts/" + post.seq() + ".md"),
          "---\ntitle: \"%s #%d\"\ndate: %s\nauthors: [%s]\nurl: %s/users/%s/posts/%d/\n---\n%s\n"
              .formatted(
                  post.author(),
                  post.seq(),
                  post.createdAt(),
                  post.author(),
                  prefix,
                  post.author(),
                  post.seq(),
                  post.body()));
    }
  }

  private static void layouts(Path layouts) throws IOException {
    write(
        layouts.resolve("_default/baseof.html"),
        """
        <!doctype html>
        <html lang="{{ .Site.Language.Lang }}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{ block "title" . }}{{ .Title }}{{ end }} · {{ i18n "site_name" }}</title>
        <link rel="stylesheet" href="/assets/style.css">
        <script src="/assets/site.js" defer></script>
        </head>
        <body>
        <header class="top">
          <nav>
            <a class="brand" href="/">{{ i18n "site_name" }}</a>
            <a href="/">{{ i18n "nav_explore" }}</a>
            <a href="/api/home">{{ i18n "nav_home" }}</a>
          </nav>
        </header>
        <main id="main">
        {{ block "main" . }}{{ end }}
        </main>
        </body>
        </html>
        """);
    write(
        layouts.resolve("partials/post.html"),
        """
        <article class="post">
          <header>
            <a class="author" href="/users/{{ index .Params.authors 0 }}/">{{ index .Params.authors 0 }}</a>
            <a class="when" href="{{ .RelPermalink }}"><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "January 2, 2006 3:04 PM" }}</time></a>
          </header>
          <p class="body">{{ .Plain }}</p>
        </article>
        """);
    write(
        layouts.resolve("partials/pager.html"),
        """
        {{ if or .HasPrev .HasNext }}
        <nav class="pager">
          {{ with .Prev }}<a class="newer" href="{{ .URL }}">{{ i18n "page_newer" }}</a>{{ end }}
          {{ with .Next }}<a class="older" href="{{ .URL }}">{{ i18n "page_older" }}</a>{{ end }}
        </nav>
        {{ end }}
        """);
    // Explore: every post, newest first (Hugo's default order: the posts' dates rise with their
    // site sequence). The only regular pages are posts.
    write(
        layouts.resolve("index.html"),
        """
        {{ define "title" }}{{ i18n "explore_title" }}{{ end }}
        {{ define "main" }}
        <h1>{{ i18n "explore_title" }}</h1>
        {{ $pager := .Paginate site.RegularPages }}
        {{ range $pager.Pages }}{{ partial "post.html" . }}{{ end }}
        {{ partial "pager.html" $pager }}
        {{ end }}
        """);
    // A profile and its archive pages.
    write(
        layouts.resolve("_default/term.html"),
        """
        {{ define "main" }}
        <header class="profile">
          <h1>{{ .Title }}</h1>
          <p class="joined"><time datetime="{{ .Params.joined }}">{{ .Params.joined }}</time></p>
          <dl class="counts"><div><dt>Posts</dt><dd>{{ len .Pages }}</dd></div></dl>
        </header>
        {{ $pager := .Paginate .Pages }}
        {{ range $pager.Pages }}{{ partial "post.html" . }}{{ end }}
        {{ partial "pager.html" $pager }}
        {{ end }}
        """);
    // Home timelines: the newest posts of the user and of whom they follow. Hugo runs a list's
    // template once per page of it: the partial works the list out once per timeline.
    write(
        layouts.resolve("partials/timeline-posts.html"),
        """
        {{ $posts := first 0 site.RegularPages }}
        {{ range .Params.timeline_authors }}
          {{ with index site.Taxonomies.authors (urlize .) }}{{ $posts = $posts | union .Pages }}{{ end }}
        {{ end }}
        {{ return first %d $posts.ByDate.Reverse }}
        """
            .formatted(TIMELINE_POSTS));
    write(
        layouts.resolve("home/list.html"),
        """
        {{ define "main" }}
        {{ if .Params.timeline }}
        <h1>{{ i18n "timeline_heading" .Title }}</h1>
        {{ $pager := .Paginate (partialCached "timeline-posts.html" . .Lang .Title) }}
        {{ range $pager.Pages }}{{ partial "post.html" . }}{{ end }}
        {{ partial "pager.html" $pager }}
        {{ else }}
        <h1>{{ .Title }}</h1>
        {{ end }}
        {{ end }}
        """);
    write(
        layouts.resolve("_default/single.html"),
        """
        {{ define "main" }}
        <h1>{{ index .Params.authors 0 }}</h1>
        {{ partial "post.html" . }}
        <p><a href="/users/{{ index .Params.authors 0 }}/">{{ i18n "permalink_context" }}</a></p>
        {{ end }}
        """);
    write(
        layouts.resolve("_default/list.html"),
        """
        {{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}
        """);
    write(
        layouts.resolve("404.html"),
        """
        {{ define "main" }}<h1>{{ i18n "not_found" }}</h1>{{ end }}
        """);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
