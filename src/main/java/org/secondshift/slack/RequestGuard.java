package org.secondshift.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides whether a request really comes from Slack and is well formed, before Bolt sees it.
 *
 * <p>Bolt's own check accepts timestamps from the future and compares signatures with {@code
 * equals}; this one rejects both directions of skew and compares in constant time.
 */
public final class RequestGuard {
  /** How far a request's timestamp may be from our clock, either way. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private final byte[] signingSecret;
  private final Clock clock;

  public RequestGuard(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isEmpty()) {
      throw new IllegalArgumentException("signingSecret required");
    }
    this.signingSecret = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** Empty when the request may go on; otherwise the rejection to send. */
  public Optional<Rejection> check(
      String timestamp, String signature, String contentType, String body) {
    Optional<Rejection> unsigned = checkSignature(timestamp, signature, body);
    return unsigned.isPresent() ? unsigned : checkShape(contentType, body);
  }

  Optional<Rejection> checkSignature(String timestamp, String signature, String body) {
    if (timestamp == null || signature == null) {
      return Optional.of(new Rejection(401, "missing Slack signature headers"));
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return Optional.of(new Rejection(401, "malformed request timestamp"));
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
    if (skew > MAX_SKEW.toSeconds()) {
      return Optional.of(new Rejection(401, "request timestamp too far from now"));
    }
    byte[] expected = sign(timestamp.trim(), body).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8))) {
      return Optional.of(new Rejection(401, "invalid signature"));
    }
    return Optional.empty();
  }

  /** The {@code v0=} signature Slack puts on a request with this timestamp and body. */
  public String sign(String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingSecret, "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  static Optional<Rejection> checkShape(String contentType, String body) {
    String type = contentType == null ? "" : contentType.toLowerCase();
    try {
      if (type.startsWith("application/json")) {
        return checkEnvelope(JsonParser.parseString(body));
      }
      if (type.startsWith("application/x-www-form-urlencoded")) {
        return checkForm(body);
      }
    } catch (RuntimeException e) {
      return Optional.of(new Rejection(400, "malformed body"));
    }
    return Optional.of(new Rejection(400, "expected JSON or a form body"));
  }

  private static Optional<Rejection> checkEnvelope(JsonElement json) {
    if (!json.isJsonObject() || !isString(json.getAsJsonObject(), "type")) {
      return Optional.of(new Rejection(400, "expected a JSON object with a type"));
    }
    JsonObject envelope = json.getAsJsonObject();
    if ("event_callback".equals(envelope.get("type").getAsString())) {
      JsonElement event = envelope.get("event");
      if (event == null || !event.isJsonObject() || !isString(event.getAsJsonObject(), "type")) {
        return Optional.of(new Rejection(400, "event_callback without an event type"));
      }
    }
    return Optional.empty();
  }

  private static Optional<Rejection> checkForm(String body) {
    String payload = null;
    boolean command = false;
    boolean sslCheck = false;
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      switch (key) {
        case "payload" -> payload = value;
        case "command" -> command = !value.isBlank();
        case "ssl_check" -> sslCheck = true;
        default -> {}
      }
    }
    if (payload != null) {
      return checkEnvelope(JsonParser.parseString(payload));
    }
    return command || sslCheck
        ? Optional.empty()
        : Optional.of(new Rejection(400, "form body is neither a command nor a payload"));
  }

  private static boolean isString(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
  }

  /** An HTTP status and a short reason, safe to show the caller. */
  public record Rejection(int status, String reason) {}
}
