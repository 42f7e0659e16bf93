package dev.microblog.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same seeded site written once through the stores, one call at a time, and once through {@link
 * SiteImport}: both tables read the same, and one Scan of either finds exactly what the queries
 * find.
 */
class SiteImportTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static Store written;
  private static Store imported;
  private static List<String> names;

  @BeforeAll
  static void writeTheSameSiteTwice() {
    written = TestTable.freshStore();
    imported = TestTable.freshStore();
    Random random = new Random(7);
    names = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      names.add("user" + i);
    }
    try (SiteImport importer = imported.importer()) {
      for (int i = 0; i < names.size(); i++) {
        NewUser user =
            new NewUser(names.get(i), names.get(i) + "@example.org", "hash", T0.plusSeconds(i));
        written.users().create(user);
        importer.user(user);
      }
      for (String follower : names) {
        List<String> others = new ArrayList<>(names);
        others.remove(follower);
        Collections.shuffle(others, random);
        for (String followee : others.subList(0, 3)) {
          Instant at = T0.plusSeconds(100);
          written.follows().follow(follower, followee, at);
          importer.follow(follower, followee, at);
        }
      }
      for (int i = 0; i < 45; i++) {
        String author = names.get(random.nextInt(names.size()));
        Instant at = T0.plusSeconds(1000 + i);
        Post stored = written.posts().create(author, "post " + i, at);
        assertThat(importer.post(author, "post " + i, at)).isEqualTo(stored);
      }
    }
    // The generator would number the written posts once their minutes are past.
    written.explore().sealUpTo(T0.plusSeconds(2000));
  }

  @Test
  void anImportedSiteReadsAsTheSameSiteWrittenCallByCall() {
    assertThat(imported.explore().progress().orElseThrow().numbered()).isEqualTo(45);
    assertThat(imported.users().allUsernames()).isEqualTo(written.users().allUsernames());
    for (String name : names) {
      assertThat(imported.users().find(name)).isEqualTo(written.users().find(name));
      assertThat(imported.users().emailTaken(name + "@example.org")).isTrue();
      assertThat(imported.follows().following(name)).isEqualTo(written.follows().following(name));
      assertThat(imported.follows().followers(name)).isEqualTo(written.follows().followers(name));
      assertThat(imported.posts().byAuthor(name, 1, 100))
          .isEqualTo(written.posts().byAuthor(name, 1, 100));
    }
    assertThat(imported.explore().numbered(1, 45)).isEqualTo(written.explore().numbered(1, 45));
    assertThat(TestTable.itemCount(imported)).isEqualTo(TestTable.itemCount(written));
  }

  @Test
  void aSegmentedScanFindsEveryUserPostAndEdgeOnce() {
    for (int segments : new int[] {1, 4}) {
      var users = new ConcurrentHashMap<String, User>();
      var posts = Collections.synchronizedList(new ArrayList<Post>());
      var edges = Collections.synchronizedList(new ArrayList<String>());
      var seals = Collections.synchronizedList(new ArrayList<ExploreStore.Seal>());
      AtomicLong numbered = new AtomicLong(-1);
      written.scanSite(
          segments,
          new SiteScan.Visitor() {
            public void user(User user) {
              assertThat(users.put(user.username(), user)).isNull();
            }

            public void post(Post post) {
              posts.add(post);
            }

            public void follow(String follower, String followee) {
              edges.add(follower + ">" + followee);
            }

            public void seal(ExploreStore.Seal seal) {
              seals.add(seal);
            }

            public void progress(ExploreStore.Progress progress) {
              numbered.set(progress.numbered());
            }
          });
      assertThat(numbered.get()).isEqualTo(45);
      assertThat(seals).extracting(ExploreStore.Seal::first).containsExactly(1L);
      assertThat(posts).containsExactlyInAnyOrderElementsOf(written.explore().numbered(1, 45));
      List<String> expectedEdges = new ArrayList<>();
      for (String name : names) {
        User found = written.users().find(name).orElseThrow();
        assertThat(users.get(name))
            .isEqualTo(
                new User(
                    name,
                    found.joinedAt(),
                    found.about(),
                    0,
                    found.followers(),
                    found.following()));
        written.follows().following(name).forEach(f -> expectedEdges.add(name + ">" + f));
      }
      assertThat(users).hasSize(names.size());
      assertThat(edges).containsExactlyInAnyOrderElementsOf(expectedEdges);
    }
  }
}
