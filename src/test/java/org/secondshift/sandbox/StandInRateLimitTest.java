package org.secondshift.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secondshift.testing.RunningBot;
import org.secondshift.testing.SettableClock;

/** The stand-in's optional Slack-like limits: per workspace and per channel, 429 beyond them. */
class StandInRateLimitTest {
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T08:00:00Z"));
  private SlackStandIn slack;
  private MethodsClient methods;

  @BeforeEach
  void start() {
    slack = RunningBot.withTestChannels(SlackStandIn.start(clock));
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    config.setStatsEnabled(false);
    methods = Slack.getInstance(config).methods("xoxb-test");
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  @Test
  void beyondTheWorkspaceRateTheAnswerIs429WithRetryAfter() throws Exception {
    slack.limitRate("chat.postMessage", 2, 2);
    assertThat(post("U1").isOk()).isTrue();
    assertThat(post("U2").isOk()).isTrue();
    assertThatThrownBy(() -> post("U3"))
        .isInstanceOfSatisfying(
            SlackApiException.class,
            e -> {
              assertThat(e.getResponse().code()).isEqualTo(429);
              assertThat(e.getResponse().header("Retry-After")).isEqualTo("1");
            });
    clock.advance(Duration.ofMillis(500));
    assertThat(post("U3").isOk()).isTrue();
    assertThat(slack.calls("chat.postMessage")).filteredOn(RecordedCall::rateLimited).hasSize(1);
  }

  @Test
  void oneChannelGetsAShortBurstThenOnePerSecond() throws Exception {
    slack.limitRate("chat.postMessage", 100, 100);
    for (int i = 0; i < 3; i++) {
      assertThat(post("C1").isOk()).isTrue();
    }
    assertThatThrownBy(() -> post("C1")).isInstanceOf(SlackApiException.class);
    assertThat(post("C2").isOk()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(post("C1").isOk()).isTrue();
  }

  @Test
  void withoutLimitsNothingIsRefused() throws Exception {
    for (int i = 0; i < 20; i++) {
      assertThat(post("C1").isOk()).isTrue();
    }
  }

  private com.slack.api.methods.response.chat.ChatPostMessageResponse post(String channel)
      throws Exception {
    return methods.chatPostMessage(r -> r.channel(channel).text("hi"));
  }
}
