package dev.microblog.generator.rendering.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an Atom feed says, in the words of RFC 4287, with every URL absolute. A feed is one list of
 * posts in one language (a profile's, the site's newest) and links back to the page that shows it.
 *
 * @param id the feed's permanent IRI (atom:id); the feed's own URL serves if it never moves
 * @param lang the BCP 47 tag of the feed's language (its xml:lang)
 * @param selfUrl where the feed itself is served (link rel="self")
 * @param alternateUrl the HTML page that shows the same posts (link rel="alternate")
 * @param updated when the newest of its entries last changed
 * @param entries newest first
 */
public record AtomFeed(
    String id,
    String title,
    String lang,
    String selfUrl,
    String alternateUrl,
    Instant updated,
    List<Entry> entries) {
  public AtomFeed {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(selfUrl, "selfUrl");
    Objects.requireNonNull(alternateUrl, "alternateUrl");
    Objects.requireNonNull(updated, "updated");
    entries = List.copyOf(entries);
  }

  /**
   * One post. Its title is not given: a post has none, so the renderer takes the start of its text.
   *
   * @param id the post's permanent IRI (its permalink serves)
   * @param url the post's permalink page (link rel="alternate")
   * @param authorUrl the author's profile page
   * @param text the post as written; characters XML cannot carry are dropped when rendered
   * @param lang the BCP 47 tag of the language the post is written in ({@code und} if unknown)
   */
  public record Entry(
      String id,
      String url,
      String authorName,
      String authorUrl,
      Instant published,
      Instant updated,
      String text,
      String lang) {
    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(authorName, "authorName");
      Objects.requireNonNull(authorUrl, "authorUrl");
      Objects.requireNonNull(published, "published");
      Objects.requireNonNull(updated, "updated");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(lang, "lang");
    }
  }
}
