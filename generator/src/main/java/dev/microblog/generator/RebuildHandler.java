package dev.microblog.generator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.microblog.generator.support.Progress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full rebuild as a Lambda function (template.yaml's RebuildFunction), for a deployed site:
 * renders every page from the table into the bucket, writes only what changed and invalidates those
 * paths, as {@code infra/bin/rebuild --aws} does from a laptop, but next to the data. Run it after
 * a template change, or after records landed in the generator's dead-letter queue. The event is
 * ignored: {@code aws lambda invoke --function-name … out.json} with no payload.
 *
 * <p>The answer is the summary, e.g. {@code {"pages": 17506, "written": 3, "unchanged": 17800,
 * "deleted": 0, "invalidated": 4, "millis": 52000}}; progress lines go to the function's log.
 */
public final class RebuildHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger log = LoggerFactory.getLogger(RebuildHandler.class);

  private final Generator generator;

  /** For Lambda: wired from the environment (see {@link Generator#fromEnvironment()}). */
  public RebuildHandler() {
    this(Generator.fromEnvironment());
  }

  public RebuildHandler(Generator generator) {
    this.generator = generator;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    BatchReport report =
        generator.builder().rebuildAll(Progress.inLines(log::info, "rendering", "pages"));
    return summary(report);
  }

  /** What a person invoking the function wants to read back. */
  static Map<String, Object> summary(BatchReport report) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("pages", report.planned());
    out.put("written", report.written());
    out.put("unchanged", report.unchanged());
    out.put("deleted", report.deleted());
    out.put("invalidated", report.invalidated());
    out.put("millis", report.millis());
    return out;
  }
}
