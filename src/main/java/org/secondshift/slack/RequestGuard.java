package org.secondshift.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides whether a request really comes from Slack and is well formed, before Bolt sees it.
 *
 * <p>Bolt's own check accepts timestamps from the future and compares signatures with {@code
 * equals}; this one rejects both directions of skew and compares in constant time. It works in two
 * steps so that a caller can refuse an unsigned or stale request before waiting for its body: the
 * headers first, then the body's bytes exactly as received, which are decoded only once the
 * signature over them holds.
 */
public final class RequestGuard {
  /** How far a request's timestamp may be from our clock, either way. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  /**
   * What Slack posts as JSON (Events API): https://api.slack.com/apis/events-api. Anything else is
   * not from Slack, and Bolt would log its whole body.
   */
  static final Set<String> ENVELOPE_TYPES =
      Set.of("event_callback", "url_verification", "app_rate_limited");

  /** What Slack posts as a form's {@code payload} (interactivity, shortcuts, dialogs, views). */
  static final Set<String> PAYLOAD_TYPES =
      Set.of(
          "block_actions",
          "block_suggestion",
          "view_submission",
          "view_closed",
          "shortcut",
          "message_action",
          "interactive_message",
          "dialog_submission",
          "dialog_cancellation",
          "dialog_suggestion",
          "workflow_step_edit");

  /** Slack's event types: lower case words joined by underscores, such as app_home_opened. */
  private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_.]{0,63}");

  /** Seconds since the epoch as Slack sends them; a longer number cannot be within the skew. */
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");

  private final byte[] signingSecret;
  private final Clock clock;

  public RequestGuard(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isEmpty()) {
      throw new IllegalArgumentException("signingSecret required");
    }
    this.signingSecret = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /**
   * What can be decided from the headers alone: both signature headers present, each exactly once,
   * and the timestamp within {@link #MAX_SKEW} of our clock. Empty when the body is worth reading.
   */
  public Optional<Rejection> checkHeaders(List<String> timestamps, List<String> signatures) {
    if (timestamps.isEmpty() || signatures.isEmpty()) {
      return Optional.of(new Rejection(401, "missing Slack signature headers"));
    }
    if (timestamps.size() > 1 || signatures.size() > 1) {
      return Optional.of(new Rejection(401, "more than one Slack signature header"));
    }
    String timestamp = timestamps.get(0).trim();
    if (!TIMESTAMP.matcher(timestamp).matches()) {
      return Optional.of(new Rejection(401, "malformed request timestamp"));
    }
    // Bounds around our clock rather than |now - ts|, which overflows for huge values.
    long seconds = Long.parseLong(timestamp);
    long now = clock.instant().getEpochSecond();
    if (seconds < now - MAX_SKEW.toSeconds() || seconds > now + MAX_SKEW.toSeconds()) {
      return Optional.of(new Rejection(401, "request timestamp too far from now"));
    }
    return Optional.empty();
  }

  /**
   * The signature over the body's bytes, then strict UTF-8, then the shape. Call only after {@link
   * #checkHeaders} passed for the same header values.
   */
  public Outcome checkBody(String timestamp, String signature, String contentType, byte[] body) {
    Optional<Rejection> forged = checkSignature(timestamp, signature, body);
    if (forged.isPresent()) {
      return forged.get();
    }
    return decode(body)
        .<Outcome>map(text -> checkShape(contentType, text))
        .orElseGet(() -> new Rejection(400, "body is not valid UTF-8"));
  }

  /** The signature over the body's bytes exactly as received: empty when it holds. */
  public Optional<Rejection> checkSignature(String timestamp, String signature, byte[] body) {
    byte[] expected = sign(timestamp.trim(), body).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8))
        ? Optional.empty()
        : Optional.of(new Rejection(401, "invalid signature"));
  }

  /** The body as text, empty unless it is strictly valid UTF-8. */
  static Optional<String> decode(byte[] body) {
    try {
      return Optional.of(strictUtf8(body));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** Both steps at once, for callers that hold the whole request already. */
  public Optional<Rejection> check(
      String timestamp, String signature, String contentType, byte[] body) {
    Optional<Rejection> headers =
        checkHeaders(
            timestamp == null ? List.of() : List.of(timestamp),
            signature == null ? List.of() : List.of(signature));
    if (headers.isPresent()) {
      return headers;
    }
    return checkBody(timestamp, signature, contentType, body) instanceof Rejection r
        ? Optional.of(r)
        : Optional.empty();
  }

  /** The {@code v0=} signature Slack puts on a request with this timestamp and body. */
  public String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingSecret, "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** As {@link #sign(String, byte[])} for a body sent as UTF-8. */
  public String sign(String timestamp, String body) {
    return sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
  }

  private static String strictUtf8(byte[] body) throws CharacterCodingException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return decoder.decode(ByteBuffer.wrap(body)).toString();
  }

  static Outcome checkShape(String contentType, String body) {
    String type = contentType == null ? "" : contentType.toLowerCase();
    try {
      if (type.startsWith("application/json")) {
        JsonElement json = JsonParser.parseString(body);
        return checkEnvelope(json, ENVELOPE_TYPES)
            .<Outcome>map(r -> r)
            .orElseGet(() -> new Accepted(body, Optional.of(json.getAsJsonObject())));
      }
      if (type.startsWith("application/x-www-form-urlencoded")) {
        return checkForm(body)
            .<Outcome>map(r -> r)
            .orElseGet(() -> new Accepted(body, Optional.empty()));
      }
    } catch (RuntimeException e) {
      return new Rejection(400, "malformed body");
    }
    return new Rejection(400, "expected JSON or a form body");
  }

  private static Optional<Rejection> checkEnvelope(JsonElement json, Set<String> types) {
    if (!json.isJsonObject() || !isString(json.getAsJsonObject(), "type")) {
      return Optional.of(new Rejection(400, "expected a JSON object with a type"));
    }
    JsonObject envelope = json.getAsJsonObject();
    if (!types.contains(envelope.get("type").getAsString())) {
      return Optional.of(new Rejection(400, "not a request type Slack sends"));
    }
    if ("event_callback".equals(envelope.get("type").getAsString())) {
      JsonElement event = envelope.get("event");
      if (event == null || !event.isJsonObject() || !isString(event.getAsJsonObject(), "type")) {
        return Optional.of(new Rejection(400, "event_callback without an event type"));
      }
      String type = event.getAsJsonObject().get("type").getAsString();
      if (!EVENT_TYPE.matcher(type).matches()) {
        return Optional.of(new Rejection(400, "not an event type Slack sends"));
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
      return checkEnvelope(JsonParser.parseString(payload), PAYLOAD_TYPES);
    }
    return command || sslCheck
        ? Optional.empty()
        : Optional.of(new Rejection(400, "form body is neither a command nor a payload"));
  }

  private static boolean isString(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
  }

  /** What the guard decided about a body. */
  public sealed interface Outcome permits Accepted, Rejection {}

  /**
   * A signed, well-formed body, decoded.
   *
   * @param envelope the parsed object when the body is JSON (Events API), empty for a form
   */
  public record Accepted(String body, Optional<JsonObject> envelope) implements Outcome {}

  /** An HTTP status and a short reason, safe to show the caller. */
  public record Rejection(int status, String reason) implements Outcome {}
}
