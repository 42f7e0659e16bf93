package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Records read from the Streams API become the event Lambda would hand the generator. */
class StreamEventsTest {
  static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/microblog/stream/x";

  static Record record(
      String seq,
      OperationType op,
      Map<String, AttributeValue> oldImage,
      Map<String, AttributeValue> newImage) {
    var keys =
        Map.of("pk", AttributeValue.fromS("USER#alice"), "sk", AttributeValue.fromS("PROFILE"));
    var stream =
        StreamRecord.builder()
            .approximateCreationDateTime(Instant.parse("2026-11-25T10:15:30.250Z"))
            .keys(keys)
            .sequenceNumber(seq)
            .sizeBytes(120L)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
    if (oldImage != null) {
      stream.oldImage(oldImage);
    }
    if (newImage != null) {
      stream.newImage(newImage);
    }
    return Record.builder()
        .eventID("id-" + seq)
        .eventName(op)
        .eventVersion("1.1")
        .eventSource("aws:dynamodb")
        .awsRegion("us-east-1")
        .dynamodb(stream.build())
        .build();
  }

  @Test
  void everyRecordFieldArrivesAsLambdaDeliversIt() {
    var image =
        Map.of(
            "pk", AttributeValue.fromS("USER#alice"),
            "posts", AttributeValue.fromN("42"),
            "avatar", AttributeValue.fromB(SdkBytes.fromUtf8String("png")),
            "verified", AttributeValue.fromBool(true),
            "bio", AttributeValue.fromNul(true),
            "tags", AttributeValue.fromSs(List.of("a", "b")),
            "scores", AttributeValue.fromNs(List.of("1", "2.5")),
            "links", AttributeValue.fromL(List.of(AttributeValue.fromS("x"))),
            "prefs", AttributeValue.fromM(Map.of("lang", AttributeValue.fromS("es"))));

    DynamodbEvent event =
        StreamEvents.event(
            List.of(record("000000000000000000101", OperationType.INSERT, null, image)), ARN);

    var r = event.getRecords().getFirst();
    assertThat(r.getEventID()).isEqualTo("id-000000000000000000101");
    assertThat(r.getEventName()).isEqualTo("INSERT");
    assertThat(r.getEventSource()).isEqualTo("aws:dynamodb");
    assertThat(r.getEventSourceARN()).isEqualTo(ARN);
    assertThat(r.getAwsRegion()).isEqualTo("us-east-1");
    var d = r.getDynamodb();
    assertThat(d.getSequenceNumber()).isEqualTo("000000000000000000101");
    assertThat(d.getSizeBytes()).isEqualTo(120L);
    assertThat(d.getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
    assertThat(d.getApproximateCreationDateTime().toInstant())
        .isEqualTo(Instant.parse("2026-11-25T10:15:30.250Z"));
    assertThat(d.getKeys().get("sk").getS()).isEqualTo("PROFILE");
    assertThat(d.getOldImage()).isNull();
    var n = d.getNewImage();
    assertThat(n.get("posts").getN()).isEqualTo("42");
    assertThat(new String(n.get("avatar").getB().array())).isEqualTo("png");
    assertThat(n.get("verified").getBOOL()).isTrue();
    assertThat(n.get("bio").getNULL()).isTrue();
    assertThat(n.get("tags").getSS()).containsExactly("a", "b");
    assertThat(n.get("scores").getNS()).containsExactly("1", "2.5");
    assertThat(n.get("links").getL().getFirst().getS()).isEqualTo("x");
    assertThat(n.get("prefs").getM().get("lang").getS()).isEqualTo("es");
  }

  @Test
  void aTtlRemovalKeepsItsServiceIdentityAndOldImage() {
    var removal =
        record(
                "000000000000000000102",
                OperationType.REMOVE,
                Map.of("pk", AttributeValue.fromS("SESSION#x")),
                null)
            .toBuilder()
            .userIdentity(
                Identity.builder().type("Service").principalId("dynamodb.amazonaws.com").build())
            .build();

    var r = StreamEvents.event(List.of(removal), ARN).getRecords().getFirst();

    assertThat(r.getEventName()).isEqualTo("REMOVE");
    assertThat(r.getUserIdentity().getType()).isEqualTo("Service");
    assertThat(r.getUserIdentity().getPrincipalId()).isEqualTo("dynamodb.amazonaws.com");
    assertThat(r.getDynamodb().getOldImage().get("pk").getS()).isEqualTo("SESSION#x");
    assertThat(r.getDynamodb().getNewImage()).isNull();
  }
}
