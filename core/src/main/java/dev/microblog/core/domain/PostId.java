package dev.microblog.core.domain;

/** Names one post: its author and the author's number for it. */
public record PostId(String author, long seq) {
  public PostId {
    if (seq < 1) {
      throw new IllegalArgumentException("posts are numbered from 1: " + seq);
    }
  }
}
