package dev.microblog.gateway;

import java.util.List;
import java.util.Map;

/** A client's request as it reached the gateway, kept whole so it can be passed on unchanged. */
record Incoming(
    String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
  Incoming withBody(byte[] newBody) {
    return new Incoming(method, pathAndQuery, headers, newBody);
  }
}
