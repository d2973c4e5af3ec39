package org.secondshift.slack.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.secondshift.sandbox.RecordedCall;
import org.secondshift.testing.BotOverHttp;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.RunningBot;

/**
 * Installing through Slack's OAuth flow, as an admin's browser does it, and serving several
 * workspaces at once, each with its own token, through real HTTP against the stand-in.
 */
class InstallsOverHttpTest extends BotOverHttp.OnEachVendor {
  private static final Instant MORNING = Instant.parse("2026-11-24T08:00:00Z");
  private static final String ALPHA = "T0ALPHA";
  private static final String BETA = "T0BETA";
  private static final String ANA = "U0ANA";
  private static final String BEA = "U0BEA";
  private static final Pattern ADD_TO_SLACK =
      Pattern.compile("href=\"([^\"]*oauth/v2/authorize[^\"]*)\"");

  private final HttpClient browser =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  InstallsOverHttpTest() {
    super(MORNING);
  }

  @Override
  protected RunningBot start(Path dir, Instant now) throws Exception {
    return RunningBot.distributed(dir, now, vendor, false);
  }

  @Test
  void anAdminInstallsFromTheAddToSlackPageAndIsToldWhatToDoNext() throws Exception {
    HttpResponse<String> page = get("/slack/install", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body())
        .contains("Add to Slack")
        .contains("chat:write")
        .contains("never what they write")
        .contains("/shift forget-me");

    HttpResponse<String> done = install(ALPHA, "Alpha Lab", "U0ADMIN");
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body())
        .contains("installed in Alpha Lab")
        .contains("/invite @Second Shift")
        .contains("/shift help")
        .doesNotContain("Exception");

    assertThat(running.count("SELECT COUNT(*) FROM installation WHERE team_id = 'T0ALPHA'"))
        .isEqualTo(1);
    String token = tokenIssuedTo(ALPHA);
    // Sealed at rest: the row holds no token in clear.
    assertThat(rowsContaining(token)).isEmpty();
    assertThat(running.count("SELECT COUNT(*) FROM installation WHERE bot_token LIKE 'v1:%'"))
        .isEqualTo(1);
    if (running.database != null) {
      running.close();
      assertThat(new String(Files.readAllBytes(running.database), StandardCharsets.ISO_8859_1))
          .doesNotContain(token);
      running = start(dir.resolve("again"), MORNING);
    }
  }

  @Test
  void aCancelledExpiredReusedOrOrgWideInstallGetsAClearPageAndInstallsNothing() throws Exception {
    running.slack.denyNextInstall();
    HttpResponse<String> denied = installAsArranged();
    assertThat(denied.body()).contains("The install was cancelled").contains("/slack/install");

    HttpResponse<String> forged =
        get("/slack/oauth_redirect?code=abc&state=made-up", "slack-app-oauth-state=made-up");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("This install link has expired");

    // A real flow whose callback comes back a second time, or without the browser's cookie.
    HttpResponse<String> page = get("/slack/install", null);
    String cookie = cookie(page);
    running.slack.approveNextInstall(ALPHA, "Alpha Lab", "U0ADMIN");
    String callback = authorize(authorizeUrl(page));
    assertThat(get(callback, null).statusCode()).isEqualTo(400);
    assertThat(get(callback, cookie).statusCode()).isEqualTo(200);
    HttpResponse<String> replayed = get(callback, cookie);
    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(replayed.body()).contains("expired").doesNotContain("at org.");

    running.slack.approveNextOrgWide(BETA, "Beta Corp", "U0ADMIN");
    HttpResponse<String> org = installAsArranged();
    assertThat(org.statusCode()).isEqualTo(403);
    assertThat(org.body()).contains("Install it in each workspace instead");
    assertThat(running.slack.calls("auth.revoke")).hasSize(1);

    HttpResponse<String> nothing = get("/slack/oauth_redirect", null);
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(running.count("SELECT COUNT(*) FROM installation")).isEqualTo(1);
  }

  @Test
  void twoWorkspacesEachGetTheirOwnTokenAndAnUninstallErasesOneAndLeavesTheOther()
      throws Exception {
    java.io.ByteArrayOutputStream logged = new java.io.ByteArrayOutputStream();
    java.io.PrintStream err = System.err;
    System.setErr(new java.io.PrintStream(logged, true, StandardCharsets.UTF_8));
    try {
      twoWorkspaces();
    } finally {
      System.setErr(err);
    }
    // Neither a workspace's token nor the app's secret reaches a log line.
    String log = logged.toString(StandardCharsets.UTF_8);
    assertThat(log).doesNotContain(RunningBot.CLIENT_SECRET).doesNotContain("xoxb-T0");
    for (RecordedCall call : running.slack.calls("oauth.v2.access")) {
      assertThat(log).doesNotContain(call.answer());
    }
  }

  private void twoWorkspaces() throws Exception {
    install(ALPHA, "Alpha Lab", "U0ADMIN");
    install(BETA, "Beta Lab", "U0BOSS");
    running.slack.addUser(ALPHA, ANA, "ana", "Europe/Berlin");
    running.slack.addUser(BETA, BEA, "bea", "Asia/Tokyo");
    Envelopes alpha = envelopes.inTeam(ALPHA);
    Envelopes beta = envelopes.inTeam(BETA);
    for (int i = 0; i < 6; i++) {
      Instant at = MORNING.plus(Duration.ofMinutes(20L * i));
      assertThat(running.requests.json(alpha.message(ANA, "C0TEAM", at)).statusCode())
          .isEqualTo(200);
      assertThat(running.requests.json(beta.message(BEA, "C0TEAM", at)).statusCode())
          .isEqualTo(200);
    }
    running.clock.set(MORNING.plus(Duration.ofHours(2)));
    assertThat(body(running.requests.command(ALPHA, ANA, "C0TEAM", "hours")).toString())
        .contains("1 h 50 min");
    assertThat(body(running.requests.command(BETA, BEA, "C0TEAM", "hours")).toString())
        .contains("1 h 50 min");

    // A burst of 429s for Alpha holds up only Alpha's messages.
    running.slack.rateLimitTeam(ALPHA, 1000, 60);
    body(running.requests.command(ALPHA, ANA, "C0TEAM", "export"));
    body(running.requests.command(BETA, BEA, "C0TEAM", "export"));
    running.bot.parts().outbox().drainAndWait(Duration.ofSeconds(10));
    running.slack.awaitCalls("files.completeUploadExternal", 1, Duration.ofSeconds(10));
    assertThat(running.slack.uploads())
        .singleElement()
        .satisfies(u -> assertThat(u.channelId()).isEqualTo("D" + BEA));

    // Every call went with the token of the workspace it served.
    for (RecordedCall call : running.slack.calls()) {
      if (call.token() != null && call.token().startsWith("xoxb-T0")) {
        String team = running.slack.teamOfToken(call.token()).orElseThrow();
        String about =
            String.valueOf(
                call.params()
                    .getOrDefault(
                        "user", call.params().getOrDefault("channel", call.params().get("users"))));
        if (about.equals(ANA) || about.equals("D" + ANA)) {
          assertThat(team).as(call.method()).isEqualTo(ALPHA);
        }
        if (about.equals(BEA) || about.equals("D" + BEA)) {
          assertThat(team).as(call.method()).isEqualTo(BETA);
        }
      }
    }
    assertThat(running.slack.calls())
        .noneMatch(
            c -> c.answer().contains("user_not_found") || c.answer().contains("channel_not_found"));

    // Alpha uninstalls while its export still waits out the 429s.
    assertThat(running.count("SELECT COUNT(*) FROM outbox WHERE team_id = 'T0ALPHA'")).isPositive();
    var uninstalled =
        running.requests.json(
            alpha.envelope(alpha.eventId(), uninstalledEvent(), running.clock.instant()));
    assertThat(uninstalled.statusCode()).isEqualTo(200);
    assertThat(rowsContaining(ALPHA)).isEmpty();
    assertThat(rowsContaining(BETA)).isNotEmpty();
    running.slack.rateLimitTeam(ALPHA, 0, 0);
    running.clock.advance(Duration.ofMinutes(5));
    running.bot.parts().outbox().drainAndWait(Duration.ofSeconds(10));
    assertThat(running.slack.uploads()).hasSize(1);

    // After that, Alpha's events are acknowledged and dropped, its commands told why.
    var late = running.requests.json(alpha.message(ANA, "C0TEAM", running.clock.instant()));
    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(
            body(running.requests.command(ALPHA, ANA, "C0TEAM", "hours")).get("text").getAsString())
        .contains("not installed in this workspace");
    assertThat(rowsContaining(ALPHA)).isEmpty();
    assertThat(body(running.requests.command(BETA, BEA, "C0TEAM", "hours")).toString())
        .contains("1 h 50 min");
  }

  @Test
  void eachWorkspaceReadsOnlyItsOwnPeopleFiguresAndNamesAndOnesLimitsNeverDelayTheOther()
      throws Exception {
    install(ALPHA, "Alpha Lab", "U0ADMIN");
    install(BETA, "Beta Lab", "U0BOSS");
    List<String> alphas = List.of(ANA, "U0AYO", "U0AXEL");
    List<String> betas = List.of(BEA, "U0BEN", "U0BO");
    for (String user : alphas) {
      running.slack.addUser(
          ALPHA, user, user.substring(2).toLowerCase(java.util.Locale.ROOT), "Europe/Berlin");
    }
    for (String user : betas) {
      running.slack.addUser(
          BETA, user, user.substring(2).toLowerCase(java.util.Locale.ROOT), "Asia/Tokyo");
    }
    for (String channel : List.of("C0ALPHA", "C0BETA")) {
      running.slack.addChannel(channel, channel.toLowerCase(java.util.Locale.ROOT));
      running.slack.invite(channel, running.slack.botUserId());
    }
    Envelopes alpha = envelopes.inTeam(ALPHA);
    Envelopes beta = envelopes.inTeam(BETA);
    // Last Monday Alpha's three worked 1 h 50 min each and Beta's three 50 min: figures that tell
    // the workspaces apart (a summary shows figures only for three people or more).
    Instant lastMonday = Instant.parse("2026-11-16T08:00:00Z");
    for (int i = 0; i < 6; i++) {
      Instant at = lastMonday.plus(Duration.ofMinutes(20L * i));
      for (String user : alphas) {
        assertThat(running.requests.json(alpha.message(user, "C0ALPHA", at)).statusCode())
            .isEqualTo(200);
      }
      for (String user : i < 3 ? betas : List.<String>of()) {
        assertThat(running.requests.json(beta.message(user, "C0BETA", at)).statusCode())
            .isEqualTo(200);
      }
    }
    String anaLast = body(running.requests.command(ALPHA, ANA, "C0ALPHA", "hours last")).toString();
    String beaLast = body(running.requests.command(BETA, BEA, "C0BETA", "hours last")).toString();
    assertThat(anaLast).contains("1 h 50 min").doesNotContain(BEA);
    assertThat(beaLast).contains("50 min").doesNotContain("1 h 50 min").doesNotContain(ANA);

    // Each workspace's summary speaks of its own people only.
    body(running.requests.command(ALPHA, ANA, "C0ALPHA", "summary now"));
    body(running.requests.command(BETA, BEA, "C0BETA", "summary now"));
    running.bot.parts().outbox().drainAndWait(Duration.ofSeconds(10));
    running.slack.awaitCalls("files.completeUploadExternal", 2, Duration.ofSeconds(10));
    String alphaPost = single(running.slack.messages("C0ALPHA"));
    String betaPost = single(running.slack.messages("C0BETA"));
    assertThat(alphaPost).contains("3 people").contains("Median per person*\\n1 h 50 min");
    for (String user : betas) {
      assertThat(alphaPost).doesNotContain(user);
    }
    assertThat(betaPost).contains("3 people").contains("Median per person*\\n50 min");
    assertThat(betaPost).doesNotContain("1 h 50 min");
    for (String user : alphas) {
      assertThat(betaPost).doesNotContain(user);
    }

    // Home, for each of them, in each workspace.
    openHome(alpha, ANA);
    openHome(beta, BEA);
    running.slack.awaitCalls("views.publish", 2, Duration.ofSeconds(10));
    assertThat(running.slack.homeView(ANA).orElseThrow()).doesNotContain(BEA);
    assertThat(running.slack.homeView(BEA).orElseThrow()).doesNotContain(ANA);
    for (RecordedCall call : running.slack.calls("views.publish")) {
      String expected = call.param("user_id").equals(ANA) ? ALPHA : BETA;
      assertThat(running.slack.teamOfToken(call.token())).hasValue(expected);
    }

    // Alpha hits a wall of 429s with an export queued; Bea's rest nudge goes out on time anyway.
    running.slack.rateLimitTeam(ALPHA, 1000, 60);
    body(running.requests.command(ALPHA, ANA, "C0ALPHA", "export"));
    for (int m = 0; m <= 190; m += 10) {
      Instant at = MORNING.plus(Duration.ofMinutes(m));
      running.clock.set(at);
      assertThat(running.requests.json(beta.message(BEA, "C0BETA", at)).statusCode())
          .isEqualTo(200);
    }
    assertThat(running.bot.parts().nudges().awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(running.count("SELECT COUNT(*) FROM nudge WHERE team_id = 'T0BETA'"))
        .as("%s", running.slack.calls())
        .isEqualTo(1);
    running.bot.parts().outbox().drainAndWait(Duration.ofSeconds(10));
    assertThat(running.slack.messages("D" + BEA))
        .anySatisfy(dm -> assertThat(dm.text()).contains("without a break"));
    assertThat(running.slack.messages("D" + ANA)).isEmpty();
    assertThat(running.slack.uploads()).noneMatch(u -> u.channelId().equals("D" + ANA));
    assertThat(running.count("SELECT COUNT(*) FROM outbox WHERE team_id = 'T0ALPHA'")).isPositive();
  }

  private static String single(List<org.secondshift.sandbox.PostedMessage> posts) {
    assertThat(posts).hasSize(1);
    return posts.get(0).text() + posts.get(0).blocksJson();
  }

  private void openHome(Envelopes team, String user) {
    com.google.gson.JsonObject event = new com.google.gson.JsonObject();
    event.addProperty("type", "app_home_opened");
    event.addProperty("user", user);
    event.addProperty("channel", "D" + user);
    event.addProperty("tab", "home");
    event.addProperty("event_ts", Envelopes.ts(running.clock.instant()));
    assertThat(
            running
                .requests
                .json(team.envelope(team.eventId(), event, running.clock.instant()))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aRotatingTokenIsRefreshedOnceBeforeItExpiresAndTheNewOneIsUsed() throws Exception {
    running.close();
    running = RunningBot.distributed(dir.resolve("rotating"), MORNING, vendor, true);
    install(ALPHA, "Alpha Lab", "U0ADMIN");
    running.slack.addUser(ALPHA, ANA, "ana", "Europe/Berlin");
    String first = tokenIssuedTo(ALPHA);
    body(running.requests.command(ALPHA, ANA, "C0TEAM", "export"));
    running.slack.awaitCalls("files.completeUploadExternal", 1, Duration.ofSeconds(10));

    // Eleven of its twelve hours later, the next use refreshes it, once.
    running.clock.advance(Duration.ofHours(11));
    body(running.requests.command(ALPHA, ANA, "C0TEAM", "export"));
    body(running.requests.command(ALPHA, ANA, "C0TEAM", "status"));
    running.bot.parts().outbox().drainAndWait(Duration.ofSeconds(10));
    running.slack.awaitCalls("files.completeUploadExternal", 2, Duration.ofSeconds(10));
    List<RecordedCall> refreshes =
        running.slack.calls("oauth.v2.access").stream()
            .filter(c -> "refresh_token".equals(c.param("grant_type")))
            .toList();
    assertThat(refreshes).hasSize(1);
    String second = tokenIssuedTo(ALPHA);
    assertThat(second).isNotEqualTo(first);
    List<RecordedCall> uploads = running.slack.calls("files.completeUploadExternal");
    assertThat(uploads.get(0).token()).isEqualTo(first);
    assertThat(uploads.get(1).token()).isEqualTo(second);
    assertThat(rowsContaining(second)).isEmpty();
  }

  private static com.google.gson.JsonObject uninstalledEvent() {
    com.google.gson.JsonObject event = new com.google.gson.JsonObject();
    event.addProperty("type", "app_uninstalled");
    return event;
  }

  /** The admin's whole way, approving for {@code team} on Slack's page. */
  private HttpResponse<String> install(String team, String name, String installer)
      throws Exception {
    running.slack.approveNextInstall(team, name, installer);
    return installAsArranged();
  }

  /** The install page, Slack's authorize page (doing what the test arranged), back to the bot. */
  private HttpResponse<String> installAsArranged() throws Exception {
    HttpResponse<String> page = get("/slack/install", null);
    String cookie = cookie(page);
    return get(authorize(authorizeUrl(page)), cookie);
  }

  private String authorize(String url) throws Exception {
    HttpResponse<String> slack =
        browser.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(slack.statusCode()).as(slack.body()).isEqualTo(302);
    return slack.headers().firstValue("Location").orElseThrow();
  }

  private static String authorizeUrl(HttpResponse<String> page) {
    Matcher m = ADD_TO_SLACK.matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    return m.group(1).replace("&amp;", "&");
  }

  private static String cookie(HttpResponse<String> page) {
    String set = page.headers().firstValue("Set-Cookie").orElseThrow();
    return set.substring(0, set.indexOf(';'));
  }

  private HttpResponse<String> get(String pathOrUrl, String cookie) throws Exception {
    URI uri =
        pathOrUrl.startsWith("http")
            ? URI.create(pathOrUrl)
            : URI.create("http://127.0.0.1:" + running.bot.port() + pathOrUrl);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String tokenIssuedTo(String team) {
    return running.slack.calls("oauth.v2.access").stream()
        .map(RecordedCall::answer)
        .filter(r -> r.contains("\"" + team + "\""))
        .map(
            r ->
                com.google.gson.JsonParser.parseString(r)
                    .getAsJsonObject()
                    .get("access_token")
                    .getAsString())
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  /** Every (table, column) holding {@code text} anywhere in the bot's database. */
  private List<String> rowsContaining(String text) {
    return DbPeek.columnsContaining(running.location, text);
  }
}
