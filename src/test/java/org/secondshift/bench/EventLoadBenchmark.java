package org.secondshift.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.secondshift.Bot;
import org.secondshift.config.Mode;
import org.secondshift.config.Settings;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.slack.RequestGuard;
import org.secondshift.store.DatabaseLocation;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.RunningBot;

/**
 * Load test of the Events API path: signed message events over keep-alive HTTP/1.1 against the real
 * bot (Jetty, guard, Bolt, SQLite) and against a bare Jetty endpoint that only checks the
 * signature, then a fixed-rate run, then a count of what reached the database.
 *
 * <p>Run with {@code bin/bench [--events N] [--threads N] [--rate N] [--seconds N] [--warmup N]
 * [--client socket|jdk]}.
 */
public final class EventLoadBenchmark {
  private static final String HOST = "127.0.0.1";
  private static final String PATH = "/slack/events";
  private static final int USERS = 200;
  private static final int CHANNELS = 12;
  private static final Duration SPREAD = Duration.ofHours(6);

  /** No phase may run longer than this, whatever the figures. */
  private static final Duration PHASE_LIMIT = Duration.ofSeconds(60);

  private static final int IO_TIMEOUT_MS = 10_000;

  private final Options options;
  private final RequestGuard signer;
  private final Envelopes envelopes = new Envelopes();
  private final String runId = Long.toString(System.currentTimeMillis(), 36);
  private final AtomicLong nextEventId = new AtomicLong();

  private EventLoadBenchmark(Options options) {
    this.options = options;
    this.signer = new RequestGuard(RunningBot.SECRET, Clock.systemUTC());
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: bin/bench [--events N] [--threads N] [--rate N] [--seconds N]"
              + " [--warmup N] [--client socket|jdk] [--database-url jdbc:postgresql://…]");
      System.exit(2);
      return;
    }
    System.exit(new EventLoadBenchmark(options).run());
  }

  private int run() throws Exception {
    Clock clock = Clock.systemUTC();
    Path dir = Files.createTempDirectory("second-shift-bench");
    DatabaseLocation dbFile =
        options.databaseUrl == null
            ? DatabaseLocation.sqlite(dir.resolve("bench.db"))
            : DatabaseLocation.postgres(options.databaseUrl, null, null);
    boolean ok = true;
    try (SlackStandIn slack = SlackStandIn.start(clock)) {
      for (int u = 0; u < USERS; u++) {
        slack.addUser(
            userId(u),
            "person" + u,
            u % 3 == 0 ? "Europe/Berlin" : u % 3 == 1 ? "America/New_York" : "Asia/Tokyo");
      }
      Settings settings = RunningBot.settings(Mode.HTTP, slack, dbFile);
      System.out.printf(
          Locale.ROOT,
          "second-shift event load: %d threads, %s client, %d events"
              + " (+%d warm-up), %d/s for %d s; db %s%n",
          options.threads,
          options.client,
          options.events,
          options.warmup,
          options.rate,
          options.seconds,
          dbFile);

      Run botA;
      Run bareA;
      Run botB;
      long botOk;
      long stored;
      try (Bot bot = Bot.start(settings, clock);
          BareEndpoint bare = BareEndpoint.start(signer(clock))) {
        Target botTarget = new Target("bot", bot.port());
        Target bareTarget = new Target("bare", bare.port());

        Run botWarm = closedLoop(botTarget, options.warmup);
        botA = closedLoop(botTarget, options.events);
        Run bareWarm = closedLoop(bareTarget, options.warmup);
        bareA = closedLoop(bareTarget, options.events);
        botB = openLoop(botTarget, options.rate, options.seconds);

        botOk = botWarm.ok + botA.ok + botB.ok;
        long botSent = botWarm.sent + botA.sent + botB.sent;
        long failures =
            botWarm.failures()
                + botA.failures()
                + botB.failures()
                + bareWarm.failures()
                + bareA.failures();
        stored = DbPeek.count(dbFile, "SELECT COUNT(*) FROM activity");

        System.out.println(botA.throughputLine("A bot "));
        System.out.println(bareA.throughputLine("A bare"));
        double ratio = botA.perSecond() / bareA.perSecond();
        System.out.printf(Locale.ROOT, "A ratio bot/bare %.2f%n", ratio);
        System.out.println(botB.rateLine("B bot "));
        String storedVerdict = stored == botOk ? "OK" : "MISMATCH";
        System.out.printf(
            Locale.ROOT,
            "stored: %d activity rows, %d events acknowledged 200 of %d sent"
                + " to the bot -> %s%n",
            stored,
            botOk,
            botSent,
            storedVerdict);
        if (failures > 0) {
          System.out.printf(
              Locale.ROOT,
              "FAILURES: %d non-200 or failed requests (%s)%n",
              failures,
              String.join(
                  "; ",
                  List.of(
                      botWarm.problems("bot warm-up"),
                      botA.problems("bot A"),
                      botB.problems("bot B"),
                      bareWarm.problems("bare warm-up"),
                      bareA.problems("bare A"))));
          ok = false;
        }
        if (stored != botOk) {
          ok = false;
        }
        if (botA.incomplete || bareA.incomplete || botB.incomplete) {
          System.out.println("INCOMPLETE: a phase hit its time limit");
          ok = false;
        }
        boolean targets = botA.perSecond() >= 2_000 && botB.p(0.99) <= 50 && ratio >= 0.5;
        System.out.printf(
            Locale.ROOT,
            "targets (>=2000/s, rate p99<=50 ms, ratio>=0.5): %s%n",
            targets ? "met" : "MISSED");
        System.out.printf(
            Locale.ROOT,
            "RESULT events_per_s=%.0f p50_ms=%.2f p99_ms=%.2f ratio=%.2f"
                + " rate_p99_ms=%.2f stored=%s%n",
            botA.perSecond(),
            botA.p(0.50),
            botA.p(0.99),
            ratio,
            botB.p(0.99),
            storedVerdict);
      }
    } finally {
      deleteQuietly(dir);
    }
    return ok ? 0 : 1;
  }

  private static RequestGuard signer(Clock clock) {
    return new RequestGuard(RunningBot.SECRET, clock);
  }

  // ---- load generation ----

  /** Sends {@code count} events as fast as {@code threads} connections allow. */
  private Run closedLoop(Target target, int count) throws InterruptedException {
    Run run = new Run(count);
    AtomicInteger next = new AtomicInteger();
    long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
    List<Thread> threads = new ArrayList<>();
    run.begin();
    for (int t = 0; t < options.threads; t++) {
      threads.add(
          started(
              "load-" + t,
              () -> {
                try (Client client = newClient(target)) {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    if (System.nanoTime() > deadline) {
                      run.incomplete = true;
                      break;
                    }
                    long start = System.nanoTime();
                    int status = send(client);
                    run.record(i, status, System.nanoTime() - start);
                  }
                }
              }));
    }
    joinAll(threads);
    run.end();
    return run;
  }

  /**
   * Open loop: event i is due at start + i/rate whatever happened before, and its latency counts
   * from that due time, so a stall shows up in every event it delayed (no coordinated omission).
   */
  private Run openLoop(Target target, int rate, int seconds) throws InterruptedException {
    int count = rate * seconds;
    long interval = 1_000_000_000L / rate;
    Run run = new Run(count);
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime() + 50_000_000L;
    long deadline = start + Duration.ofSeconds(seconds).toNanos() + PHASE_LIMIT.toNanos();
    List<Thread> threads = new ArrayList<>();
    run.begin();
    for (int t = 0; t < options.threads; t++) {
      threads.add(
          started(
              "rate-" + t,
              () -> {
                try (Client client = newClient(target)) {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long due = start + i * interval;
                    for (long wait = due - System.nanoTime();
                        wait > 0;
                        wait = due - System.nanoTime()) {
                      LockSupport.parkNanos(wait);
                    }
                    if (System.nanoTime() > deadline) {
                      run.incomplete = true;
                      break;
                    }
                    int status = send(client);
                    run.record(i, status, System.nanoTime() - due);
                  }
                }
              }));
    }
    joinAll(threads);
    run.end();
    return run;
  }

  private static Thread started(String name, Runnable work) {
    Thread t = new Thread(work, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void joinAll(List<Thread> threads) throws InterruptedException {
    long deadline = System.nanoTime() + PHASE_LIMIT.toNanos() + Duration.ofSeconds(30).toNanos();
    for (Thread t : threads) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      t.join(left);
      if (t.isAlive()) {
        throw new IllegalStateException("load thread " + t.getName() + " did not finish");
      }
    }
  }

  /** One signed message event; returns the HTTP status, or -1 when the request failed. */
  private int send(Client client) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String eventId = "Ev" + runId + "x" + nextEventId.incrementAndGet();
    String user = userId(random.nextInt(USERS));
    String channel = String.format(Locale.ROOT, "C%07d", random.nextInt(CHANNELS));
    Instant at = Instant.now().minusMillis(random.nextLong(SPREAD.toMillis()));
    String body = envelopes.message(eventId, user, channel, at, null);
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String signature = signer.sign(timestamp, body);
    try {
      return client.post(timestamp, signature, body.getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      client.reset();
      return -1;
    }
  }

  private Client newClient(Target target) {
    return options.client.equals("jdk") ? new JdkClient(target) : new SocketClient(target);
  }

  private static String userId(int n) {
    return String.format(Locale.ROOT, "U%07d", n);
  }

  // ---- verification ----

  private static void deleteQuietly(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }

  // ---- results ----

  private record Target(String name, int port) {}

  /** Latencies and statuses of one phase. */
  private static final class Run {
    private final long[] latencies;
    private final AtomicInteger recorded = new AtomicInteger();
    private final AtomicLong okCount = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong otherStatus = new AtomicLong();
    private volatile boolean incomplete;
    private long began;
    private long ended;
    private long ok;
    private long sent;
    private long[] sorted;

    Run(int count) {
      this.latencies = new long[count];
    }

    void begin() {
      began = System.nanoTime();
    }

    void record(int index, int status, long nanos) {
      latencies[index] = nanos;
      recorded.incrementAndGet();
      if (status == 200) {
        okCount.incrementAndGet();
      } else if (status < 0) {
        failed.incrementAndGet();
      } else {
        otherStatus.incrementAndGet();
      }
    }

    void end() {
      ended = System.nanoTime();
      ok = okCount.get();
      sent = recorded.get();
      long[] done = new long[(int) sent];
      int j = 0;
      for (int i = 0; i < latencies.length && j < done.length; i++) {
        if (latencies[i] > 0) {
          done[j++] = latencies[i];
        }
      }
      sorted = Arrays.copyOf(done, j);
      Arrays.sort(sorted);
    }

    long failures() {
      return failed.get()
          + otherStatus.get()
          + (sent < latencies.length ? latencies.length - sent : 0);
    }

    String problems(String phase) {
      return phase
          + ": "
          + failed.get()
          + " failed, "
          + otherStatus.get()
          + " non-200, "
          + (latencies.length - sent)
          + " not sent";
    }

    double perSecond() {
      return sent / ((ended - began) / 1e9);
    }

    /** Percentile in milliseconds, nearest rank. */
    double p(double q) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(q * sorted.length);
      return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] / 1e6;
    }

    String throughputLine(String label) {
      return String.format(
          Locale.ROOT,
          "%s %6d events in %5.2f s = %7.0f events/s;"
              + " ack p50 %6.2f ms, p99 %6.2f ms, max %7.2f ms",
          label,
          sent,
          (ended - began) / 1e9,
          perSecond(),
          p(0.50),
          p(0.99),
          p(1.0));
    }

    String rateLine(String label) {
      return String.format(
          Locale.ROOT,
          "%s %6d events at %d/s over %5.2f s (open loop);"
              + " p50 %6.2f ms, p99 %6.2f ms, max %7.2f ms",
          label,
          sent,
          Math.round(latencies.length / ((ended - began) / 1e9)),
          (ended - began) / 1e9,
          p(0.50),
          p(0.99),
          p(1.0));
    }
  }

  // ---- clients ----

  /** One keep-alive connection's worth of sending, used by one thread. */
  private interface Client extends AutoCloseable {
    int post(String timestamp, String signature, byte[] body) throws IOException;

    void reset();

    @Override
    void close();
  }

  /** Plain HTTP/1.1 over a socket: the cheapest client, so the server gets most of the CPU. */
  private static final class SocketClient implements Client {
    private final Target target;
    private final byte[] head;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    SocketClient(Target target) {
      this.target = target;
      this.head =
          ("POST "
                  + PATH
                  + " HTTP/1.1\r\nHost: "
                  + HOST
                  + ":"
                  + target.port()
                  + "\r\nContent-Type: application/json\r\nUser-Agent: second-shift-bench\r\n")
              .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public int post(String timestamp, String signature, byte[] body) throws IOException {
      if (socket == null) {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(IO_TIMEOUT_MS);
        socket.connect(new InetSocketAddress(HOST, target.port()), IO_TIMEOUT_MS);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
      }
      out.write(head);
      out.write(
          ("X-Slack-Request-Timestamp: "
                  + timestamp
                  + "\r\nX-Slack-Signature: "
                  + signature
                  + "\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return readResponse();
    }

    private int readResponse() throws IOException {
      String statusLine = line();
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
        throw new IOException("bad status line: " + statusLine);
      }
      int status = Integer.parseInt(parts[1]);
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      for (int h = 0; h < 100; h++) {
        String header = line();
        if (header.isEmpty()) {
          break;
        }
        int colon = header.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.contains("chunked");
          case "connection" -> close = value.contains("close");
          default -> {}
        }
      }
      if (chunked) {
        for (int c = 0; c < 10_000; c++) {
          int size = Integer.parseInt(line().split(";", 2)[0].trim(), 16);
          if (size == 0) {
            for (int t = 0; t < 100 && !line().isEmpty(); t++) {
              // trailers
            }
            break;
          }
          skip(size);
          line();
        }
      } else if (length > 0) {
        skip(length);
      } else if (length < 0) {
        close = true; // body runs to end of stream; we do not need it
      }
      if (close) {
        reset();
      }
      return status;
    }

    private String line() throws IOException {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
      for (int n = 0; n < 16_384; n++) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("connection closed mid-response");
        }
        if (b == '\n') {
          byte[] bytes = buf.toByteArray();
          int len =
              bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
          return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
        }
        buf.write(b);
      }
      throw new IOException("response line too long");
    }

    private void skip(long n) throws IOException {
      long left = n;
      for (int k = 0; k < 1_000_000 && left > 0; k++) {
        long skipped = in.skip(left);
        if (skipped <= 0) {
          if (in.read() < 0) {
            throw new IOException("connection closed mid-body");
          }
          skipped = 1;
        }
        left -= skipped;
      }
    }

    @Override
    public void reset() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
      socket = null;
    }

    @Override
    public void close() {
      reset();
    }
  }

  /** The JDK's HttpClient pinned to HTTP/1.1; one client (and connection) per thread. */
  private static final class JdkClient implements Client {
    private final HttpClient http;
    private final URI uri;

    JdkClient(Target target) {
      this.http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofMillis(IO_TIMEOUT_MS))
              .build();
      this.uri = URI.create("http://" + HOST + ":" + target.port() + PATH);
    }

    @Override
    public int post(String timestamp, String signature, byte[] body) throws IOException {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofMillis(IO_TIMEOUT_MS))
              .header("Content-Type", "application/json")
              .header("X-Slack-Request-Timestamp", timestamp)
              .header("X-Slack-Signature", signature)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      try {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }

    @Override
    public void reset() {
      // the client reconnects by itself
    }

    @Override
    public void close() {
      // HttpClient has no close() on Java 17; its threads are daemons and it is dropped here
    }
  }

  // ---- the baseline ----

  /** Jetty with nothing but the body read and the signature check: the floor for the bot. */
  private static final class BareEndpoint implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private BareEndpoint(Server server, ServerConnector connector) {
      this.server = server;
      this.connector = connector;
    }

    static BareEndpoint start(RequestGuard guard) throws Exception {
      // Same pool as the bot's HttpServer, so only what runs inside a request differs.
      QueuedThreadPool threads = new QueuedThreadPool(64, 8);
      threads.setName("bare");
      Server server = new Server(threads);
      ServerConnector connector = new ServerConnector(server);
      connector.setHost(HOST);
      connector.setPort(0);
      server.addConnector(connector);
      server.setHandler(
          new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback)
                throws Exception {
              ByteBuffer content = Content.Source.asByteBuffer(request);
              byte[] body = new byte[content.remaining()];
              content.get(body);
              Optional<RequestGuard.Rejection> rejection =
                  guard.check(
                      request.getHeaders().get("X-Slack-Request-Timestamp"),
                      request.getHeaders().get("X-Slack-Signature"),
                      request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                      body);
              response.setStatus(rejection.map(RequestGuard.Rejection::status).orElse(200));
              response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
              response.write(true, null, callback);
              return true;
            }
          });
      server.start();
      return new BareEndpoint(server, connector);
    }

    int port() {
      return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
      server.stop();
    }
  }

  // ---- options ----

  private static final class Options {
    String databaseUrl;
    int events = 20_000;
    int warmup = 2_000;
    int threads = 32;
    int rate = 500;
    int seconds = 10;
    String client = "socket";

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + arg);
        }
        String value = args[++i];
        switch (arg) {
          case "--events" -> o.events = positive(arg, value, 10_000_000);
          case "--warmup" -> o.warmup = positive(arg, value, 10_000_000);
          case "--threads" -> o.threads = positive(arg, value, 1_024);
          case "--rate" -> o.rate = positive(arg, value, 100_000);
          case "--seconds" -> o.seconds = positive(arg, value, 600);
          case "--database-url" -> {
            if (!value.startsWith("jdbc:postgresql://")) {
              throw new IllegalArgumentException("--database-url takes jdbc:postgresql://…");
            }
            o.databaseUrl = value;
          }
          case "--client" -> {
            if (!value.equals("socket") && !value.equals("jdk")) {
              throw new IllegalArgumentException("--client is socket or jdk");
            }
            o.client = value;
          }
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      return o;
    }

    private static int positive(String name, String value, int max) {
      try {
        int n = Integer.parseInt(value);
        if (n < 1 || n > max) {
          throw new IllegalArgumentException(name + " must be between 1 and " + max);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " takes a number, not " + value);
      }
    }
  }
}
