package org.secondshift.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How real Slack answers in the cases the bot must cope with, gathered in one place so the stand-in
 * holds the bot to Slack's behaviour rather than to our reading of it. Each rule names the Slack
 * document (API method page or SDK source) it follows.
 */
final class SlackRules {
  private SlackRules() {}

  /**
   * A {@code response_url} can be used up to five times within thirty minutes of the interaction
   * (https://api.slack.com/interactivity/handling#message_responses).
   */
  static final int RESPONSE_URL_USES = 5;

  static final Duration RESPONSE_URL_LIFETIME = Duration.ofMinutes(30);

  /** What the stand-in answers (HTTP 404) to a response URL past its uses or its lifetime. */
  static final String RESPONSE_URL_USED_UP = "expired_url";

  static boolean responseUrlUsable(Instant issued, int usesSoFar, Instant now) {
    return usesSoFar < RESPONSE_URL_USES && now.isBefore(issued.plus(RESPONSE_URL_LIFETIME));
  }

  /**
   * A section's text: at most 3,000 characters
   * (https://api.slack.com/reference/block-kit/blocks#section).
   */
  static final int SECTION_TEXT_MAX = 3000;

  /**
   * A button's value: at most 2,000 characters, its text at most 75
   * (https://api.slack.com/reference/block-kit/block-elements#button).
   */
  static final int BUTTON_VALUE_MAX = 2000;

  static final int BUTTON_TEXT_MAX = 75;

  /**
   * At most 50 blocks in a message, 100 in a modal or Home tab
   * (https://api.slack.com/reference/block-kit/blocks).
   */
  static final int MESSAGE_BLOCKS_MAX = 50;

  static final int VIEW_BLOCKS_MAX = 100;

  /**
   * Error for blocks past these limits from chat.*
   * (https://api.slack.com/methods/chat.postMessage#errors).
   */
  static final String MESSAGE_BLOCKS_ERROR = "invalid_blocks";

  /**
   * Error for a view past these limits from views.*
   * (https://api.slack.com/methods/views.open#errors).
   */
  static final String VIEW_BLOCKS_ERROR = "invalid_arguments";

  /** What Slack would reject in {@code blocks}, or empty if it keeps within the limits above. */
  static Optional<String> blocksProblem(JsonArray blocks, int maxBlocks) {
    if (blocks.size() > maxBlocks) {
      return Optional.of(blocks.size() + " blocks, more than " + maxBlocks);
    }
    return problemIn(blocks);
  }

  private static Optional<String> problemIn(JsonElement element) {
    if (element.isJsonArray()) {
      for (JsonElement e : element.getAsJsonArray()) {
        Optional<String> p = problemIn(e);
        if (p.isPresent()) {
          return p;
        }
      }
      return Optional.empty();
    }
    if (!element.isJsonObject()) {
      return Optional.empty();
    }
    JsonObject o = element.getAsJsonObject();
    String type =
        o.has("type") && o.get("type").isJsonPrimitive() ? o.get("type").getAsString() : "";
    if (type.equals("section") && textLength(o) > SECTION_TEXT_MAX) {
      return Optional.of("section text over " + SECTION_TEXT_MAX + " characters");
    }
    if (type.equals("button")) {
      if (textLength(o) > BUTTON_TEXT_MAX) {
        return Optional.of("button text over " + BUTTON_TEXT_MAX + " characters");
      }
      if (o.has("value") && o.get("value").getAsString().length() > BUTTON_VALUE_MAX) {
        return Optional.of("button value over " + BUTTON_VALUE_MAX + " characters");
      }
    }
    for (var entry : o.entrySet()) {
      Optional<String> p = problemIn(entry.getValue());
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  private static int textLength(JsonObject o) {
    if (!o.has("text") || !o.get("text").isJsonObject()) {
      return 0;
    }
    JsonObject text = o.getAsJsonObject("text");
    return text.has("text") ? text.get("text").getAsString().length() : 0;
  }

  /**
   * A token Slack does not accept (mistyped, revoked, of an uninstalled app) gets HTTP 200 with
   * {@code {"ok":false,"error":"invalid_auth"}} from every Web API method, {@code auth.test}
   * included. Source: https://api.slack.com/methods/auth.test, Errors: "invalid_auth — Some aspect
   * of authentication cannot be validated. Either the provided token is invalid or the request
   * originates from an IP address disallowed from making the request."
   */
  static final class RefusedTokens {
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    /** From now on {@code token} is one Slack does not know. */
    void refuse(String token) {
      refused.add(token);
    }

    /** Slack's answer to a call made with {@code token}, when Slack refuses it. */
    Optional<JsonObject> answer(String token) {
      return token != null && refused.contains(token)
          ? Optional.of(WebApi.error("invalid_auth"))
          : Optional.empty();
    }
  }
}
