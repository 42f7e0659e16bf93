package dev.microblog.core.store;

import static dev.microblog.core.store.Table.*;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.PostId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Posts. A post claims its author's next number by the condition on its own put (no counter item),
 * so numbers have no gaps, pages stay stable, and a post costs one item write plus its one index
 * entry.
 */
public final class PostStore {
  private static final int MAX_ATTEMPTS = 20;

  private final Table table;

  public PostStore(Table table) {
    this.table = table;
  }

  /** Stores a new post whose language is not known ({@code "und"}): imports, fixtures. */
  public Post create(String author, String body, Instant now) {
    return create(author, body, now, Post.UNDETERMINED);
  }

  /**
   * Stores a new post as its author's next one, written in {@code lang} (a BCP 47 tag, or {@code
   * "und"}).
   *
   * @throws NoSuchUser if the author does not exist
   * @throws Busy if other posts by the same author kept taking the number
   */
  public Post create(String author, String body, Instant now, String lang) {
    if (table.get(userPk(author), PROFILE).isEmpty()) {
      throw new NoSuchUser(author);
    }
    // Names this call's put: when the SDK resends a put whose answer was lost, the second attempt
    // finds the first one's item, and the token tells it the item is its own.
    String token = UUID.randomUUID().toString();
    for (int attempt = 1; ; attempt++) {
      Post post = new Post(author, count(author) + 1, body, now, lang);
      Map<String, AttributeValue> item = postItem(post);
      item.put("token", s(token));
      try {
        table
            .client()
            .putItem(
                p ->
                    p.tableName(table.name())
                        .item(item)
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(
                            ReturnValuesOnConditionCheckFailure.ALL_OLD));
        return post;
      } catch (ConditionalCheckFailedException taken) {
        if (taken.hasItem() && token.equals(str(taken.item(), "token"))) {
          return post;
        }
        if (attempt == MAX_ATTEMPTS) {
          throw new Busy(
              "post number " + post.seq() + " of " + author + " kept being taken", taken);
        }
        // Another post by the same author took the number first: take the next one.
        Transactions.backOff(attempt);
      }
    }
  }

  /** The post's item, with its entry in the site's explore index. */
  static Map<String, AttributeValue> postItem(Post post) {
    Map<String, AttributeValue> item = item(userPk(post.author()), postSk(post.seq()));
    item.put("author", s(post.author()));
    item.put("seq", n(post.seq()));
    item.put("body", s(post.body()));
    item.put("createdAt", s(post.createdAt().toString()));
    item.put("lang", s(post.lang()));
    item.put(
        GSI1_PK,
        s(
            exploreBucket(
                post.createdAt().atOffset(ZoneOffset.UTC).toLocalDate(), exploreShard(post.id()))));
    item.put(GSI1_SK, s(orderKey(post.createdAt(), post.author(), post.seq())));
    return item;
  }

  public Optional<Post> find(String author, long seq) {
    return table.get(userPk(author), postSk(seq)).map(PostStore::toPost);
  }

  /** How many posts the author has written: the number of their newest. */
  public long count(String author) {
    return countOf(table, author);
  }

  static long countOf(Table table, String author) {
    var items =
        table
            .client()
            .query(
                q ->
                    q.tableName(table.name())
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :post)")
                        .expressionAttributeValues(
                            Map.of(":pk", s(userPk(author)), ":post", s(POST)))
                        .projectionExpression("seq")
                        .scanIndexForward(false)
                        .consistentRead(true)
                        .limit(1))
            .items();
    return items.isEmpty() ? 0 : num(items.getFirst(), "seq");
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
            .build(),
        Integer.MAX_VALUE);
  }

  /** These posts, read by key (up to 100 at a time), in the order asked; missing ones left out. */
  public List<Post> byIds(List<PostId> ids) {
    Map<PostId, Post> found = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 100) {
      List<Map<String, AttributeValue>> keys =
          ids.subList(from, Math.min(ids.size(), from + 100)).stream()
              .map(id -> key(userPk(id.author()), postSk(id.seq())))
              .toList();
      Map<String, KeysAndAttributes> request =
          Map.of(table.name(), KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
      while (!request.isEmpty()) {
        var asked = request;
        var response = table.client().batchGetItem(b -> b.requestItems(asked));
        response
            .responses()
            .getOrDefault(table.name(), List.of())
            .forEach(i -> found.put(toPost(i).id(), toPost(i)));
        request = response.unprocessedKeys();
      }
    }
    return ids.stream().map(found::get).filter(Objects::nonNull).toList();
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
    merged.sort(Post.NEWEST_FIRST);
    return merged.subList(0, Math.min(limit, merged.size()));
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
    // Posts written before languages were recorded have no lang: they read as undetermined.
    return new Post(
        str(i, "author"),
        num(i, "seq"),
        str(i, "body"),
        Instant.parse(str(i, "createdAt")),
        str(i, "lang"));
  }
}
