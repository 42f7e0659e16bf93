package dev.microblog.generator;

import java.util.List;

/**
 * Which stream records the generator is invoked for, as Lambda event filter patterns: only items
 * some page shows, which are the ones {@code ChangeDecoder} turns into a change (a user's profile,
 * posts, follows, requests for a home timeline, and the seals that number posts for explore).
 * Sessions, e-mail claims, the numbering's progress and the reverse follow edge are dropped before
 * an invocation is paid for; Lambda counts them as handled and moves on.
 *
 * <p>template.yaml's FilterCriteria must hold these patterns (SamTemplateTest checks it), and the
 * local stream poller applies them, so both see the same records.
 */
public final class StreamFilter {
  private StreamFilter() {}

  public static final List<String> PATTERNS =
      List.of(
          """
          {"dynamodb":{"Keys":{\
          "pk":{"S":[{"prefix":"USER#"}]},\
          "sk":{"S":["PROFILE","HOME",{"prefix":"POST#"},{"prefix":"FOLLOWS#"}]}}}}""",
          """
          {"dynamodb":{"Keys":{"pk":{"S":["EXPLORE"]},"sk":{"S":[{"prefix":"SEAL#"}]}}}}""");
}
