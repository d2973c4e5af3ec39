package org.secondshift.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's {@code app_rate_limited} notices: Slack stopped sending a workspace's events for a minute
 * because the app received too many (https://api.slack.com/events/app_rate_limited). Slack sends
 * one per limited minute while it lasts; the first of a spell is a warning, the rest are debug
 * lines, so a long spell does not flood the log.
 */
final class AppRateLimitedNotices {
  static final String TYPE = "app_rate_limited";

  /** Notices closer together than this (by the minutes Slack names) belong to one spell. */
  static final long SPELL_GAP_SECONDS = 10 * 60;

  /** Beyond any minute Slack could name (the year 5138); such values are read as unknown. */
  private static final long LAST_PLAUSIBLE_SECOND = 100_000_000_000L;

  /** Teams remembered at most; the oldest is forgotten first. */
  private static final int MAX_TEAMS = 1_000;

  private static final Logger log = LoggerFactory.getLogger(AppRateLimitedNotices.class);

  private final Map<String, Long> lastMinute =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > MAX_TEAMS;
        }
      };

  /**
   * Whether the envelope is such a notice: Slack's own shape has the type at the top; the SDK's
   * samples also carry it as the event's type.
   */
  static boolean isNotice(JsonObject envelope) {
    if (TYPE.equals(string(envelope, "type"))) {
      return true;
    }
    JsonElement event = envelope.get("event");
    return event != null
        && event.isJsonObject()
        && TYPE.equals(string(event.getAsJsonObject(), "type"));
  }

  /** Logs the notice: a warning if it starts a spell for its team, else at debug. */
  void noted(JsonObject envelope) {
    JsonObject event =
        envelope.get("event") != null && envelope.get("event").isJsonObject()
            ? envelope.getAsJsonObject("event")
            : envelope;
    String team =
        string(envelope, "team_id") != null
            ? string(envelope, "team_id")
            : string(event, "team_id");
    long minute = number(envelope, "minute_rate_limited", number(event, "minute_rate_limited", 0));
    if (startsSpell(team == null ? "" : team, minute)) {
      log.warn(
          "Slack is holding back events for team {} (app_rate_limited, minute_rate_limited={}):"
              + " the app received more events than Slack allows per minute; the events of that"
              + " minute will not arrive",
          LogText.cap(team),
          minute);
    } else {
      log.debug(
          "app_rate_limited again for team {} (minute_rate_limited={})", LogText.cap(team), minute);
    }
  }

  private synchronized boolean startsSpell(String team, long minute) {
    Long last = lastMinute.put(team, minute);
    return last == null || Math.abs(minute - last) > SPELL_GAP_SECONDS;
  }

  private static String string(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
        ? value.getAsString()
        : null;
  }

  private static long number(JsonObject object, String field, long fallback) {
    JsonElement value = object.get(field);
    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      return fallback;
    }
    try {
      long seconds = value.getAsBigDecimal().longValueExact();
      return seconds >= 0 && seconds <= LAST_PLAUSIBLE_SECOND ? seconds : fallback;
    } catch (ArithmeticException | NumberFormatException e) {
      return fallback;
    }
  }
}
