package org.secondshift.bench;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.event.MessageEvent;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.secondshift.config.EnvironmentSettings;
import org.secondshift.slack.HealthServlet;
import org.secondshift.slack.HttpServer;
import org.secondshift.slack.SlackApp;

/**
 * The second reference the bot is measured against: a plain Bolt for Java app whose message
 * listener does nothing but acknowledge, served by Bolt's own servlet ({@code
 * bolt-jakarta-servlet}) in the bot's {@link HttpServer}, so it has the same Jetty, thread pool and
 * Bolt version. Bolt checks the signature itself and authorizes each request with {@code auth.test}
 * (cached), against the stand-in.
 *
 * <p>Settings come from the environment, named as the bot's: {@code PORT}, {@code
 * SLACK_SIGNING_SECRET}, {@code SLACK_BOT_TOKEN} and {@code SLACK_API_URL}.
 */
public final class PlainBolt {
  private PlainBolt() {}

  public static void main(String[] args) throws Exception {
    String port = System.getenv(EnvironmentSettings.PORT);
    String secret = System.getenv(EnvironmentSettings.SIGNING_SECRET);
    String token = System.getenv(EnvironmentSettings.BOT_TOKEN);
    String api = System.getenv(EnvironmentSettings.API_URL);
    if (port == null || secret == null || token == null || api == null) {
      System.err.println(
          "PlainBolt needs PORT, SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN and SLACK_API_URL.");
      System.exit(2);
      return;
    }
    App app =
        new App(
            AppConfig.builder()
                .slack(SlackApp.client(URI.create(api)))
                .singleTeamBotToken(token)
                .signingSecret(secret)
                .build());
    app.event(MessageEvent.class, (payload, ctx) -> ctx.ack());
    HttpServer http =
        new HttpServer(
            Integer.parseInt(port),
            new SlackAppServlet(app),
            new HealthServlet(() -> true),
            Map.of());
    http.start();
    System.out.println("PlainBolt listening on port " + port);
    new CountDownLatch(1).await();
  }
}
