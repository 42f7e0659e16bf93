package dev.microblog.core.domain;

import java.time.Instant;

/** A user's public profile: what pages may show. Credentials live elsewhere on purpose. */
public record User(
    String username,
    Instant joinedAt,
    String about,
    long postCount,
    long followers,
    long following) {}
