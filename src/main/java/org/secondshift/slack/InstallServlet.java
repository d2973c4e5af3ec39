package org.secondshift.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser's side of the install flow: {@code GET /slack/install} and {@code GET
 * /slack/oauth_redirect}, handed to Bolt's OAuth handling with their query and cookies. These
 * requests come from people's browsers, not from Slack, so they carry no signature.
 */
public final class InstallServlet extends HttpServlet {
  private static final Logger log = LoggerFactory.getLogger(InstallServlet.class);
  private static final int MAX_QUERY = 8 * 1024;

  private final transient App app;
  private final transient SlackRequestParser parser;

  public InstallServlet(App app) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String query = req.getQueryString();
    if (query != null && query.length() > MAX_QUERY) {
      SlackEventsServlet.write(resp, page(414, "That link is far too long to be an install."));
      return;
    }
    Map<String, List<String>> params = new HashMap<>();
    req.getParameterMap().forEach((k, v) -> params.put(k, Arrays.asList(v)));
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      headers.put(name, Collections.list(req.getHeaders(name)));
    }
    Response answer;
    try {
      Request<?> request =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(req.getRequestURI())
                  .queryString(params)
                  .headers(new RequestHeaders(headers))
                  .requestBody("")
                  .remoteAddress(req.getRemoteAddr())
                  .build());
      answer = request == null ? page(404, "There is no such page here.") : app.run(request);
    } catch (Exception e) {
      log.warn("an install page failed: {}", LogText.cap(e.toString()));
      answer = page(500, "The install page could not be shown just now; try again in a moment.");
    }
    SlackEventsServlet.write(resp, answer);
  }

  private static Response page(int status, String text) {
    return Response.builder()
        .statusCode(status)
        .contentType("text/plain; charset=utf-8")
        .body(text)
        .build();
  }
}
