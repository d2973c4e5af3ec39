package org.secondshift.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replies only one person sees, and the {@code response_url}s Slack hands out with them: a URL
 * posted to replaces, deletes or adds to the ephemeral it belongs to, within Slack's limits.
 */
final class Ephemerals {
  private final Clock clock;
  private final List<Ephemeral> shown = new ArrayList<>();
  private final Map<String, Url> urls = new LinkedHashMap<>();
  private final List<Response> responses = new ArrayList<>();
  private long lastMicros;
  private long nextId;

  Ephemerals(Clock clock) {
    this.clock = clock;
  }

  /** One answer posted to a response URL: where, what, and whether Slack took it. */
  record Response(String urlId, String body, int status) {}

  private record Url(String channel, String user, String originalTs, Instant issued, int uses) {
    Url used() {
      return new Url(channel, user, originalTs, issued, uses + 1);
    }
  }

  synchronized Ephemeral show(String channel, String user, String text, String blocksJson) {
    return show(channel, user, text, blocksJson, TeamDirectory.BOT_USER_ID);
  }

  /** As {@link #show(String, String, String, String)}, written by {@code author}. */
  synchronized Ephemeral show(
      String channel, String user, String text, String blocksJson, String author) {
    problem(blocksJson)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(
                  "Slack would refuse this answer ("
                      + SlackRules.RESPONSE_BLOCKS_ERROR
                      + "): "
                      + p);
            });
    Instant now = clock.instant();
    lastMicros = Math.max(lastMicros + 1, now.getEpochSecond() * 1_000_000 + now.getNano() / 1000);
    String ts = "%d.%06d".formatted(lastMicros / 1_000_000, lastMicros % 1_000_000);
    Ephemeral e = new Ephemeral(channel, user, ts, text == null ? "" : text, blocksJson, author);
    shown.add(e);
    return e;
  }

  /** A new URL id for answering in {@code channel} to {@code user}, about {@code originalTs}. */
  synchronized String issue(String channel, String user, String originalTs) {
    String id = "R" + (++nextId) + "x" + Long.toHexString(clock.millis());
    urls.put(id, new Url(channel, user, originalTs, clock.instant(), 0));
    return id;
  }

  synchronized List<Ephemeral> of(String channel, String user) {
    return shown.stream()
        .filter(e -> e.channel().equals(channel) && e.user().equals(user))
        .toList();
  }

  synchronized List<Response> responses() {
    return List.copyOf(responses);
  }

  synchronized List<Response> await(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (responses.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException(
            "expected " + count + " response_url posts, saw " + responses.size());
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for response_url posts", e);
      }
    }
    return List.copyOf(responses);
  }

  /** Applies a post to the URL {@code id}, answering with Slack's status and body. */
  synchronized HttpReply post(String id, byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    HttpReply reply = apply(id, text);
    responses.add(new Response(id, text, reply.status()));
    notifyAll();
    return reply;
  }

  private HttpReply apply(String id, String text) {
    Url url = urls.get(id);
    if (url == null) {
      return HttpReply.text(404, "no_such_url");
    }
    if (!SlackRules.responseUrlUsable(url.issued(), url.uses(), clock.instant())) {
      return HttpReply.text(404, SlackRules.RESPONSE_URL_USED_UP);
    }
    JsonObject json;
    try {
      JsonElement parsed = JsonParser.parseString(text);
      if (!parsed.isJsonObject()) {
        return HttpReply.text(400, "invalid_payload");
      }
      json = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      return HttpReply.text(400, "invalid_payload");
    }
    if (json.has("blocks") && problem(json.get("blocks").toString()).isPresent()) {
      return HttpReply.text(400, SlackRules.RESPONSE_BLOCKS_ERROR);
    }
    urls.put(id, url.used());
    if (flag(json, "delete_original")) {
      shown.removeIf(e -> matches(e, url));
    } else if (flag(json, "replace_original") && url.originalTs() != null) {
      String newText = json.has("text") ? json.get("text").getAsString() : "";
      String blocks = json.has("blocks") ? json.get("blocks").toString() : null;
      shown.replaceAll(
          e ->
              matches(e, url)
                  ? new Ephemeral(e.channel(), e.user(), e.ts(), newText, blocks, e.author())
                  : e);
    } else {
      show(
          url.channel(),
          url.user(),
          json.has("text") ? json.get("text").getAsString() : "",
          json.has("blocks") ? json.get("blocks").toString() : null);
    }
    return HttpReply.text(200, "ok");
  }

  private static Optional<String> problem(String blocksJson) {
    if (blocksJson == null || blocksJson.isBlank()) {
      return Optional.empty();
    }
    JsonElement parsed = JsonParser.parseString(blocksJson);
    return parsed.isJsonArray()
        ? SlackRules.blocksProblem(parsed.getAsJsonArray(), SlackRules.MESSAGE_BLOCKS_MAX)
        : Optional.empty();
  }

  private static boolean matches(Ephemeral e, Url url) {
    return e.channel().equals(url.channel())
        && e.user().equals(url.user())
        && e.ts().equals(url.originalTs());
  }

  private static boolean flag(JsonObject json, String name) {
    return json.has(name) && json.get(name).isJsonPrimitive() && json.get(name).getAsBoolean();
  }
}
