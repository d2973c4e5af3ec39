package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secondshift.Bot;
import org.secondshift.config.Mode;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.RunningBot;
import org.secondshift.testing.SettableClock;

/** Socket Mode end to end: the bot dials the stand-in's WebSocket and answers its envelopes. */
class SocketModeTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

  @TempDir Path dir;
  private SlackStandIn slack;
  private Bot bot;
  private Path db;
  private final Envelopes envelopes = new Envelopes();

  @BeforeEach
  void start() throws Exception {
    SettableClock clock = new SettableClock(NOW);
    slack = RunningBot.withTestChannels(SlackStandIn.start(clock));
    slack.addUser("U0ADA", "ada", "Asia/Kolkata");
    db = dir.resolve("socket.db");
    bot = Bot.start(RunningBot.settings(Mode.SOCKET, slack, db), clock);
    assertThat(slack.awaitSocketClient(WAIT)).isTrue();
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
    slack.close();
  }

  @Test
  void aMessageOverTheSocketIsAcknowledgedAndRecorded() {
    JsonObject envelope =
        JsonParser.parseString(envelopes.message("U0ADA", "C0GENERAL", NOW)).getAsJsonObject();

    String id = slack.sendSocketEnvelope("events_api", envelope);

    assertThat(slack.awaitSocketAck(id, WAIT).get("envelope_id").getAsString()).isEqualTo(id);
    assertThat(DbPeek.count(db, "SELECT COUNT(*) FROM activity WHERE user_id = 'U0ADA'"))
        .isEqualTo(1);
    assertThat(slack.calls("apps.connections.open")).isNotEmpty();
  }

  @Test
  void aSlashCommandOverTheSocketIsAnsweredInTheAck() {
    JsonObject command = new JsonObject();
    command.addProperty("team_id", Envelopes.TEAM);
    command.addProperty("user_id", "U0ADA");
    command.addProperty("channel_id", "C0GENERAL");
    command.addProperty("command", "/shift");
    command.addProperty("text", "hours");
    command.addProperty("response_url", "https://hooks.example.invalid/1");
    command.addProperty("trigger_id", slack.mintTrigger("U0ADA"));

    String id = slack.sendSocketEnvelope("slash_commands", command);

    JsonObject payload = slack.awaitSocketAck(id, WAIT).getAsJsonObject("payload");
    assertThat(payload.get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(payload.get("text").getAsString()).contains("Your hours in the week of 23 Nov");
    assertThat(payload.get("blocks").toString()).contains("Kolkata time");
  }
}
