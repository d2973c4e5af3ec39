package org.secondshift.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.function.BooleanSupplier;
import org.secondshift.Bot;
import org.secondshift.config.Mode;
import org.secondshift.config.Settings;
import org.secondshift.sandbox.Sandbox;
import org.secondshift.sandbox.seed.SeedAppliers;
import org.secondshift.store.DatabaseLocation;

/** The sandbox as {@code bin/run} starts it without tokens, on a free port, seeded from seeds/. */
public final class RunningSandbox implements AutoCloseable {
  /** A Tuesday afternoon in Europe: Maya's stretch began before noon in Berlin. */
  public static final Instant NOW = Instant.parse("2026-11-24T14:00:00Z");

  public final SettableClock clock;
  public final Path database;
  public final Sandbox sandbox;
  private final HttpClient http = HttpClient.newHttpClient();

  private RunningSandbox(SettableClock clock, Path database, Sandbox sandbox) {
    this.clock = clock;
    this.database = database;
    this.sandbox = sandbox;
  }

  /** A fresh sandbox: the database is replaced by the seed, as with {@code bin/run --reset}. */
  public static RunningSandbox start(Path dir) throws Exception {
    return start(dir, true, SeedAppliers.standard());
  }

  /** A fresh sandbox whose feature sections go to {@code appliers} instead of the features. */
  public static RunningSandbox start(Path dir, SeedAppliers appliers) throws Exception {
    return start(dir, true, appliers);
  }

  /** As {@code bin/run} without {@code --reset}: an existing database is kept. */
  public static RunningSandbox startKeeping(Path dir) throws Exception {
    return start(dir, false, SeedAppliers.standard());
  }

  /**
   * As {@code bin/run} again after a stop: the database and conversations kept, on {@code port},
   * the clock going on from where {@code clock} stands.
   */
  public static RunningSandbox startKeeping(Path dir, SettableClock clock, int port)
      throws Exception {
    return start(dir, false, SeedAppliers.standard(), clock, port);
  }

  private static RunningSandbox start(Path dir, boolean fresh, SeedAppliers appliers)
      throws Exception {
    return start(dir, fresh, appliers, new SettableClock(NOW), 0);
  }

  private static RunningSandbox start(
      Path dir, boolean fresh, SeedAppliers appliers, SettableClock clock, int port)
      throws Exception {
    Path db = dir.resolve("sandbox.db");
    Settings settings =
        new Settings(
            Mode.SANDBOX,
            null,
            null,
            null,
            Settings.SLACK_API,
            port,
            DatabaseLocation.sqlite(db),
            Duration.ofMinutes(30),
            Duration.ofMinutes(10),
            LocalTime.of(22, 0),
            LocalTime.of(7, 0));
    Sandbox sandbox = Sandbox.start(settings, clock, Path.of("seeds"), appliers, fresh);
    return new RunningSandbox(clock, db, sandbox);
  }

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  /**
   * Lets the outbox send until {@code done}: the test clock stands still, so it is moved a second
   * at a time for the per-channel pacing, and each send is awaited on the stand-in.
   */
  public void deliverUntil(BooleanSupplier done) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + PATIENCE + " for the bot's messages");
      }
      int calls = sandbox.slack().calls().size();
      clock.advance(Duration.ofSeconds(1));
      bot().parts().outbox().wake();
      try {
        sandbox
            .slack()
            .awaitCalls(
                "chat.postMessage",
                sandbox.slack().calls("chat.postMessage").size() + 1,
                Duration.ofMillis(300));
      } catch (IllegalStateException e) {
        // Nothing more was posted this round; uploads and updates are checked by done().
      }
      if (sandbox.slack().calls().size() == calls && done.getAsBoolean()) {
        return;
      }
    }
  }

  /** Waits until the bot has posted in {@code channel}. */
  public void awaitBotMessage(String channel) {
    deliverUntil(() -> sandbox.slack().messages(channel).stream().anyMatch(m -> m.fromBot()));
  }

  /** The bot of the current generation. */
  public Bot bot() {
    return sandbox.bot();
  }

  public String url() {
    return "http://127.0.0.1:" + sandbox.port() + "/";
  }

  public long count(String sql) {
    return DbPeek.count(database, sql);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url() + path)).GET().build());
  }

  public HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(url() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A call to the stand-in's Web API, made the way the bot would make it. */
  public JsonObject slackApi(String method, String json) {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(sandbox.slack().apiUrl() + method))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + Sandbox.BOT_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  public static JsonObject json(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    sandbox.close();
  }
}
