package org.secondshift.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the tests that talk to the bot over signed HTTP share: before each test a {@link RunningBot}
 * on a fresh SQLite file, its clock at the instant the class names and the class's people in the
 * stand-in; after it, the bot closed. A test class extends this and states only its instant, its
 * channel and its people; {@link OnEachVendor} runs it once on each {@link Vendor}.
 */
public abstract class BotOverHttp {
  private static final Duration SENDING = Duration.ofSeconds(15);

  /** Where {@link #shift} is typed when the class names no channel. */
  private static final String GENERAL = "C0GENERAL";

  @TempDir protected Path dir;

  /** The bot of this test; a test may close it and put another here, which is closed after it. */
  protected RunningBot running;

  protected final Envelopes envelopes = new Envelopes();

  private final Instant startsAt;
  private final String channel;
  private final List<Person> people;

  /** Someone the stand-in knows: their user id, name and time zone. */
  public record Person(String id, String name, String zone) {}

  protected BotOverHttp(Instant start, Person... people) {
    this(start, GENERAL, people);
  }

  protected BotOverHttp(Instant start, String channel, Person... people) {
    this.startsAt = start;
    this.channel = channel;
    this.people = List.of(people);
  }

  /** Someone in Berlin. */
  protected static Person person(String id, String name) {
    return person(id, name, "Europe/Berlin");
  }

  protected static Person person(String id, String name, String zone) {
    return new Person(id, name, zone);
  }

  @BeforeEach
  protected final void startTheBot() throws Exception {
    running = start(dir, startsAt);
    for (Person p : people) {
      running.slack.addUser(p.id(), p.name(), p.zone());
    }
  }

  /** The bot at {@code now}: on SQLite here, on the class's vendor in {@link OnEachVendor}. */
  protected RunningBot start(Path dir, Instant now) throws Exception {
    return RunningBot.http(dir, now);
  }

  @AfterEach
  protected final void stopTheBot() throws Exception {
    running.close();
  }

  /**
   * Lets the outbox send until {@code done}, within 15 seconds: whenever no {@code
   * chat.postMessage} comes for a moment, the bot's clock moves by {@code step}, since the outbox
   * paces each channel and spaces its retries by that clock.
   */
  protected void sendUntil(BooleanSupplier done, Duration step) {
    long deadline = System.nanoTime() + SENDING.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("sent in time").isLessThan(deadline);
      running.bot.parts().outbox().wake();
      try {
        running.slack.awaitCalls(
            "chat.postMessage",
            running.slack.calls("chat.postMessage").size() + 1,
            Duration.ofMillis(300));
      } catch (IllegalStateException notYet) {
        running.clock.advance(step);
      }
    }
  }

  /** The JSON answer to {@code user}'s signed {@code /shift text} in the class's channel. */
  protected JsonObject shift(String user, String text) {
    return body(running.requests.command(Envelopes.TEAM, user, channel, text));
  }

  /** The {@code text} of the answer to {@code user}'s {@code /shift text}. */
  protected String reply(String user, String text) {
    return shift(user, text).get("text").getAsString();
  }

  /** The JSON body of {@code response}, once it is known to be a 200. */
  protected static JsonObject body(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  /** As {@link BotOverHttp}, each test once on SQLite and once on PostgreSQL. */
  @ParameterizedClass
  @EnumSource(Vendor.class)
  public abstract static class OnEachVendor extends BotOverHttp {
    @Parameter protected Vendor vendor;

    protected OnEachVendor(Instant start, Person... people) {
      super(start, people);
    }

    protected OnEachVendor(Instant start, String channel, Person... people) {
      super(start, channel, people);
    }

    @Override
    protected RunningBot start(Path dir, Instant now) throws Exception {
      return RunningBot.http(dir, now, vendor);
    }
  }
}
