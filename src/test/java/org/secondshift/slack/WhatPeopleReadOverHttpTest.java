package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.secondshift.sandbox.RecordedCall;
import org.secondshift.testing.BotOverHttp;

/**
 * Everything a person reads from the bot, through real HTTP: every {@code /shift} answer and every
 * message and Home it sends while a week of work, a rotation and a summary plan play out. None of
 * it may show machinery: an ISO week id, a zone id, or a raw user or channel id outside Slack's
 * mention syntax. What people type (in `code`) may name a zone, as {@code tz Europe/Berlin} must.
 */
class WhatPeopleReadOverHttpTest extends BotOverHttp {
  private static final String ADA = "U0ADA";
  private static final String RAVI = "U0RAVI";
  private static final Instant MONDAY_9_BERLIN = Instant.parse("2026-11-23T08:00:00Z");

  private static final Pattern ISO_WEEK = Pattern.compile("\\b\\d{4}-W\\d{2}\\b");
  private static final Pattern ZONE_ID =
      Pattern.compile(
          "\\b(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/\\w+");
  private static final Pattern RAW_ID = Pattern.compile("\\b[UCDGTW]0[A-Z0-9]{2,}\\b");
  private static final Pattern SLACK_TOKEN = Pattern.compile("<[^<>]*>");
  private static final Pattern CODE = Pattern.compile("`[^`]*`");

  WhatPeopleReadOverHttpTest() {
    super(MONDAY_9_BERLIN, person(ADA, "ada"), person(RAVI, "ravi", "Asia/Kolkata"));
  }

  @Test
  void noAnswerOrMessageShowsAWeekIdAZoneIdOrARawId() {
    for (int i = 0; i <= 12; i++) {
      Instant at = MONDAY_9_BERLIN.plus(Duration.ofMinutes(20L * i));
      running.requests.json(envelopes.message(ADA, "C0GENERAL", at));
      running.requests.json(envelopes.message(RAVI, "C0GENERAL", at));
    }
    running.clock.set(Instant.parse("2026-11-23T13:30:00Z"));
    Map<String, String> read = new java.util.LinkedHashMap<>();
    List<String> commands =
        List.of(
            "help",
            "help captain",
            "hours",
            "hours last",
            "hours 2026-11-16",
            "hours 2026-W47",
            "hours <@" + RAVI + ">",
            "hours someday",
            "status",
            "start watching the eval run",
            "stop",
            "rest",
            "rest quiet 23:00-07:30",
            "rest limit 9h",
            "rest snooze 2h",
            "rest limit forever",
            "share on",
            "captain setup <@" + ADA + "> <@" + RAVI + "> every 12h at 09:00",
            "captain",
            "captain schedule",
            "note eval run 42 diverged at step 3k",
            "captain pause",
            "captain resume",
            "captain swap <@" + RAVI + ">",
            "captain cover <@" + RAVI + ">",
            "captain skip",
            "captain handoff",
            "captain leave",
            "captain join",
            "captain frobnicate",
            "summary weekly on mon 09:00",
            "summary",
            "summary now",
            "rest pause until 2026-12-27",
            "rest off",
            "rest on",
            "share off",
            "share on",
            "export",
            "export everything",
            "forget-me",
            "hourz",
            "captian",
            "");
    for (String command : commands) {
      JsonObject answer = shift(ADA, command);
      read.put("/shift " + command, readable(answer));
    }
    read.put("/shift share on (Ravi)", readable(shift(RAVI, "share on")));
    read.put("/shift status (Ravi)", readable(shift(RAVI, "status")));
    // Ravi, in Kolkata, still at work past midnight there: the late-night nudge, which names the
    // captain on watch.
    running.clock.set(Instant.parse("2026-11-23T19:10:00Z"));
    running.requests.json(envelopes.message(RAVI, "C0GENERAL", running.clock.instant()));
    // The plan, the pause and resume posts, the note to the captain, and a handoff with its DMs.
    running.clock.set(Instant.parse("2026-11-23T20:00:30Z"));
    running.bot.parts().rotations().performDue(running.clock.instant());
    sendUntil(() -> running.slack.calls("chat.postMessage").size() >= 6, Duration.ofSeconds(2));
    int n = 0;
    for (RecordedCall call : running.slack.calls()) {
      n++;
      if (call.method().equals("files.completeUploadExternal")) {
        read.put(
            "#" + n + " file shared in " + call.params().get("channel_id"),
            readable(call.params().get("initial_comment"))
                + " "
                + readableJson(call.params().get("files")));
      }
      if (List.of("chat.postMessage", "chat.update", "chat.postEphemeral", "views.publish")
          .contains(call.method())) {
        read.put(
            "#" + n + " " + call.method() + " to " + call.params().get("channel"),
            readable(call.params().get("text"))
                + " "
                + readableJson(call.params().get("blocks"))
                + " "
                + readableJson(call.params().get("view")));
      }
    }

    // What went out covers a nudge, the captain's posts and DMs, the summary and its chart, the
    // export and Home: not merely the command answers.
    assertThat(running.slack.calls("files.completeUploadExternal")).isNotEmpty();
    assertThat(read.keySet()).anyMatch(k -> k.contains("chat.postMessage to U0RAVI"));
    assertThat(read).hasSizeGreaterThan(commands.size());
    List<String> problems = new ArrayList<>();
    read.forEach(
        (where, text) -> {
          String shown = CODE.matcher(SLACK_TOKEN.matcher(text).replaceAll("")).replaceAll("");
          for (Pattern p : List.of(ISO_WEEK, ZONE_ID, RAW_ID)) {
            var m = p.matcher(shown);
            if (m.find()) {
              problems.add(where + ": \"" + m.group() + "\" in: " + text);
            }
          }
        });
    assertThat(problems).isEmpty();
  }

  private static String readable(JsonObject answer) {
    return readable(answer.has("text") ? answer.get("text").getAsString() : "")
        + " "
        + (answer.has("blocks") ? texts(answer.get("blocks")) : "");
  }

  private static String readable(String text) {
    return text == null ? "" : text;
  }

  private static String readableJson(String json) {
    return json == null || json.isBlank() ? "" : texts(JsonParser.parseString(json));
  }

  /** Every "text" string in a Block Kit tree: what Slack shows, not ids and values. */
  private static String texts(JsonElement e) {
    StringBuilder out = new StringBuilder();
    if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> out.append(texts(x)).append(' '));
    } else if (e.isJsonObject()) {
      for (Map.Entry<String, JsonElement> field : e.getAsJsonObject().entrySet()) {
        JsonElement v = field.getValue();
        if ((field.getKey().equals("text") || field.getKey().equals("placeholder"))
            && v.isJsonPrimitive()) {
          out.append(v.getAsString()).append(' ');
        } else {
          out.append(texts(v)).append(' ');
        }
      }
    }
    return out.toString();
  }
}
