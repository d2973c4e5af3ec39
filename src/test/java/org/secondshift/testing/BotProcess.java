package org.secondshift.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.secondshift.Main;

/**
 * The bot as a process of its own, started with {@code bin/run}'s main and killed as a test says.
 */
public final class BotProcess implements AutoCloseable {
  /** Notified whenever any bot process prints a line, for {@link #awaitOutput}. */
  private static final Object PRINTED = new Object();

  private final Process process;
  private final int port;
  private final CopyOnWriteArrayList<String> lines = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> up = new CompletableFuture<>();
  private final CompletableFuture<Void> finished = new CompletableFuture<>();

  private BotProcess(Process process, int port) {
    this.process = process;
    this.port = port;
    Thread reader = new Thread(this::read, "bot-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts Main with exactly {@code env} (plus a free PORT unless given) as its settings, logging
   * at info, and at debug for each of {@code debugLoggers} (class names).
   */
  public static BotProcess start(Map<String, String> env, String... debugLoggers)
      throws IOException {
    int port = env.containsKey("PORT") ? Integer.parseInt(env.get("PORT")) : freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.add("-Dorg.slf4j.simpleLogger.log.org.secondshift=info");
    for (String logger : debugLoggers) {
      command.add("-Dorg.slf4j.simpleLogger.log." + logger + "=debug");
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("SLACK_") || k.startsWith("SECOND_SHIFT_") || k.equals("PORT"));
    pb.environment().putAll(env);
    pb.environment().put("PORT", Integer.toString(port));
    pb.redirectErrorStream(true);
    return new BotProcess(pb.start(), port);
  }

  public int port() {
    return port;
  }

  /** Waits until the bot says it is up; fails with its output after a generous bound. */
  public BotProcess awaitUp() throws Exception {
    try {
      up.get(90, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the bot did not come up; it said:\n" + output(), e);
    }
    return this;
  }

  /** What the process printed so far. */
  public String output() {
    return String.join("\n", lines);
  }

  /** How many lines the process printed so far; a mark for {@link #lineSince}. */
  public int printed() {
    return lines.size();
  }

  /** The first line printed at or after line {@code from} that contains {@code text}. */
  public Optional<String> lineSince(int from, String text) {
    List<String> all = List.copyOf(lines);
    return all.subList(Math.min(from, all.size()), all.size()).stream()
        .filter(line -> line.contains(text))
        .findFirst();
  }

  /**
   * Waits until {@code condition}, on what any bot process printed, holds: it is looked at again
   * whenever one prints a line. Fails with {@code what} after {@code timeout}.
   */
  public static void awaitOutput(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (PRINTED) {
      while (!condition.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("waited " + timeout + " for " + what);
        }
        TimeUnit.NANOSECONDS.timedWait(PRINTED, left);
      }
    }
  }

  /** SIGTERM, as systemd or a container runtime stops a service: the bot's orderly stop runs. */
  public void terminate() {
    // Through the handle: Process.destroy() would also close the pipes, losing what the bot says
    // while it stops.
    process.toHandle().destroy();
  }

  /** Waits for the process to end by itself; fails with its output after {@code timeout}. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "the bot did not stop within " + timeout + "; it said:\n" + output());
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or released. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  private void read() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
        synchronized (PRINTED) {
          PRINTED.notifyAll();
        }
        if (line.contains("Second Shift is up")) {
          up.complete(null);
        }
      }
    } catch (IOException e) {
      // The process ended; what it printed is kept.
    }
    up.completeExceptionally(new IllegalStateException("the bot exited"));
    finished.complete(null);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
