package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

class SesServerTest {

  @Test
  void mailSentThroughTheSesApiShowsUpInTheStoreAndNoProcessOutlivesClose() throws Exception {
    List<ProcessHandle> processes;
    try (SesServer ses = SesServer.start(Repo.nodeDir(), 0);
        SesV2Client client =
            SesV2Client.builder()
                .endpointOverride(ses.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
      processes = ProcessHandle.of(ses.pid()).orElseThrow().descendants().toList();
      client.sendEmail(
          b ->
              b.fromEmailAddress("noreply@microblog.local")
                  .destination(d -> d.toAddresses("alice@example.org"))
                  .content(
                      c ->
                          c.simple(
                              m ->
                                  m.subject(s -> s.data("Welcome"))
                                      .body(body -> body.text(t -> t.data("Hello alice"))))));

      String store =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(ses.endpoint().resolve("/store")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();

      assertThat(store).contains("alice@example.org").contains("Welcome");
      assertThat(processes).isNotEmpty();
    }

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(processes).noneMatch(ProcessHandle::isAlive));
  }
}
