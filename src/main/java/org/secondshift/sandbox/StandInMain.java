package org.secondshift.sandbox;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Slack stand-in on its own, so the bot can be tried over real HTTP without Slack.
 *
 * <p>Usage: {@code java -cp target/second-shift.jar org.secondshift.sandbox.StandInMain [port]
 * [USERID:name:Zone/Id ...]}
 */
public final class StandInMain {
  private StandInMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    SlackStandIn standIn = SlackStandIn.start(Clock.systemUTC(), port);
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--app=")) {
        // --app=CLIENT_ID,CLIENT_SECRET,REDIRECT_URL: an app installers can add through OAuth.
        String[] app = args[i].substring("--app=".length()).split(",", 3);
        if (app.length != 3) {
          System.err.println("--app takes CLIENT_ID,CLIENT_SECRET,REDIRECT_URL; skipped");
          continue;
        }
        standIn.registerApp(app[0], app[1], java.net.URI.create(app[2]), false);
        continue;
      }
      String[] parts = args[i].split(":", 3);
      if (parts.length != 3) {
        System.err.println(
            "Users are USERID:name:Zone/Id, e.g. U0ADA:ada:Europe/Berlin; skipped " + args[i]);
        continue;
      }
      standIn.addUser(parts[0], parts[1], parts[2]);
    }
    System.out.println("Slack stand-in: SLACK_API_URL=" + standIn.apiUrl());
    Runtime.getRuntime().addShutdownHook(new Thread(standIn::close, "stand-in-shutdown"));
    new CountDownLatch(1).await();
  }
}
