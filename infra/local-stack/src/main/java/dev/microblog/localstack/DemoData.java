package dev.microblog.localstack;

import java.util.List;

/**
 * A small lively site to look at: four people who follow each other and enough posts that the
 * explore pages paginate. Added through the site's own API, so it takes the path real writes take
 * (functions → table → stream → generator → bucket).
 */
final class DemoData {
  static final String PASSWORD = "password123";
  static final List<String> USERS = List.of("alice", "bob", "carol", "dave");

  /** Who follows whom: follower, followee. */
  private static final List<List<String>> FOLLOWS =
      List.of(
          List.of("alice", "bob"),
          List.of("alice", "carol"),
          List.of("bob", "alice"),
          List.of("carol", "alice"),
          List.of("carol", "dave"),
          List.of("dave", "alice"),
          List.of("dave", "bob"));

  private static final List<String> POSTS =
      List.of(
          "Hello, world! First post on the new microblog.",
          "Coffee first, code second.",
          "Does anyone else name their sourdough starter?",
          "Reading about DynamoDB single-table design. My brain hurts, in a good way.",
          "The static pages load so fast I thought the site was broken.",
          "Morning run done: 5 km in the rain. Worth it.",
          "Hot take: tabs vs spaces does not matter if you have a formatter.",
          "Just finished a 1000-piece puzzle. Missing exactly one piece.",
          "Learning to say 'no' to meetings without an agenda.",
          "The cat has claimed the keyboard. Work is over for today.",
          "New blog theme: fewer colours, more whitespace.",
          "Tried the new ramen place downtown. Ten out of ten.",
          "Today's small win: deleted more code than I wrote.",
          "Who else keeps a notebook of ideas they will never build?",
          "Rainy Sunday, good book, no plans. Perfect.",
          "The bus was on time. I am suspicious.",
          "Trying to read one paper a week this year. Week 3 and counting.",
          "If it hurts, do it more often: deploys, backups, calling my mother.",
          "Planted tomatoes on the balcony. Wish them luck.",
          "Caching is easy. Invalidation is the other half of the job.",
          "Found my old Game Boy. It still works, batteries and all.",
          "Reminder: drink water, stretch, look away from the screen.",
          "Made pancakes for the whole street. Now I am famous.",
          "A good error message is a gift to your future self.",
          "The sunset tonight was unreasonably orange.",
          "Finally fixed the squeaky door. Life is different now.",
          "Half of programming is naming things, the other half is renaming them.",
          "Started learning the guitar. The neighbours are being very kind.",
          "Tea is just hot leaf water and I love it.",
          "Writing tests first again. It keeps me honest.",
          "Weekend project: a bird feeder with a camera.",
          "Good night, microblog. See you tomorrow.");

  private DemoData() {}

  static void seed(SiteClient anonymous) {
    var people =
        USERS.stream()
            .map(
                name -> {
                  SiteClient client = new SiteClient(anonymous.site());
                  client.signUp(name, name + "@example.org", PASSWORD);
                  return client;
                })
            .toList();
    for (List<String> edge : FOLLOWS) {
      people.get(USERS.indexOf(edge.get(0))).follow(edge.get(1));
    }
    for (int i = 0; i < POSTS.size(); i++) {
      people.get(i % people.size()).publish(POSTS.get(i));
    }
  }
}
