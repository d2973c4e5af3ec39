package org.secondshift.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One Web API call as the stand-in received it, including calls it answered with 429, and the JSON
 * body it answered with.
 */
public record RecordedCall(
    String method,
    Map<String, String> params,
    String token,
    Instant at,
    boolean rateLimited,
    String answer) {

  public RecordedCall {
    params = Map.copyOf(params);
  }

  /** The named parameter, or null when the call did not carry it. */
  public String param(String name) {
    return params.get(name);
  }

  /** Whether the stand-in answered {@code "ok": true}. */
  public boolean answeredOk() {
    return answerField("ok").map(JsonElement::getAsBoolean).orElse(false);
  }

  /** The {@code error} the stand-in answered with, if it refused the call. */
  public Optional<String> answeredError() {
    return answerField("error").map(JsonElement::getAsString);
  }

  private Optional<JsonElement> answerField(String name) {
    JsonObject body = JsonParser.parseString(answer).getAsJsonObject();
    return Optional.ofNullable(body.get(name)).filter(e -> !e.isJsonNull());
  }
}
