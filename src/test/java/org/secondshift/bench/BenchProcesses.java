package org.secondshift.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes one benchmark run starts, each logging to a file in the run's folder and each
 * stopped when the run ends, however it ends: by {@link #close}, or by the shutdown hook when the
 * benchmark is interrupted. Every pid is also appended to {@code pids} in that folder, and every
 * command line names the folder, so {@code bin/bench} can tell its own processes from others.
 */
final class BenchProcesses implements AutoCloseable {
  private static final Duration STOP_WAIT = Duration.ofSeconds(15);

  private final Path dir;
  private final List<Process> running = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "bench-stop-processes");

  BenchProcesses(Path dir) {
    this.dir = dir;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The folder this run keeps its files in. */
  Path dir() {
    return dir;
  }

  /**
   * The command line of a JVM (the same java as this one) with {@code jvmOptions}, running what
   * {@code run} says: {@code -cp PATH CLASS ARGS...} or {@code -jar JAR}.
   */
  List<String> java(List<String> jvmOptions, List<String> run) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dsecond-shift.bench=" + dir);
    command.addAll(jvmOptions);
    command.addAll(run);
    return command;
  }

  /** {@code -cp classpath mainClass args...}, for {@link #java}. */
  static List<String> main(String classpath, Class<?> mainClass, List<String> args) {
    List<String> run = new ArrayList<>(List.of("-cp", classpath, mainClass.getName()));
    run.addAll(args);
    return run;
  }

  /**
   * Starts {@code command} with the Slack and Second Shift settings of this environment removed and
   * {@code env} added; its output goes to {@link #log}.
   */
  synchronized Process start(String name, List<String> command, Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("SLACK_") || k.startsWith("SECOND_SHIFT_") || k.equals("PORT"));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(log(name).toFile());
    try {
      Process process = builder.start();
      running.add(process);
      Files.writeString(
          dir.resolve("pids"),
          process.pid() + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name + ": " + command.get(0), e);
    }
  }

  /** Where the output of the process called {@code name} goes. */
  Path log(String name) {
    return dir.resolve(name + ".log");
  }

  /** The process's whole output so far. */
  String output(String name) {
    try {
      return Files.readString(log(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Runs a process to its end within {@code limit}; its output, or a failure naming it. */
  String runToEnd(String name, List<String> command, Map<String, String> env, Duration limit)
      throws InterruptedException {
    Process process = start(name, command, env);
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      stop(process);
      throw new IllegalStateException(
          name + " did not finish within " + limit + ":\n" + tail(name));
    }
    forget(process);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          name + " exited with " + process.exitValue() + ":\n" + tail(name));
    }
    return output(name);
  }

  /** Waits until the process prints a line containing {@code marker}; that line. */
  String awaitLine(String name, Process process, String marker, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> line = output(name).lines().filter(l -> l.contains(marker)).findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      if (exitsWithin(process, Duration.ofMillis(50))) {
        throw new IllegalStateException(name + " exited before it was ready:\n" + tail(name));
      }
    }
    throw new IllegalStateException(
        name + " did not get ready within " + limit + ":\n" + tail(name));
  }

  /** Waits until {@code GET /healthz} on {@code port} answers 200. */
  void awaitHealthy(String name, Process process, int port, Duration limit)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited before it was healthy:\n" + tail(name));
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (exitsWithin(process, Duration.ofMillis(100))) {
        throw new IllegalStateException(name + " exited before it was healthy:\n" + tail(name));
      }
    }
    throw new IllegalStateException(
        name + " was not healthy within " + limit + " on port " + port + ":\n" + tail(name));
  }

  /**
   * Waits up to {@code d} for {@code process} to end, so a check that repeats learns at once when
   * the process died; true if it did.
   */
  static boolean exitsWithin(Process process, Duration d) throws InterruptedException {
    return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The last lines the process printed, for a failure message. */
  String tail(String name) {
    List<String> lines = output(name).lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  /** SIGTERM, so shutdown hooks run; SIGKILL when that does not end it in time. */
  void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
    forget(process);
  }

  private synchronized void forget(Process process) {
    running.remove(process);
  }

  private void stopAll() {
    List<Process> left;
    synchronized (this) {
      left = new ArrayList<>(running);
    }
    for (int i = left.size() - 1; i >= 0; i--) {
      try {
        stop(left.get(i));
      } catch (InterruptedException e) {
        left.get(i).destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A port nobody listens on right now. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running or has run
    }
  }
}
