package org.secondshift.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a plain socket, for what no client library sends: repeated headers,
 * a body that never comes, bytes that are not UTF-8.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;

  private RawHttp(Socket socket) {
    this.socket = socket;
  }

  public static RawHttp connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    return new RawHttp(socket);
  }

  /**
   * The request line and headers of a {@code POST /slack/events}, each header as given (a value may
   * hold several lines' worth: one header line per entry of {@code repeated}).
   */
  public static String head(long contentLength, Map<String, String> headers, String... repeated) {
    StringBuilder head =
        new StringBuilder("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            .append("Content-Length: ")
            .append(contentLength)
            .append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    for (String line : repeated) {
      head.append(line).append("\r\n");
    }
    return head.append("\r\n").toString();
  }

  public RawHttp send(String head, byte[] body) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
    return this;
  }

  /**
   * The status code of the answer, or -1 when the server closed the connection without one; fails
   * if nothing at all comes within {@code timeout}.
   */
  public int status(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        line.write(b);
      }
    } catch (SocketTimeoutException e) {
      throw new IllegalStateException("no answer within " + timeout, e);
    } catch (IOException e) {
      // A reset counts as closed.
      return -1;
    }
    String status = line.toString(StandardCharsets.ISO_8859_1);
    return status.startsWith("HTTP/1.1 ") ? Integer.parseInt(status.substring(9, 12)) : -1;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
