package dev.microblog.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * An HTTP answer to the client. Answers we make ourselves carry the headers the AWS SDK looks for:
 * a request id and an {@code x-amz-crc32} of the body, which the SDK verifies when present.
 */
record Reply(int status, Map<String, List<String>> headers, byte[] body) {
  static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  static Reply json(int status, JsonNode node) {
    return json(status, Json.bytes(node));
  }

  static Reply json(int status, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of(CONTENT_TYPE));
    headers.put("x-amzn-RequestId", List.of(UUID.randomUUID().toString()));
    headers.put("x-amz-crc32", List.of(crc32(body)));
    return new Reply(status, headers, body);
  }

  /** dynalite's answer, passed on as it is. */
  static Reply of(DynaliteClient.Response response) {
    return new Reply(response.status(), response.headers(), response.body());
  }

  /** dynalite's answer with a new body (its request id kept, its checksum recomputed). */
  static Reply rewritten(DynaliteClient.Response response, JsonNode body) {
    byte[] bytes = Json.bytes(body);
    Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
    headers.keySet().removeIf(name -> name.equalsIgnoreCase("x-amz-crc32"));
    headers.put("x-amz-crc32", List.of(crc32(bytes)));
    return new Reply(response.status(), headers, bytes);
  }

  static String crc32(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    return Long.toString(crc.getValue());
  }
}
