package org.secondshift.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load process, for the fixed-rate part of {@code bin/bench} (wrk cannot hold a rate):
 * request {@code i} of a request file is due at {@code start + i / rate} whatever happened to the
 * ones before it, and its latency counts from that moment, so a stall shows in every request it
 * held up.
 *
 * <p>Usage: {@code FixedRateLoad PORT FILE RATE WARMUP_SECONDS SECONDS CONNECTIONS}. The file holds
 * one {@code timestamp TAB signature TAB body} line per request, at least {@code RATE × (WARMUP +
 * SECONDS)} of them; each is sent once. The warm-up's requests count as sent but not in the
 * latencies. The last line printed is {@code RESULT key=value ...}.
 */
public final class FixedRateLoad {
  private static final String HOST = "127.0.0.1";
  private static final int IO_TIMEOUT_MS = 10_000;

  /** How long past its schedule the run may go before the rest is given up as not sent. */
  private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(30);

  private FixedRateLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println("usage: FixedRateLoad PORT FILE RATE WARMUP_SECONDS SECONDS CONNECTIONS");
      System.exit(2);
      return;
    }
    int port = Integer.parseInt(args[0]);
    List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
    int rate = Integer.parseInt(args[2]);
    int warm = rate * Integer.parseInt(args[3]);
    int count = warm + rate * Integer.parseInt(args[4]);
    int connections = Integer.parseInt(args[5]);
    if (lines.size() < count) {
      System.err.println("the request file has " + lines.size() + " lines, " + count + " needed");
      System.exit(2);
      return;
    }
    Tally tally = new Tally(count, warm);
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    long deadline = start + count * interval + GRACE_NANOS;
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < connections; t++) {
      Thread thread =
          new Thread(
              () -> {
                try (Connection connection = new Connection(port)) {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long due = start + i * interval;
                    for (long wait = due - System.nanoTime();
                        wait > 0;
                        wait = due - System.nanoTime()) {
                      LockSupport.parkNanos(wait);
                    }
                    if (System.nanoTime() > deadline) {
                      break;
                    }
                    int status = connection.post(lines.get(i));
                    tally.record(i, status, System.nanoTime() - due);
                  }
                }
              },
              "rate-" + t);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 5_000));
    }
    // The measured part began when its first request was due.
    double seconds = (System.nanoTime() - (start + warm * interval)) / 1e9;
    System.out.println(tally.result(rate, seconds));
    System.exit(0);
  }

  /** Statuses of every request and latencies of the measured ones. */
  private static final class Tally {
    private final long[] latencies;
    private final int warm;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong otherStatus = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    Tally(int count, int warm) {
      this.latencies = new long[count - warm];
      this.warm = warm;
    }

    void record(int index, int status, long nanos) {
      sent.incrementAndGet();
      if (status >= 200 && status < 300) {
        ok.incrementAndGet();
      } else if (status < 0) {
        failed.incrementAndGet();
      } else {
        otherStatus.incrementAndGet();
      }
      if (index >= warm) {
        latencies[index - warm] = Math.max(1, nanos);
      }
    }

    String result(int rate, double seconds) {
      long[] done = Arrays.stream(latencies).filter(n -> n > 0).sorted().toArray();
      return String.format(
          Locale.ROOT,
          "RESULT rate=%d measured=%d sent=%d ok=%d non2xx=%d failed=%d unsent=%d"
              + " p50_us=%d p90_us=%d p99_us=%d max_us=%d seconds=%.2f",
          rate,
          done.length,
          sent.get(),
          ok.get(),
          otherStatus.get(),
          failed.get(),
          latencies.length + warm - sent.get(),
          percentile(done, 0.50),
          percentile(done, 0.90),
          percentile(done, 0.99),
          percentile(done, 1.0),
          seconds);
    }

    /** Nearest rank, in microseconds; -1 without data. */
    private static long percentile(long[] sorted, double q) {
      if (sorted.length == 0) {
        return -1;
      }
      int rank = (int) Math.ceil(q * sorted.length);
      return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] / 1_000;
    }
  }

  /** One keep-alive HTTP/1.1 connection over a plain socket, reopened after a failure. */
  private static final class Connection implements AutoCloseable {
    private final int port;
    private final byte[] head;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    Connection(int port) {
      this.port = port;
      this.head =
          ("POST /slack/events HTTP/1.1\r\nHost: "
                  + HOST
                  + ":"
                  + port
                  + "\r\nContent-Type: application/json\r\n")
              .getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends one request line of the file; the status, or -1 when the exchange failed. */
    int post(String line) {
      String[] parts = line.split("\t", 3);
      byte[] body = parts[2].getBytes(StandardCharsets.UTF_8);
      try {
        if (socket == null) {
          socket = new Socket();
          socket.setTcpNoDelay(true);
          socket.setSoTimeout(IO_TIMEOUT_MS);
          socket.connect(new InetSocketAddress(HOST, port), IO_TIMEOUT_MS);
          out = new BufferedOutputStream(socket.getOutputStream(), 8192);
          in = new BufferedInputStream(socket.getInputStream(), 8192);
        }
        out.write(head);
        out.write(
            ("X-Slack-Request-Timestamp: "
                    + parts[0]
                    + "\r\nX-Slack-Signature: "
                    + parts[1]
                    + "\r\nContent-Length: "
                    + body.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return readResponse();
      } catch (IOException | RuntimeException e) {
        close();
        return -1;
      }
    }

    private int readResponse() throws IOException {
      String[] status = line().split(" ", 3);
      if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
        throw new IOException("bad status line");
      }
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
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
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
          skip(size);
          line();
        }
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
          // trailers carry nothing we need
        }
      } else if (length > 0) {
        skip(length);
      } else if (length < 0) {
        close = true; // the body runs to the end of the stream
      }
      if (close) {
        close();
      }
      return Integer.parseInt(status[1]);
    }

    private int chunkSize() throws IOException {
      return Integer.parseInt(line().split(";", 2)[0].trim(), 16);
    }

    private String line() throws IOException {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("connection closed mid-response");
        }
        if (buf.size() > 16_384) {
          throw new IOException("response line too long");
        }
        buf.write(b);
      }
      String text = buf.toString(StandardCharsets.ISO_8859_1);
      return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private void skip(long n) throws IOException {
      for (long left = n; left > 0; ) {
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
    public void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
      socket = null;
    }
  }
}
