package dev.microblog.core.change;

/**
 * What a committed write changed, as the generator needs to know it. Decoded from the keys of a
 * stream record; the generator then reads the current state, so a repeated or late record does no
 * harm.
 */
public sealed interface Change {
  /** A profile was created or its fields or counters changed. */
  record UserChanged(String username) implements Change {}

  /** A post was written (or removed). */
  record PostChanged(String author, long seq) implements Change {}

  /** Posts {@code first..first+count-1} of the site were numbered for good (a seal). */
  record PostsNumbered(long first, long count) implements Change {}

  /** {@code username} asked for their home timeline; {@code requestedMillis} names the request. */
  record HomeRequested(String username, long requestedMillis) implements Change {}

  /** {@code follower} started or stopped following {@code followee}. */
  record FollowChanged(String follower, String followee) implements Change {}
}
