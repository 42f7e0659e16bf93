package dev.microblog.generator.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.microblog.core.change.Change;
import dev.microblog.core.change.Change.FollowChanged;
import dev.microblog.core.change.Change.PostChanged;
import dev.microblog.core.change.Change.UserChanged;
import dev.microblog.core.domain.Pagination;
import dev.microblog.core.domain.Post;
import dev.microblog.generator.planning.PageRef.ExploreFeed;
import dev.microblog.generator.planning.PageRef.ExploreFront;
import dev.microblog.generator.planning.PageRef.ExplorePage;
import dev.microblog.generator.planning.PageRef.FollowingJson;
import dev.microblog.generator.planning.PageRef.Permalink;
import dev.microblog.generator.planning.PageRef.PostsSitemap;
import dev.microblog.generator.planning.PageRef.ProfileFront;
import dev.microblog.generator.planning.PageRef.ProfilePage;
import dev.microblog.generator.planning.PageRef.SitemapIndex;
import dev.microblog.generator.planning.PageRef.Timeline;
import dev.microblog.generator.planning.PageRef.UserFeed;
import dev.microblog.generator.state.SiteSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PagePlannerProperties {
  private static final Pagination PAGES = Pagination.DEFAULT;
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  /** A site: who posted in which order, who follows whom. */
  record Site(int users, List<Integer> postAuthors, Set<List<Integer>> follows) {
    String name(int i) {
      return "user" + i;
    }

    Built build() {
      var builder = SiteSnapshot.builder();
      for (int i = 0; i < users; i++) {
        builder.user(name(i), T0);
      }
      List<Post> posts = new ArrayList<>();
      for (int author : postAuthors) {
        posts.add(builder.post(name(author), "post", T0));
      }
      for (List<Integer> f : follows) {
        builder.follow(name(f.get(0)), name(f.get(1)));
      }
      // All posts are numbered by the time the site is planned.
      builder.seal(T0.plusSeconds(1));
      return new Built(builder.build(), posts);
    }
  }

  record Built(SiteSnapshot state, List<Post> posts) {}

  /** One to six users, one to 130 posts, and any set of follows between distinct users. */
  private static Gen<Site> sites() {
    return integers()
        .between(1, 6)
        .flatMap(
            users -> {
              Gen<List<Integer>> authors =
                  lists().of(integers().between(0, users - 1)).ofSizeBetween(1, 130);
              Gen<List<Integer>> pair =
                  integers()
                      .between(0, users - 1)
                      .zip(
                          integers().between(0, Math.max(0, users - 2)),
                          (a, b) -> List.of(a, b >= a ? b + 1 : b)); // never oneself
              Gen<Set<List<Integer>>> follows = Generate.constant(Set.of());
              if (users >= 2) {
                // Distinct pairs, in the order drawn.
                follows =
                    lists()
                        .of(pair)
                        .ofSizeBetween(0, users * (users - 1))
                        .map(drawn -> new LinkedHashSet<>(drawn));
              }
              return authors.zip(follows, (a, f) -> new Site(users, a, f));
            });
  }

  @Test
  void a_post_plans_its_permalink_profile_page_and_the_fronts() {
    forAnyPost(
        (built, post) -> {
          PagePlan plan = planner(built).plan(changed(post));

          assertThat(plan.pages())
              .contains(
                  new Permalink(post.author(), post.seq()),
                  new ProfilePage(post.author(), pageHolding(post.seq())),
                  new ProfileFront(post.author()),
                  new ExploreFront());
        });
  }

  @Test
  void numbered_posts_plan_the_explore_pages_they_land_on_the_page_before_the_front_and_sitemaps() {
    qt().forAll(integers().between(1, 1_200), integers().between(1, 70))
        .checkAssert(
            (first, count) -> {
              long last = first + count - 1L;
              PagePlan plan =
                  new PagePlanner(SiteSnapshot.builder().build(), PAGES)
                      .plan(new Change.PostsNumbered(first, count));

              Set<PageRef> expected = new LinkedHashSet<>();
              expected.add(new ExploreFront());
              // Page k holds posts 20k-19 .. 20k: every page overlapping first..last.
              for (long k = 1; k <= 70; k++) {
                if (20 * k - 19 <= last && 20 * k >= first) {
                  expected.add(new ExplorePage(k));
                }
              }
              // A run starting a page (21, 41, …) gives the full page before it its "newer" link.
              if (first > 20 && first % 20 == 1) {
                expected.add(new ExplorePage((first - 1) / 20));
              }
              expected.add(new ExploreFeed());
              // Sitemap block b holds posts 1000b+1 .. 1000b+1000; the index grows when one starts.
              for (long b = 0; b <= 1; b++) {
                if (1000 * b + 1 <= last && 1000 * b + 1000 >= first) {
                  expected.add(new PostsSitemap(b));
                }
                if (first <= 1000 * b + 1 && 1000 * b + 1 <= last) {
                  expected.add(new SitemapIndex());
                }
              }
              assertThat(plan.pages()).containsExactlyInAnyOrderElementsOf(expected);
            });
  }

  @Test
  void a_post_plans_its_authors_timeline_and_no_followers() {
    forAnyPost(
        (built, post) -> {
          PagePlan plan = planner(built).plan(changed(post));

          // Followers' timelines are pulled when their owners ask: the cost of a post does not
          // grow with the author's followers.
          assertThat(timelines(plan)).containsExactly(post.author());
        });
  }

  @Test
  void asking_for_ones_timeline_plans_that_timeline_only() {
    PagePlan plan =
        new PagePlanner(SiteSnapshot.builder().user("ann", java.time.Instant.EPOCH).build(), PAGES)
            .plan(new Change.HomeRequested("ann", 42));

    assertThat(plan.pages()).containsExactly(new Timeline("ann"));
  }

  @Test
  void a_post_plans_nothing_else() {
    forAnyPost(
        (built, post) -> {
          long profilePage = pageHolding(post.seq());

          PagePlan plan = planner(built).plan(changed(post));

          for (PageRef ref : plan.pages()) {
            switch (ref) {
              case Permalink p -> assertThat(p).isEqualTo(new Permalink(post.author(), post.seq()));
              case ProfileFront f -> assertThat(f.username()).isEqualTo(post.author());
              case ProfilePage p -> {
                assertThat(p.username()).isEqualTo(post.author());
                assertThat(p.page()).isBetween(profilePage - 1, profilePage);
              }
              case ExploreFront f -> {}
              case ExploreFeed f -> {}
              case UserFeed f -> assertThat(f.username()).isEqualTo(post.author());
              case Timeline t -> {}
              default -> throw new AssertionError("a post does not change " + ref);
            }
          }
        });
  }

  @Test
  void the_first_post_of_a_page_also_plans_the_page_before_it_which_gains_a_newer_link() {
    forAnyPost(
        (built, post) -> {
          long profilePage = pageHolding(post.seq());

          PagePlan plan = planner(built).plan(changed(post));

          assertThat(plan.contains(new ProfilePage(post.author(), profilePage - 1)))
              .isEqualTo(post.seq() > 20 && post.seq() % 20 == 1);
        });
  }

  @Test
  void a_follow_plans_the_followers_timeline_and_list_and_both_profile_fronts() {
    qt().forAll(sites())
        .assuming(site -> site.users() > 1)
        .checkAssert(
            site -> {
              Built built = site.build();
              String follower = site.name(0);
              String followee = site.name(site.users() - 1);

              PagePlan plan = planner(built).plan(new FollowChanged(follower, followee));

              assertThat(plan.pages())
                  .containsExactlyInAnyOrder(
                      new Timeline(follower),
                      new FollowingJson(follower),
                      new ProfileFront(follower),
                      new ProfileFront(followee));
            });
  }

  @Test
  void a_user_change_plans_their_profile_front_feed_timeline_and_following_list() {
    qt().forAll(sites())
        .checkAssert(
            site -> {
              String user = site.name(0);

              PagePlan plan = planner(site.build()).plan(new UserChanged(user));

              assertThat(plan.pages())
                  .containsExactlyInAnyOrder(
                      new ProfileFront(user),
                      new UserFeed(user),
                      new Timeline(user),
                      new FollowingJson(user));
            });
  }

  @Test
  void everything_covers_every_post_and_every_stable_page() {
    qt().forAll(sites())
        .checkAssert(
            site -> {
              Built built = site.build();

              PagePlan plan = planner(built).everything();

              for (Post post : built.posts()) {
                assertThat(plan.pages())
                    .contains(
                        new Permalink(post.author(), post.seq()),
                        new ProfilePage(post.author(), pageHolding(post.seq())));
              }
              for (String user : built.state().usernames()) {
                assertThat(plan.pages())
                    .contains(new ProfileFront(user), new Timeline(user), new FollowingJson(user));
              }
              long explorePages =
                  plan.pages().stream().filter(p -> p instanceof ExplorePage).count();
              assertThat(explorePages).isEqualTo((built.posts().size() + 19) / 20);
            });
  }

  /** Checks a property of each generated site with one of its posts. */
  private static void forAnyPost(BiConsumer<Built, Post> property) {
    qt().forAll(sites(), indexes())
        .checkAssert(
            (site, pick) -> {
              Built built = site.build();
              property.accept(built, built.posts().get(pick % built.posts().size()));
            });
  }

  private static Gen<Integer> indexes() {
    return integers().between(0, 10_000);
  }

  private static PagePlanner planner(Built built) {
    return new PagePlanner(built.state(), PAGES);
  }

  private static PostChanged changed(Post post) {
    return new PostChanged(post.author(), post.seq());
  }

  /** Page k holds posts 20k-19 .. 20k: written out, not asked of the Pagination under test. */
  private static long pageHolding(long seq) {
    return (seq + 19) / 20;
  }

  private static Set<String> timelines(PagePlan plan) {
    return plan.pages().stream()
        .filter(p -> p instanceof Timeline)
        .map(p -> ((Timeline) p).username())
        .collect(Collectors.toSet());
  }
}
