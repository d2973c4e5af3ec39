package org.secondshift.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.secondshift.config.CannotStartException;
import org.secondshift.config.EnvironmentSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Slack ({@code auth.test}) whom the bot token belongs to before the bot says it is up: a
 * token Slack refuses stops the start with one line to show; while Slack cannot be reached or is
 * having trouble, it asks again with a growing pause instead of giving up.
 */
public final class SlackIdentity {
  /** The first pause between attempts; each next one is twice as long, up to {@link #MAX_PAUSE}. */
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

  static final Duration MAX_PAUSE = Duration.ofSeconds(30);

  /**
   * Errors of auth.test that say Slack is having trouble, not that the token is wrong
   * (https://api.slack.com/methods/auth.test, Errors); every other error refuses the token.
   */
  static final Set<String> TRANSIENT =
      Set.of(
          "ratelimited", "request_timeout", "service_unavailable", "fatal_error", "internal_error");

  private static final Logger log = LoggerFactory.getLogger(SlackIdentity.class);

  private final MethodsClient methods;
  private final URI apiUrl;
  private final Pause pause;

  /**
   * @param methods a client holding the bot token
   * @param apiUrl where those calls go, as named in messages
   * @param pause how to wait between attempts
   */
  public SlackIdentity(MethodsClient methods, URI apiUrl, Pause pause) {
    this.methods = methods;
    this.apiUrl = apiUrl;
    this.pause = pause;
  }

  /** Waits on the calling thread; the way the bot waits between attempts for real. */
  public static Pause sleeping() {
    return d -> Thread.sleep(d.toMillis());
  }

  /**
   * The workspace and bot user the token belongs to, once Slack answers.
   *
   * @throws CannotStartException when Slack refuses the token, or the URL does not lead to Slack
   * @throws InterruptedException when interrupted while waiting to ask again
   */
  public Identity await() throws InterruptedException {
    Duration next = FIRST_PAUSE;
    for (int attempt = 1; ; attempt++) {
      Duration wait = next;
      String trouble;
      AuthTestResponse answer = null;
      try {
        answer = methods.authTest(req -> req);
        trouble = answer.getError();
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        if (status != 429 && status < 500) {
          throw notSlack("answered HTTP " + status + " to auth.test");
        }
        wait = max(next, retryAfter(e));
        trouble = "HTTP " + status;
      } catch (IOException e) {
        trouble = "unreachable: " + e.getMessage();
      } catch (RuntimeException e) {
        // An answer that is not Slack's JSON: something else listens at that URL.
        throw notSlack("did not answer auth.test like Slack");
      }
      if (answer != null && answer.isOk()) {
        return new Identity(answer.getTeamId(), answer.getTeam(), answer.getUserId());
      }
      if (answer != null && (trouble == null || !TRANSIENT.contains(trouble))) {
        throw refused(trouble == null ? "no error named" : trouble);
      }
      log.warn(
          "Slack's Web API at {} did not confirm the bot token ({}); asking again in {} s"
              + " (attempt {})",
          apiUrl,
          LogText.cap(trouble),
          wait.toSeconds(),
          attempt);
      pause.pause(wait);
      next = max(FIRST_PAUSE, min(next.multipliedBy(2), MAX_PAUSE));
    }
  }

  private CannotStartException notSlack(String what) {
    return new CannotStartException(
        "Slack's Web API at "
            + apiUrl
            + " "
            + what
            + "; check "
            + EnvironmentSettings.API_URL
            + ".");
  }

  private static CannotStartException refused(String error) {
    return new CannotStartException(
        "Slack refused "
            + EnvironmentSettings.BOT_TOKEN
            + " ("
            + LogText.cap(error)
            + "): set the Bot User OAuth Token (xoxb-…) of the installed app.");
  }

  private static Duration retryAfter(SlackApiException e) {
    String header = e.getResponse().header("Retry-After");
    try {
      return header == null
          ? Duration.ZERO
          : min(Duration.ofSeconds(Long.parseLong(header.trim())), MAX_PAUSE);
    } catch (NumberFormatException ignored) {
      return Duration.ZERO;
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** How the check waits between attempts; tests record the pauses instead of sleeping. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  /**
   * Whom the bot token belongs to.
   *
   * @param teamId the workspace, e.g. {@code T0123}
   * @param team the workspace's name
   * @param botUserId the bot's own user
   */
  public record Identity(String teamId, String team, String botUserId) {}
}
