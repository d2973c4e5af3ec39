package org.secondshift.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * What the bot counts and times, for Prometheus. Every label is a small, fixed set of words (an
 * event type, a subcommand, a Web API method, an outcome): never a team, user or channel id, for
 * the sake of both privacy and the number of series.
 */
public final class BotMetrics {
  /** How a Web API method is named in a URL path: {@code chat.postMessage}. */
  private static final Pattern METHOD = Pattern.compile("[a-z]+(\\.[a-zA-Z]+)+");

  /** Event types and commands are the words Slack sends; anything unexpected is one bucket. */
  private static final Pattern WORD = Pattern.compile("[a-z_]{1,40}");

  /** Enough of an answer to see its {@code "ok"}, which Slack writes first. */
  private static final long PEEK_BYTES = 64;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  // One meter per label value, as the registry keeps them anyway; labels are words, never ids.
  private final Map<String, Timer> acks = new ConcurrentHashMap<>();
  private final Map<String, Counter> events = new ConcurrentHashMap<>();
  private JvmGcMetrics gc;

  /** With the JVM's own meters: memory, collections, threads, classes, CPU, uptime. */
  public BotMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** The registry, for binders that attach themselves (Jetty's thread pool and connections). */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The text Prometheus reads. */
  public String scrape() {
    return registry.scrape();
  }

  /** One request from Slack (HTTP or Socket Mode), of {@code type}, answered in {@code took}. */
  public void request(String type, Duration took) {
    // Looked up once per type: this runs for every event, and building the meter's id each time
    // costs more than recording.
    acks.computeIfAbsent(
            word(type),
            t ->
                Timer.builder("second_shift_ack")
                    .description("Time from a request's arrival to its acknowledgement")
                    .tag("type", t)
                    .publishPercentileHistogram()
                    .serviceLevelObjectives(
                        Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(3))
                    .register(registry))
        .record(took);
  }

  /** An activity event: {@code recorded} when new, otherwise a retry or repeat, deduplicated. */
  public void activity(String kind, boolean recorded) {
    events
        .computeIfAbsent(
            word(kind) + (recorded ? "/recorded" : "/deduplicated"),
            key ->
                Counter.builder("second_shift_events")
                    .description("Activity events by kind and what became of them")
                    .tag("kind", key.substring(0, key.indexOf('/')))
                    .tag("outcome", key.substring(key.indexOf('/') + 1))
                    .register(registry))
        .increment();
  }

  /** One {@code /shift} invocation and how it ended ({@code ok}, {@code usage}, {@code help}…). */
  public void command(String subcommand, String outcome) {
    Counter.builder("second_shift_commands")
        .description("/shift invocations by subcommand and outcome")
        .tag("subcommand", word(subcommand))
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** A message of {@code kind} (nudge, handoff, summary…) delivered to Slack by the outbox. */
  public void delivered(String kind) {
    Counter.builder("second_shift_messages_delivered")
        .description("Messages the outbox delivered, by kind")
        .tag("kind", kind)
        .register(registry)
        .increment();
  }

  /** A message of {@code kind} the outbox gave up on. */
  public void givenUp(String kind) {
    Counter.builder("second_shift_messages_given_up")
        .description("Messages the outbox gave up on, by kind")
        .tag("kind", kind)
        .register(registry)
        .increment();
  }

  /** A click on a nudge's button. */
  public void nudgeAnswer(String answer) {
    Counter.builder("second_shift_nudge_answers")
        .description("Clicks on nudge buttons, by answer")
        .tag("answer", word(answer))
        .register(registry)
        .increment();
  }

  /** A trigger that fired late (the scheduler was busy or the bot was down). */
  public void misfire(String job) {
    Counter.builder("second_shift_scheduler_misfires")
        .description("Quartz triggers that misfired, by job")
        .tag("job", job)
        .register(registry)
        .increment();
  }

  /** One transaction of the database writer: how many writes it held, how long it took. */
  public void writeBatch(int writes, long nanos) {
    DistributionSummary.builder("second_shift_db_write_batch")
        .description("Writes committed together in one transaction")
        .baseUnit("writes")
        .publishPercentileHistogram()
        .maximumExpectedValue(1024.0)
        .register(registry)
        .record(writes);
    Timer.builder("second_shift_db_commit")
        .description("Time one batch of writes took, transaction and commit")
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.ofNanos(nanos));
  }

  /** The outbox's backlog, read when Prometheus scrapes. */
  public void outbox(Supplier<Long> waiting, Supplier<Double> oldestAgeSeconds) {
    Gauge.builder("second_shift_outbox_waiting", () -> waiting.get())
        .description("Messages waiting to be sent")
        .register(registry);
    Gauge.builder("second_shift_outbox_oldest_age_seconds", () -> oldestAgeSeconds.get())
        .description("How long the oldest waiting message has waited")
        .baseUnit("seconds")
        .register(registry);
  }

  /**
   * Counts every Web API answer by method and outcome ({@code ok}, {@code error}, {@code
   * rate_limited}…): an interceptor on the HTTP client, since the SDK tells its own listeners only
   * of answers it could parse, not of a 429.
   */
  public Interceptor slackCalls() {
    return chain -> {
      Response response = chain.proceed(chain.request());
      List<String> path = response.request().url().pathSegments();
      String last = path.isEmpty() ? "" : path.get(path.size() - 1);
      boolean webApi = METHOD.matcher(last).matches();
      String body =
          response.code() == 200 && webApi ? response.peekBody(PEEK_BYTES).string() : null;
      Counter.builder("second_shift_slack_calls")
          .description("Slack Web API calls by method and outcome")
          .tag("method", webApi ? last : "file_upload")
          .tag("outcome", outcome(response.code(), body))
          .register(registry)
          .increment();
      return response;
    };
  }

  private static String outcome(int status, String body) {
    if (status == 429) {
      return "rate_limited";
    }
    if (status >= 500) {
      return "server_error";
    }
    if (status >= 400) {
      return "http_" + status;
    }
    if (body != null && body.replace(" ", "").startsWith("{\"ok\":false")) {
      return "error";
    }
    return "ok";
  }

  private static String word(String raw) {
    String w = raw == null ? "" : raw.toLowerCase(Locale.ROOT);
    return WORD.matcher(w).matches() ? w : "other";
  }

  /** Releases what the binders hold (the collector listener). */
  public void close() {
    if (gc != null) {
      gc.close();
      gc = null;
    }
    registry.close();
  }
}
