package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one post costs, end to end through the CDN, the functions, the stream and the generator: the
 * same handful of objects per language and write units whatever the author's follower count, and
 * its place on the explore pages once the minute it was written in is numbered.
 */
@ExtendWith(LocalStackExtension.class)
class PostCostTest {
  private static final Duration SETTLES_WITHIN = Duration.ofSeconds(30);

  /** Objects one post may write in one language (the handful of pages it touches). */
  private static final long PUTS_PER_LOCALE = 8;

  /** The languages every page is written in (en, es, ar). */
  private static final long LOCALES = 3;

  @Test
  void a_post_by_an_author_with_many_followers_stays_within_the_budget(LocalStack stack)
      throws Exception {
    String name = Names.unique("famous");
    SiteClient author = new SiteClient(stack.siteUrl());
    author.signUp(name, name + "@example.org", "long enough");
    Instant now = Instant.now();
    for (int i = 0; i < 120; i++) {
      String reader = name + "_f" + i;
      stack.store().users().create(new NewUser(reader, reader + "@example.org", "h", now));
      stack.store().follows().follow(reader, name, now);
    }
    author.publish("warm-up: every page the next post touches exists");
    PostMeter meter = new PostMeter(stack);
    assertThat(stack.awaitPagesCurrent(SETTLES_WITHIN)).isTrue();
    meter.reset();

    author.publish("seen by 120 followers, written a handful of times");
    assertThat(stack.awaitPagesCurrent(SETTLES_WITHIN)).isTrue();
    PostCost cost = meter.cost(0, 0);

    // The budget is per language: every page the post touches is written once per locale.
    assertThat(cost.puts()).isBetween(LOCALES, PUTS_PER_LOCALE * LOCALES);
    assertThat(cost.invalidationPaths()).isLessThanOrEqualTo(2);
    assertThat(cost.writeUnits()).isLessThanOrEqualTo(3);
  }

  @Test
  void a_post_gets_its_numbered_explore_page_soon_after_it_is_written(LocalStack stack)
      throws Exception {
    String name = Names.unique("numbered");
    SiteClient author = new SiteClient(stack.siteUrl());
    author.signUp(name, name + "@example.org", "long enough");
    String body = "numbered for good: " + name;

    author.publish(body);

    await()
        .atMost(SETTLES_WITHIN)
        .untilAsserted(
            () -> {
              long count = stack.store().explore().progress().orElseThrow().numbered();
              List<Post> newest = stack.store().explore().numbered(Math.max(1, count - 99), count);
              int index = newest.stream().map(Post::body).toList().indexOf(body);
              assertThat(index).isNotNegative();
              long page = (count - index - 1) / 20 + 1;
              assertThat(EndToEndTest.postsOn(author, "/en/page/" + page + "/")).contains(body);
            });
  }
}
