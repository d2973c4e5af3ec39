package org.secondshift.slack;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of an Events API envelope that decide what a channel message means for the hour log,
 * read in one streaming pass that skips everything else, the message text included.
 *
 * <p>Reading is strict on purpose: a body that is not plain JSON, names one of these fields twice
 * or gives one a type Slack does not send yields nothing, and the caller takes the general path,
 * which decides about such bodies as it always has.
 *
 * @param authorizationTeams {@code authorizations[].team_id} in order; null when the envelope has
 *     no {@code authorizations}
 * @param extShared {@code is_ext_shared_channel}, null when absent
 * @param subtypePresent whether the event names a {@code subtype} at all
 * @param botIdPresent whether the event names a {@code bot_id} at all
 * @param assistantThread whether the event carries an {@code assistant_thread}
 */
record MessageFields(
    String type,
    String teamId,
    String eventId,
    List<String> authorizationTeams,
    Boolean extShared,
    String eventType,
    boolean subtypePresent,
    boolean botIdPresent,
    boolean assistantThread,
    String user,
    String channel,
    String channelType,
    String ts,
    String threadTs,
    String eventTs,
    String userTeam,
    String team) {

  /** The envelope's fields this reads; any other is skipped unread. */
  private static final Set<String> ENVELOPE_FIELDS =
      Set.of("type", "team_id", "event_id", "is_ext_shared_channel", "authorizations", "event");

  /** The event's fields this reads or notes; any other (the text included) is skipped unread. */
  private static final Set<String> EVENT_FIELDS =
      Set.of(
          "type",
          "user",
          "channel",
          "channel_type",
          "ts",
          "thread_ts",
          "event_ts",
          "user_team",
          "team",
          "subtype",
          "bot_id",
          "assistant_thread");

  /** The fields of {@code json}, or empty when it is not a body this reader vouches for. */
  static Optional<MessageFields> read(String json) {
    try (JsonReader in = new JsonReader(new StringReader(json))) {
      Builder b = new Builder();
      in.beginObject();
      Set<String> seen = new HashSet<>();
      while (in.hasNext()) {
        String name = in.nextName();
        if (!ENVELOPE_FIELDS.contains(name)) {
          in.skipValue();
          continue;
        }
        boolean fine =
            seen.add(name)
                && switch (name) {
                  case "type" -> (b.type = string(in)) != null;
                  case "team_id" -> (b.teamId = string(in)) != null;
                  case "event_id" -> (b.eventId = string(in)) != null;
                  case "is_ext_shared_channel" -> (b.extShared = bool(in)) != null;
                  case "authorizations" -> (b.authorizationTeams = teams(in)) != null;
                  default -> event(in, b);
                };
        if (!fine) {
          return Optional.empty();
        }
      }
      in.endObject();
      if (in.peek() != JsonToken.END_DOCUMENT || !b.sawEvent) {
        return Optional.empty();
      }
      return Optional.of(b.build());
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      // Malformed or of an unexpected shape: the general path answers it.
      return Optional.empty();
    }
  }

  private static boolean event(JsonReader in, Builder b) throws IOException {
    if (in.peek() != JsonToken.BEGIN_OBJECT) {
      return false;
    }
    b.sawEvent = true;
    in.beginObject();
    Set<String> seen = new HashSet<>();
    while (in.hasNext()) {
      String name = in.nextName();
      if (!EVENT_FIELDS.contains(name)) {
        in.skipValue();
        continue;
      }
      boolean fine =
          seen.add(name)
              && switch (name) {
                case "type" -> (b.eventType = string(in)) != null;
                case "user" -> (b.user = string(in)) != null;
                case "channel" -> (b.channel = string(in)) != null;
                case "channel_type" -> (b.channelType = string(in)) != null;
                case "ts" -> (b.ts = string(in)) != null;
                case "thread_ts" -> (b.threadTs = string(in)) != null;
                case "event_ts" -> (b.eventTs = string(in)) != null;
                case "user_team" -> (b.userTeam = string(in)) != null;
                case "team" -> (b.team = string(in)) != null;
                case "subtype" -> skipped(in, () -> b.subtypePresent = true);
                case "bot_id" -> skipped(in, () -> b.botIdPresent = true);
                default -> skipped(in, () -> b.assistantThread = true);
              };
      if (!fine) {
        return false;
      }
    }
    in.endObject();
    return true;
  }

  private static boolean skipped(JsonReader in, Runnable note) throws IOException {
    note.run();
    in.skipValue();
    return true;
  }

  /** A JSON string's value; null (and the value consumed) for anything else. */
  private static String string(JsonReader in) throws IOException {
    if (in.peek() != JsonToken.STRING) {
      in.skipValue();
      return null;
    }
    return in.nextString();
  }

  private static Boolean bool(JsonReader in) throws IOException {
    if (in.peek() != JsonToken.BOOLEAN) {
      in.skipValue();
      return null;
    }
    return in.nextBoolean();
  }

  /** Each authorization's {@code team_id}; null unless every element is an object with one. */
  private static List<String> teams(JsonReader in) throws IOException {
    if (in.peek() != JsonToken.BEGIN_ARRAY) {
      in.skipValue();
      return null;
    }
    List<String> teams = new ArrayList<>(1);
    boolean fine = true;
    in.beginArray();
    while (in.hasNext()) {
      if (in.peek() != JsonToken.BEGIN_OBJECT) {
        in.skipValue();
        fine = false;
        continue;
      }
      in.beginObject();
      String team = null;
      int named = 0;
      while (in.hasNext()) {
        if (in.nextName().equals("team_id")) {
          named++;
          team = string(in);
        } else {
          in.skipValue();
        }
      }
      in.endObject();
      if (team == null || named != 1) {
        fine = false;
      } else {
        teams.add(team);
      }
    }
    in.endArray();
    return fine ? teams : null;
  }

  private static final class Builder {
    String type;
    String teamId;
    String eventId;
    List<String> authorizationTeams;
    Boolean extShared;
    boolean sawEvent;
    String eventType;
    boolean subtypePresent;
    boolean botIdPresent;
    boolean assistantThread;
    String user;
    String channel;
    String channelType;
    String ts;
    String threadTs;
    String eventTs;
    String userTeam;
    String team;

    MessageFields build() {
      return new MessageFields(
          type,
          teamId,
          eventId,
          authorizationTeams == null ? null : List.copyOf(authorizationTeams),
          extShared,
          eventType,
          subtypePresent,
          botIdPresent,
          assistantThread,
          user,
          channel,
          channelType,
          ts,
          threadTs,
          eventTs,
          userTeam,
          team);
    }
  }
}
