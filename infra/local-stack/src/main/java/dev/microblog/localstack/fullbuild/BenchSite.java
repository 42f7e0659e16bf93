package dev.microblog.localstack.fullbuild;

import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.Post;
import dev.microblog.core.store.SiteImport;
import dev.microblog.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated site, the same for the same seed: users, whom each follows, and posts numbered as the
 * store numbers them. Loaded into the table for our generator and written out as content for Hugo,
 * so both build the same site.
 */
record BenchSite(List<NewUser> users, Map<String, List<String>> following, List<Post> posts) {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] WORDS =
      ("the a static site page post follow timeline coffee morning rain build fast small lean"
              + " table stream render template cache edge bucket reader writer today tomorrow"
              + " garden river city train book music night code test bench profile explore home")
          .split(" ");

  static BenchSite generate(int postCount, int userCount, int follows, long seed) {
    Random random = new Random(seed);
    List<NewUser> users = new ArrayList<>(userCount);
    List<String> names = new ArrayList<>(userCount);
    for (int i = 1; i <= userCount; i++) {
      String name = String.format("user%05d", i);
      names.add(name);
      users.add(new NewUser(name, name + "@example.org", "bench-hash", T0.plusSeconds(60L * i)));
    }
    Map<String, List<String>> following = new HashMap<>();
    int each = Math.min(follows, userCount - 1);
    for (String follower : names) {
      List<String> picked = new ArrayList<>(each);
      while (picked.size() < each) {
        String followee = names.get(random.nextInt(userCount));
        if (!followee.equals(follower) && !picked.contains(followee)) {
          picked.add(followee);
        }
      }
      Collections.sort(picked);
      following.put(follower, List.copyOf(picked));
    }
    Map<String, Long> perAuthor = new HashMap<>();
    List<Post> posts = new ArrayList<>(postCount);
    Instant first = T0.plus(Duration.ofDays(30));
    for (int i = 1; i <= postCount; i++) {
      String author = names.get(random.nextInt(userCount));
      long seq = perAuthor.merge(author, 1L, Long::sum);
      posts.add(new Post(author, seq, body(random), first.plusSeconds(37L * i)));
    }
    return new BenchSite(List.copyOf(users), following, List.copyOf(posts));
  }

  private static String body(Random random) {
    int words = 5 + random.nextInt(26);
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < words; w++) {
      text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.append('.').toString();
  }

  /** Writes the site into an empty table through the store's importer. */
  void load(Store store) {
    try (SiteImport importer = store.importer()) {
      users.forEach(importer::user);
      for (NewUser user : users) {
        for (String followee : following.get(user.username())) {
          importer.follow(user.username(), followee, user.joinedAt().plusSeconds(1));
        }
      }
      for (Post post : posts) {
        Post stored = importer.post(post.author(), post.body(), post.createdAt());
        if (!stored.equals(post)) {
          throw new IllegalStateException("the importer numbered " + stored + " unlike " + post);
        }
      }
    }
  }
}
