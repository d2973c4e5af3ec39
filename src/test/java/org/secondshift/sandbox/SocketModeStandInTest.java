package org.secondshift.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.response.AckResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocketModeStandInTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private SlackStandIn standIn;
  private Slack slack;
  private SocketModeClient client;
  private final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void connect() throws Exception {
    standIn =
        SlackStandIn.start(Clock.fixed(Instant.parse("2024-07-01T12:00:00Z"), ZoneOffset.UTC));
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(standIn.apiUrl());
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
    client = slack.socketMode("xapp-test", SocketModeClient.Backend.JavaWebSocket);
    client.addWebSocketMessageListener(this::ackEnvelopes);
    client.connect();
  }

  @AfterEach
  void disconnect() throws Exception {
    client.close();
    slack.close();
    standIn.close();
  }

  private void ackEnvelopes(String message) {
    received.add(message);
    JsonElement envelopeId = JsonParser.parseString(message).getAsJsonObject().get("envelope_id");
    if (envelopeId != null) {
      client.sendSocketModeResponse(new AckResponse(envelopeId.getAsString()));
    }
  }

  @Test
  void handsOutItsOwnWebSocketUrlAndGreetsTheClient() {
    assertThat(standIn.awaitSocketClient(WAIT)).isTrue();
    assertThat(client.getWssUri().toString())
        .startsWith("ws://127.0.0.1:" + standIn.socketPort() + "/link?ticket=");
    assertThat(standIn.calls("apps.connections.open"))
        .singleElement()
        .satisfies(call -> assertThat(call.token()).isEqualTo("xapp-test"));
  }

  @Test
  void deliversAnEventsApiEnvelopeAndReceivesItsAck() {
    assertThat(standIn.awaitSocketClient(WAIT)).isTrue();
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "event_callback");

    String envelopeId = standIn.sendSocketEnvelope("events_api", payload);
    JsonObject ack = standIn.awaitSocketAck(envelopeId, WAIT);

    assertThat(ack.get("envelope_id").getAsString()).isEqualTo(envelopeId);
    JsonObject delivered =
        JsonParser.parseString(received.get(received.size() - 1)).getAsJsonObject();
    assertThat(delivered.get("type").getAsString()).isEqualTo("events_api");
    assertThat(delivered.get("accepts_response_payload").getAsBoolean()).isFalse();
    assertThat(delivered.getAsJsonObject("payload")).isEqualTo(payload);
  }

  @Test
  void letsSlashCommandsAcceptAResponsePayload() {
    assertThat(standIn.awaitSocketClient(WAIT)).isTrue();

    String envelopeId = standIn.sendSocketEnvelope("slash_commands", new JsonObject());
    standIn.awaitSocketAck(envelopeId, WAIT);

    assertThat(received)
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains(envelopeId)
                    .contains("\"accepts_response_payload\":true"));
  }

  @Test
  void answersTheClientsPings() {
    assertThat(standIn.awaitSocketClient(WAIT)).isTrue();
    // The client only counts itself open after reading the handshake reply; a round trip proves it
    // did.
    standIn.awaitSocketAck(standIn.sendSocketEnvelope("events_api", new JsonObject()), WAIT);

    assertThat(client.verifyConnection()).isTrue();
  }

  @Test
  void failsClearlyWhenAnAckNeverArrives() {
    assertThatThrownBy(() -> standIn.awaitSocketAck("never-sent", Duration.ofMillis(50)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("never-sent");
  }
}
