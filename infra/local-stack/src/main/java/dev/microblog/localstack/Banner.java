package dev.microblog.localstack;

/** What the runner prints once everything is up. */
final class Banner {
  private Banner() {}

  static String text(LocalStack stack, Options options) {
    String data =
        options.inMemory()
            ? "in memory (gone when you stop)"
            : options.dataDir() + " (kept between runs; --reset wipes it)";
    String logins = String.join(", ", DemoData.USERS) + "  — password " + DemoData.PASSWORD;
    return """

        ────────────────────────────────────────────────────────────────────
         Microblog is running on the embedded local stack

           Site        %s
           API         %s   (the site forwards /api/* here)
           Mailbox     %s   (mail the site sends)
           DynamoDB    %s   (table %s, with streams)
           S3          %s   (bucket %s)
           SES         %s
           Data        %s
           Demo users  %s%s

         Ctrl-C stops everything.
        ────────────────────────────────────────────────────────────────────
        """
        .formatted(
            stack.siteUrl(),
            stack.apiUrl(),
            stack.mailbox(),
            stack.dynamoEndpoint(),
            LocalStack.TABLE,
            stack.s3Endpoint(),
            LocalStack.BUCKET,
            stack.sesEndpoint(),
            data,
            stack.store().users().exists(DemoData.USERS.getFirst()) ? logins : "none",
            stack.seededDemo() ? "  (just added)" : "");
  }
}
