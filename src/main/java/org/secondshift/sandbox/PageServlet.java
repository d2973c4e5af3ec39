package org.secondshift.sandbox;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Serves the workspace page's static files from {@code sandbox/} on the classpath. */
final class PageServlet extends HttpServlet {
  private static final Map<String, String> FILES =
      Map.of(
          "/", "index.html",
          "/index.html", "index.html",
          "/app.js", "app.js",
          "/blockkit.js", "blockkit.js",
          "/app.css", "app.css");

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI();
    String file = FILES.get(path);
    InputStream in =
        file == null ? null : PageServlet.class.getResourceAsStream("/sandbox/" + file);
    if (in == null) {
      resp.sendError(404);
      return;
    }
    try (in) {
      byte[] bytes = in.readAllBytes();
      resp.setContentType(contentType(file));
      resp.setHeader("Cache-Control", "no-cache");
      resp.setContentLength(bytes.length);
      resp.getOutputStream().write(bytes);
    }
  }

  private static String contentType(String file) {
    if (file.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    return file.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
  }
}
