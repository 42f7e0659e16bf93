package dev.microblog.generator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Lambda entry point the once-a-minute schedule invokes: numbers the posts due (see {@link
 * Numbering}), so that posts written just before a quiet spell get their explore pages without
 * waiting for the next write. Answers how many posts it numbered.
 */
public final class NumberingHandler
    implements RequestHandler<Map<String, Object>, Map<String, Long>> {
  private final Supplier<Generator> generator;
  private Generator wired;

  /** For Lambda: wired from the environment on the first invocation. */
  public NumberingHandler() {
    this(Generator::fromEnvironment);
  }

  public NumberingHandler(Supplier<Generator> generator) {
    this.generator = generator;
  }

  @Override
  public Map<String, Long> handleRequest(Map<String, Object> scheduledEvent, Context context) {
    if (wired == null) {
      wired = generator.get();
    }
    long numbered = wired.numberDue().stream().mapToLong(seal -> seal.posts().size()).sum();
    return Map.of("numbered", numbered);
  }
}
