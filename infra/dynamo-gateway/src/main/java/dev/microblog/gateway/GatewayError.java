package dev.microblog.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request that ends in an error answer: either one we make (validation, cancelled transactions)
 * or one dynalite gave us that must reach the client unchanged.
 */
final class GatewayError extends Exception {
  private static final long serialVersionUID = 1L;
  private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";
  private final transient Reply reply;

  private GatewayError(String message, Reply reply) {
    super(message, null, false, false);
    this.reply = reply;
  }

  Reply reply() {
    return reply;
  }

  static GatewayError of(int status, String type, String message) {
    ObjectNode body = Json.object().put("__type", type).put("message", message);
    return new GatewayError(type + ": " + message, Reply.json(status, body));
  }

  static GatewayError of(int status, ObjectNode body) {
    return new GatewayError(body.toString(), Reply.json(status, body));
  }

  static GatewayError validation(String message) {
    return of(400, "com.amazon.coral.validate#ValidationException", message);
  }

  static GatewayError notFound(String message) {
    return of(400, DYNAMODB + "ResourceNotFoundException", message);
  }

  static GatewayError dynamodb(String shortType, String message) {
    return of(400, DYNAMODB + shortType, message);
  }

  static GatewayError serialization() {
    return of(400, "com.amazon.coral.service#SerializationException", "Malformed request body");
  }

  /** dynalite refused an internal call: its answer goes to the client as it is. */
  static GatewayError from(DynaliteClient.Response response) {
    return new GatewayError(
        "dynalite answered " + response.status() + ": " + response.bodyText(), Reply.of(response));
  }
}
