package dev.microblog.core.store;

import static dev.microblog.core.store.Table.*;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.PostId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The site's posts in one order, numbered without a counter any post writes. A post's index entry
 * lands in one of {@link Table#EXPLORE_SHARDS} partitions of its day; once a minute is past, with
 * room for writes still in flight, the generator <em>seals</em> it: reads that minute's entries,
 * numbers them after the ones before and writes the numbers in a few {@code SEAL#} items (one per
 * {@value #SEAL_POSTS} posts). Numbered pages are read from seals, so they never change; posts not
 * sealed yet are the newest and show on the explore front.
 */
public final class ExploreStore {
  /** Posts one seal item lists: about 20 KB, so the item stays far below DynamoDB's 400 KB. */
  static final int SEAL_POSTS = 1000;

  /** Seal items one step writes at most (a step of 99,000 posts; a busier one takes several). */
  private static final int SEALS_PER_STEP = 99;

  /**
   * Where numbering starts on a table no seal has been written to: posts older than this when the
   * first seal is made are never numbered. Only an import writes such posts, and it seals them
   * itself ({@link SiteImport}).
   */
  static final Duration FIRST_LOOKBACK = Duration.ofDays(7);

  /**
   * The longest stretch one step walks (8 queries a day): after the generator was stopped for
   * longer, each step (one a minute) catches up this much.
   */
  private static final Duration LONGEST_STEP = Duration.ofDays(31);

  private final Table table;
  private final PostStore posts;
  private final ExploreIndex index;

  ExploreStore(Table table, PostStore posts) {
    this.table = table;
    this.posts = posts;
    this.index = new ExploreIndex(table);
  }

  /** Posts written before {@code until} are numbered {@code 1..next-1}. */
  public record Progress(Instant until, long next) {
    public long numbered() {
      return next - 1;
    }
  }

  /** Posts {@code first..first+posts.size()-1}, oldest first. */
  public record Seal(long first, List<PostId> posts) {
    public long last() {
      return first + posts.size() - 1;
    }
  }

  /** How far numbering has got; on a table without seals, nothing is numbered. */
  public Optional<Progress> progress() {
    return table.get(EXPLORE, SEALED).map(ExploreStore::toProgress);
  }

  /**
   * Numbers every post written before {@code end} that is not numbered yet.
   *
   * @return the seals written; none if there was nothing to number or another sealer got there
   *     first (its seals are then the ones that count)
   */
  public List<Seal> sealUpTo(Instant end) {
    Optional<Progress> known = progress();
    Progress progress = known.orElse(new Progress(end.minus(FIRST_LOOKBACK), 1));
    if (!end.isAfter(progress.until())) {
      return List.of();
    }
    Instant stepEnd = min(end, progress.until().plus(LONGEST_STEP));
    List<ExploreIndex.Keyed> found =
        index.between(progress.until(), stepEnd, Integer.MAX_VALUE, true);
    int most = SEAL_POSTS * SEALS_PER_STEP;
    if (found.size() > most) {
      // More than one step can take: stop at the millisecond of the first post left over.
      stepEnd = found.get(most).createdAt();
      Instant cut = stepEnd;
      found = found.stream().filter(k -> k.createdAt().isBefore(cut)).toList();
    }
    List<Seal> seals = new ArrayList<>();
    for (int from = 0; from < found.size(); from += SEAL_POSTS) {
      List<PostId> ids =
          found.subList(from, Math.min(found.size(), from + SEAL_POSTS)).stream()
              .map(ExploreIndex.Keyed::id)
              .toList();
      seals.add(new Seal(progress.next() + from, ids));
    }
    return write(known, progress, seals, stepEnd);
  }

  /**
   * Writes a step without a transaction (a transaction doubles every unit): the seals first, each
   * only if its place is free, then the progress, only if no one moved it. A sealer that stopped
   * between the two left seals without progress; the next one finds them in its place and adopts
   * them, so numbers never fork.
   */
  private List<Seal> write(
      Optional<Progress> known, Progress progress, List<Seal> seals, Instant stepEnd) {
    for (Seal seal : seals) {
      try {
        table
            .client()
            .putItem(
                p ->
                    p.tableName(table.name())
                        .item(sealItem(seal, stepEnd))
                        .conditionExpression("attribute_not_exists(pk)"));
      } catch (ConditionalCheckFailedException taken) {
        return adoptSealsFrom(known, progress);
      }
    }
    Progress next =
        new Progress(
            stepEnd, progress.next() + seals.stream().mapToLong(s -> s.posts().size()).sum());
    return moveProgress(known, next) ? seals : List.of();
  }

  /**
   * Seals from {@code progress.next()} on are there already (a sealer stopped before moving the
   * progress, or is about to move it): move it past them, to where they end.
   */
  private List<Seal> adoptSealsFrom(Optional<Progress> known, Progress progress) {
    List<Seal> found = new ArrayList<>();
    Instant until = null;
    long next = progress.next();
    for (var item :
        table
            .client()
            .queryPaginator(
                q ->
                    q.tableName(table.name())
                        // Seals only: "SEALED" sorts after every "SEAL#…".
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(
                            Map.of(
                                ":pk", s(EXPLORE),
                                ":from", s(sealSk(progress.next())),
                                ":to", s(SEAL + "~")))
                        .consistentRead(true))
            .items()) {
      Seal seal = toSeal(item);
      if (seal.first() != next) {
        break;
      }
      found.add(seal);
      next = seal.last() + 1;
      until = Instant.parse(str(item, "until"));
    }
    if (until == null) {
      return List.of();
    }
    moveProgress(known, new Progress(until, next));
    return List.of();
  }

  /** Moves the progress from what was read to {@code next}; false if someone else moved it. */
  private boolean moveProgress(Optional<Progress> known, Progress next) {
    try {
      table
          .client()
          .putItem(
              p -> {
                p.tableName(table.name()).item(progressItem(next));
                if (known.isPresent()) {
                  p.conditionExpression("#until = :until")
                      .expressionAttributeNames(Map.of("#until", "until"))
                      .expressionAttributeValues(
                          Map.of(":until", s(known.get().until().toString())));
                } else {
                  p.conditionExpression("attribute_not_exists(pk)");
                }
              });
      return true;
    } catch (ConditionalCheckFailedException moved) {
      return false;
    }
  }

  static Map<String, AttributeValue> progressItem(Progress progress) {
    Map<String, AttributeValue> item = item(EXPLORE, SEALED);
    item.put("until", s(progress.until().toString()));
    item.put("next", n(progress.next()));
    return item;
  }

  static Progress toProgress(Map<String, AttributeValue> item) {
    return new Progress(Instant.parse(str(item, "until")), num(item, "next"));
  }

  /** A seal of a step that numbered the posts written before {@code until}. */
  static Map<String, AttributeValue> sealItem(Seal seal, Instant until) {
    Map<String, AttributeValue> item = item(EXPLORE, sealSk(seal.first()));
    item.put("until", s(until.toString()));
    item.put("first", n(seal.first()));
    item.put("count", n(seal.posts().size()));
    item.put(
        "posts",
        s(
            String.join(
                " ", seal.posts().stream().map(id -> id.author() + "/" + id.seq()).toList())));
    return item;
  }

  static Seal toSeal(Map<String, AttributeValue> item) {
    List<PostId> ids =
        Arrays.stream(str(item, "posts").split(" "))
            .map(
                ref -> {
                  int slash = ref.lastIndexOf('/');
                  return new PostId(
                      ref.substring(0, slash), Long.parseLong(ref.substring(slash + 1)));
                })
            .toList();
    return new Seal(num(item, "first"), ids);
  }

  static String sealSk(long first) {
    return SEAL + pad(first, 15);
  }

  /** The numbered posts {@code from..to}, newest first. */
  public List<Post> numbered(long from, long to) {
    if (from > to) {
      return List.of();
    }
    List<PostId> ids = new ArrayList<>();
    for (Seal seal : sealsCovering(from, to)) {
      for (int i = 0; i < seal.posts().size(); i++) {
        long position = seal.first() + i;
        if (position >= from && position <= to) {
          ids.add(seal.posts().get(i));
        }
      }
    }
    List<Post> found = new ArrayList<>(posts.byIds(ids));
    return found.reversed();
  }

  /** The seals holding positions {@code from..to}, oldest first. */
  private List<Seal> sealsCovering(long from, long to) {
    List<Seal> seals = new ArrayList<>();
    var pages =
        table
            .client()
            .queryPaginator(
                q ->
                    q.tableName(table.name())
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :low AND :high")
                        .expressionAttributeValues(
                            Map.of(
                                ":pk", s(EXPLORE),
                                ":low", s(sealSk(0)),
                                ":high", s(sealSk(to))))
                        .scanIndexForward(false)
                        .consistentRead(true)
                        .limit(4));
    for (var item : pages.items()) {
      Seal seal = toSeal(item);
      seals.addFirst(seal);
      if (seal.first() <= from) {
        break;
      }
    }
    return seals;
  }

  /**
   * The newest {@code limit} posts not numbered yet, newest first. They come from the index, which
   * lags its table by a moment in DynamoDB: a post just written may be missing.
   */
  public List<Post> newestUnnumbered(Instant now, int limit) {
    Instant oldest = now.minus(LONGEST_STEP);
    Instant since = progress().map(Progress::until).filter(oldest::isBefore).orElse(oldest);
    // A minute ahead: a writer's clock may run a little ahead of ours.
    List<ExploreIndex.Keyed> newest =
        index.between(since, now.plus(Duration.ofMinutes(1)), limit, false);
    return posts.byIds(newest.stream().map(ExploreIndex.Keyed::id).toList());
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
