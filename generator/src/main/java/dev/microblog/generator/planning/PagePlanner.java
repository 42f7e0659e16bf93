package dev.microblog.generator.planning;

import dev.microblog.core.change.Change;
import dev.microblog.core.change.Change.FollowChanged;
import dev.microblog.core.change.Change.HomeRequested;
import dev.microblog.core.change.Change.PostChanged;
import dev.microblog.core.change.Change.PostsNumbered;
import dev.microblog.core.change.Change.UserChanged;
import dev.microblog.core.domain.Pagination;
import dev.microblog.generator.planning.PageRef.Assets;
import dev.microblog.generator.planning.PageRef.ExploreFeed;
import dev.microblog.generator.planning.PageRef.ExploreFront;
import dev.microblog.generator.planning.PageRef.ExplorePage;
import dev.microblog.generator.planning.PageRef.FollowingJson;
import dev.microblog.generator.planning.PageRef.Permalink;
import dev.microblog.generator.planning.PageRef.PostsSitemap;
import dev.microblog.generator.planning.PageRef.ProfileFront;
import dev.microblog.generator.planning.PageRef.ProfilePage;
import dev.microblog.generator.planning.PageRef.RootFiles;
import dev.microblog.generator.planning.PageRef.SitePage;
import dev.microblog.generator.planning.PageRef.SitemapIndex;
import dev.microblog.generator.planning.PageRef.Timeline;
import dev.microblog.generator.planning.PageRef.UserFeed;
import dev.microblog.generator.state.SiteState;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Works out which pages a change affects: exactly those, so the cost of a write does not grow with
 * the size of the site. Pure apart from the few reads through {@link SiteState}.
 */
public final class PagePlanner {
  private final SiteState state;
  private final Pagination pagination;

  public PagePlanner(SiteState state, Pagination pagination) {
    this.state = state;
    this.pagination = pagination;
  }

  public PagePlan plan(Change change) {
    Set<PageRef> pages = new LinkedHashSet<>();
    switch (change) {
      case PostChanged post -> post(post, pages);
      case PostsNumbered numbered -> numbered(numbered, pages);
      case UserChanged user -> {
        pages.add(new ProfileFront(user.username()));
        pages.add(new UserFeed(user.username()));
        pages.add(new Timeline(user.username()));
        pages.add(new FollowingJson(user.username()));
      }
      // Only the asker's timeline: a follower's is pulled when its owner visits (TimelineStore).
      case HomeRequested home -> pages.add(new Timeline(home.username()));
      case FollowChanged follow -> {
        pages.add(new Timeline(follow.follower()));
        pages.add(new FollowingJson(follow.follower()));
        pages.add(new ProfileFront(follow.follower()));
        pages.add(new ProfileFront(follow.followee()));
      }
    }
    return new PagePlan(pages);
  }

  /**
   * A post lands on the last stable page of its author's profile and on the fronts (profile,
   * explore, the author's own timeline). When it is the first post of a stable page, the page
   * before gains its "newer" link. Its explore pages follow when it is numbered ({@link
   * PostsNumbered}).
   */
  private void post(PostChanged post, Set<PageRef> pages) {
    String author = post.author();
    pages.add(new Permalink(author, post.seq()));
    pages.add(new ProfileFront(author));
    long profilePage = pagination.pageOf(post.seq());
    pages.add(new ProfilePage(author, profilePage));
    if (startsPage(post.seq())) {
      pages.add(new ProfilePage(author, profilePage - 1));
    }
    pages.add(new ExploreFront());
    pages.add(new UserFeed(author));
    pages.add(new ExploreFeed());
    // The author's own timeline, and no one else's: followers' timelines are brought up to date
    // when their owners ask (/api/home), so a post costs the same for 10 followers or 100,000.
    pages.add(new Timeline(author));
  }

  /**
   * Numbered posts fill the explore pages they land on (and the page before gains its "newer"
   * link); the front's older half comes from the numbered posts too.
   */
  private void numbered(PostsNumbered numbered, Set<PageRef> pages) {
    if (numbered.count() < 1) {
      return;
    }
    long first = pagination.pageOf(numbered.first());
    long last = pagination.pageOf(numbered.first() + numbered.count() - 1);
    if (startsPage(numbered.first())) {
      pages.add(new ExplorePage(first - 1));
    }
    for (long k = first; k <= last; k++) {
      pages.add(new ExplorePage(k));
    }
    pages.add(new ExploreFront());
    pages.add(new ExploreFeed());
    // The sitemap blocks the numbers land in; the index lists one more block when a block starts.
    long newest = numbered.first() + numbered.count() - 1;
    long firstBlock = (numbered.first() - 1) / PostsSitemap.SIZE;
    long lastBlock = (newest - 1) / PostsSitemap.SIZE;
    for (long b = firstBlock; b <= lastBlock; b++) {
      pages.add(new PostsSitemap(b));
    }
    if ((numbered.first() - 1) % PostsSitemap.SIZE == 0 || firstBlock != lastBlock) {
      pages.add(new SitemapIndex());
    }
  }

  private boolean startsPage(long seq) {
    return seq > pagination.pageSize() && pagination.firstSeq(pagination.pageOf(seq)) == seq;
  }

  /** An empty list has its front only: page 1 appears with the first post. */
  private long stablePages(long count) {
    return count == 0 ? 0 : pagination.pageCount(count);
  }

  /** Every page of the site, for a full rebuild. */
  public PagePlan everything() {
    Set<PageRef> pages = new LinkedHashSet<>();
    pages.add(new Assets());
    pages.add(SitePage.SIGNUP);
    pages.add(SitePage.LOGIN);
    pages.add(SitePage.NOT_FOUND);
    pages.add(new RootFiles());
    pages.add(new SitemapIndex());
    pages.add(new ExploreFront());
    pages.add(new ExploreFeed());
    long numbered = state.numberedCount();
    for (long b = 0; b * PostsSitemap.SIZE < numbered; b++) {
      pages.add(new PostsSitemap(b));
    }
    for (long k = 1; k <= stablePages(state.numberedCount()); k++) {
      pages.add(new ExplorePage(k));
    }
    for (String name : state.usernames()) {
      long posts = state.user(name).map(u -> u.postCount()).orElse(0L);
      pages.add(new ProfileFront(name));
      pages.add(new UserFeed(name));
      for (long k = 1; k <= stablePages(posts); k++) {
        pages.add(new ProfilePage(name, k));
      }
      pages.add(new Timeline(name));
      pages.add(new FollowingJson(name));
      for (long seq = 1; seq <= posts; seq++) {
        pages.add(new Permalink(name, seq));
      }
    }
    return new PagePlan(pages);
  }
}
