package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.secondshift.config.CannotStartException;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.testing.SettableClock;

/** The start-up check against the stand-in: refused tokens stop, trouble at Slack is waited out. */
class SlackIdentityTest {
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private final SlackStandIn slack = SlackStandIn.start(clock);
  private final List<Duration> pauses = new ArrayList<>();

  @AfterEach
  void stop() {
    slack.close();
  }

  private SlackIdentity check(String token, URI apiUrl) {
    return new SlackIdentity(SlackApp.client(apiUrl).methods(token), apiUrl, pauses::add);
  }

  @Test
  void aTokenSlackAcceptsNamesTheWorkspaceAndTheBot() throws Exception {
    SlackIdentity.Identity who = check("xoxb-good", URI.create(slack.apiUrl())).await();

    assertThat(who.teamId()).isEqualTo(slack.teamId());
    assertThat(who.botUserId()).isEqualTo(slack.botUserId());
    assertThat(pauses).isEmpty();
  }

  @Test
  void aTokenSlackRefusesStopsTheStartNamingSlacksError() {
    slack.refuseToken("xoxb-revoked");

    assertThatThrownBy(() -> check("xoxb-revoked", URI.create(slack.apiUrl())).await())
        .isInstanceOf(CannotStartException.class)
        .hasMessage(
            "Slack refused SLACK_BOT_TOKEN (invalid_auth): set the Bot User OAuth Token (xoxb-…)"
                + " of the installed app.");
    assertThat(pauses).isEmpty();
  }

  @Test
  void troubleAtSlackIsAskedAgainAfterGrowingPausesThatHonourRetryAfter() throws Exception {
    slack.failNext("auth.test", 2, "service_unavailable");
    slack.rateLimitNext("auth.test", 1, 7);

    SlackIdentity.Identity who = check("xoxb-good", URI.create(slack.apiUrl())).await();

    assertThat(who.teamId()).isEqualTo(slack.teamId());
    assertThat(pauses)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(7));
  }

  @Test
  void anUnreachableSlackIsWaitedForWithPausesThatStopGrowingAtThirtySeconds() throws Exception {
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort() + "/api/");
    List<Duration> seen = new ArrayList<>();
    SlackIdentity identity =
        new SlackIdentity(
            SlackApp.client(nowhere).methods("xoxb-good"),
            nowhere,
            d -> {
              seen.add(d);
              if (seen.size() == 7) {
                throw new InterruptedException("enough");
              }
            });

    assertThatThrownBy(identity::await).isInstanceOf(InterruptedException.class);
    assertThat(seen)
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
  }

  @Test
  void aUrlThatIsNotSlacksWebApiStopsTheStartNamingTheSetting() {
    // The stand-in's own root is no Web API method: 404.
    URI wrong = URI.create("http://127.0.0.1:" + slack.port() + "/not-the-api/");

    assertThatThrownBy(() -> check("xoxb-good", wrong).await())
        .isInstanceOf(CannotStartException.class)
        .hasMessageContaining("answered HTTP 404")
        .hasMessageContaining("SLACK_API_URL");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
