package org.secondshift.sandbox;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the stand-in answers to one HTTP request, independent of the server that sends it. */
record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers) {
  private static final String JSON = "application/json; charset=utf-8";
  private static final String TEXT = "text/plain; charset=utf-8";

  static HttpReply json(JsonObject body) {
    return new HttpReply(200, JSON, utf8(body.toString()), Map.of());
  }

  static HttpReply rateLimited(int retryAfterSeconds) {
    JsonObject body = WebApi.error("ratelimited");
    return new HttpReply(
        429, JSON, utf8(body.toString()), Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
  }

  static HttpReply text(int status, String body) {
    return new HttpReply(status, TEXT, utf8(body), Map.of());
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
