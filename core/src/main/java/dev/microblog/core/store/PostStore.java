package dev.microblog.core.store;

import static dev.microblog.core.store.Table.*;

import dev.microblog.core.domain.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Posts. Each post takes the next number in its author's sequence and in the site's sequence in the
 * same transaction that stores it, so numbers have no gaps and pages stay stable.
 */
public final class PostStore {
  private static final int MAX_ATTEMPTS = 20;

  private final Table table;

  public PostStore(Table table) {
    this.table = table;
  }

  /**
   * Stores a new post.
   *
   * @throws NoSuchUser if the author does not exist
   */
  public Post create(String author, String body, Instant now) {
    for (int attempt = 1; ; attempt++) {
      long userSeq =
          table
                  .get(userPk(author), PROFILE)
                  .map(i -> num(i, "postCount"))
                  .orElseThrow(() -> new NoSuchUser(author))
              + 1;
      long siteSeq = table.get(SITE, COUNTERS).map(i -> num(i, "postCount")).orElse(0L) + 1;
      Post post = new Post(author, userSeq, siteSeq, body, now);
      try {
        Transactions.write(table, writesFor(post));
        return post;
      } catch (TransactionCanceledException e) {
        // Another post took one of our numbers first (or the author was deleted); read again.
        if (!Transactions.anyConditionFailed(e) || attempt == MAX_ATTEMPTS) {
          throw e;
        }
        if (!table.get(userPk(author), PROFILE).isPresent()) {
          throw new NoSuchUser(author);
        }
        Transactions.backOff(attempt);
      }
    }
  }

  /** The post's item, listed on the site's explore index too. */
  static Map<String, AttributeValue> postItem(Post post) {
    Map<String, AttributeValue> item = item(userPk(post.author()), postSk(post.seq()));
    item.put("author", s(post.author()));
    item.put("seq", n(post.seq()));
    item.put("siteSeq", n(post.siteSeq()));
    item.put("body", s(post.body()));
    item.put("createdAt", s(post.createdAt().toString()));
    item.put(GSI1_PK, s(EXPLORE));
    item.put(GSI1_SK, s(pad(post.siteSeq(), 15)));
    return item;
  }

  private List<TransactWriteItem> writesFor(Post post) {
    Map<String, AttributeValue> item = postItem(post);
    return List.of(
        // A profile always has postCount, so this also fails if the author is gone.
        counterStep(key(userPk(post.author()), PROFILE), post.seq(), null),
        counterStep(key(SITE, COUNTERS), post.siteSeq(), "attribute_not_exists(postCount)"),
        TransactWriteItem.builder()
            .put(
                p ->
                    p.tableName(table.name())
                        .item(item)
                        .conditionExpression("attribute_not_exists(pk)"))
            .build());
  }

  /**
   * Moves a counter from {@code next - 1} to {@code next}, failing if someone else moved it. {@code
   * whenFirst} is the condition that also allows the very first step, when the counter does not
   * exist yet.
   */
  private TransactWriteItem counterStep(
      Map<String, AttributeValue> key, long next, String whenFirst) {
    String condition =
        next == 1 && whenFirst != null
            ? whenFirst + " OR postCount = :previous"
            : "postCount = :previous";
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(table.name())
                    .key(key)
                    .updateExpression("SET postCount = :next")
                    .conditionExpression(condition)
                    .expressionAttributeValues(Map.of(":next", n(next), ":previous", n(next - 1))))
        .build();
  }

  public Optional<Post> find(String author, long seq) {
    return table.get(userPk(author), postSk(seq)).map(PostStore::toPost);
  }

  /** The author's posts numbered {@code from..to} (inclusive), newest first. */
  public List<Post> byAuthor(String author, long from, long to) {
    return query(
        QueryRequest.builder()
            .tableName(table.name())
            .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
            .expressionAttributeValues(
                Map.of(":pk", s(userPk(author)), ":from", s(postSk(from)), ":to", s(postSk(to))))
            .scanIndexForward(false)
            .consistentRead(true)
            .build());
  }

  /** The site's posts numbered {@code from..to} (inclusive), newest first. */
  public List<Post> explore(long from, long to) {
    return query(
        QueryRequest.builder()
            .tableName(table.name())
            .indexName(GSI1)
            .keyConditionExpression("gsi1pk = :explore AND gsi1sk BETWEEN :from AND :to")
            .expressionAttributeValues(
                Map.of(":explore", s(EXPLORE), ":from", s(pad(from, 15)), ":to", s(pad(to, 15))))
            .scanIndexForward(false)
            .build());
  }

  /**
   * The newest {@code limit} posts of each author, merged newest first and cut to {@code limit}.
   */
  public List<Post> latestOf(List<String> authors, int limit) {
    List<Post> merged = new ArrayList<>();
    for (String author : authors) {
      merged.addAll(
          query(
              QueryRequest.builder()
                  .tableName(table.name())
                  .keyConditionExpression("pk = :pk AND begins_with(sk, :post)")
                  .expressionAttributeValues(Map.of(":pk", s(userPk(author)), ":post", s(POST)))
                  .scanIndexForward(false)
                  .consistentRead(true)
                  .limit(limit)
                  .build(),
              limit));
    }
    merged.sort(Comparator.comparingLong(Post::siteSeq).reversed());
    return merged.subList(0, Math.min(limit, merged.size()));
  }

  private List<Post> query(QueryRequest request) {
    return query(request, Integer.MAX_VALUE);
  }

  private List<Post> query(QueryRequest request, int max) {
    List<Post> posts = new ArrayList<>();
    for (var page : table.client().queryPaginator(request)) {
      for (var item : page.items()) {
        posts.add(toPost(item));
        if (posts.size() >= max) {
          return posts;
        }
      }
    }
    return posts;
  }

  static Post toPost(Map<String, AttributeValue> i) {
    return new Post(
        str(i, "author"),
        num(i, "seq"),
        num(i, "siteSeq"),
        str(i, "body"),
        Instant.parse(str(i, "createdAt")));
  }
}
