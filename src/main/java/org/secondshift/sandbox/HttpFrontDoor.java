package org.secondshift.sandbox;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes Jetty requests for {@code /api/*} and {@code /upload/*} to the Web API endpoint, and
 * {@code /respond/*} to the response URLs handed out with interactions.
 */
final class HttpFrontDoor extends Handler.Abstract {
  private static final String API = "/api/";
  private static final String UPLOAD = "/upload/";
  private static final String RESPOND = "/respond/";

  private final WebApiEndpoint endpoint;
  private final Ephemerals ephemerals;
  private final OAuthApps oauth;

  HttpFrontDoor(WebApiEndpoint endpoint, Ephemerals ephemerals, OAuthApps oauth) {
    this.endpoint = endpoint;
    this.ephemerals = ephemerals;
    this.oauth = oauth;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    byte[] body = Content.Source.asInputStream(request).readAllBytes();
    String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    HttpReply reply;
    if (path.startsWith(API) && path.length() > API.length()) {
      String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
      String query = request.getHttpURI().getQuery();
      reply = endpoint.call(path.substring(API.length()), contentType, query, authorization, body);
    } else if (path.startsWith(UPLOAD) && "POST".equals(request.getMethod())) {
      reply = endpoint.upload(path.substring(UPLOAD.length()), contentType, body);
    } else if (path.equals("/oauth/v2/authorize") && "GET".equals(request.getMethod())) {
      reply = oauth.authorize(request.getHttpURI().getQuery());
    } else if (path.startsWith(RESPOND) && "POST".equals(request.getMethod())) {
      reply = ephemerals.post(path.substring(RESPOND.length()), body);
    } else {
      reply = HttpReply.text(404, "not found");
    }
    send(reply, response, callback);
    return true;
  }

  private static void send(HttpReply reply, Response response, Callback callback) {
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    for (Map.Entry<String, String> header : reply.headers().entrySet()) {
      response.getHeaders().put(header.getKey(), header.getValue());
    }
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
  }
}
