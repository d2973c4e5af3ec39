package org.secondshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without tokens the run command starts the sandbox, prints its URL and serves the page. */
class SandboxProcessTest {
  @TempDir Path dir;

  @Test
  void withoutTokensTheSandboxComesUpAndPrintsItsUrl() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path db = dir.resolve("sandbox.db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Dorg.slf4j.simpleLogger.log.org.secondshift=info",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--reset");
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("SLACK_") || k.startsWith("SECOND_SHIFT_") || k.equals("PORT"));
    pb.environment().put("PORT", Integer.toString(port));
    pb.environment().put("SECOND_SHIFT_DB", db.toString());
    pb.redirectErrorStream(true);
    Process sandbox = pb.start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
      assertThat(awaitLine(out, "sandbox is running").get(90, TimeUnit.SECONDS))
          .contains("open http://localhost:" + port + "/");
      HttpResponse<String> page = send(port, "", false);
      assertThat(page.body()).contains("Second Shift sandbox");
      assertThat(Files.exists(db)).isTrue();

      HttpResponse<String> reset = send(port, "sandbox/api/reset", true);
      assertThat(reset.statusCode()).isEqualTo(202);
      assertThat(awaitLine(out, "sandbox reset from").get(90, TimeUnit.SECONDS)).contains("reset");
      assertThat(send(port, "sandbox/api/workspace", false).body()).contains("\"generation\":2");
      assertThat(sandbox.isAlive()).isTrue();
    } finally {
      sandbox.destroy();
      sandbox.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static HttpResponse<String> send(int port, String path, boolean post) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path));
    if (post) {
      request.POST(HttpRequest.BodyPublishers.noBody());
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The first output line containing {@code needle}, read in the background. */
  private static CompletableFuture<String> awaitLine(BufferedReader out, String needle) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
              if (line.contains(needle)) {
                return line;
              }
            }
          } catch (IOException e) {
            return "output closed: " + e;
          }
          return "exited";
        });
  }
}
