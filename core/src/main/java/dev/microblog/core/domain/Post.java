package dev.microblog.core.domain;

import java.time.Instant;

/**
 * A post. {@code seq} numbers the author's posts from 1 and {@code siteSeq} all posts of the site
 * from 1; both are given once, at write time, so the page a post lands on never changes.
 */
public record Post(String author, long seq, long siteSeq, String body, Instant createdAt) {}
