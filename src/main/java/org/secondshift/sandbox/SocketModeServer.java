package org.secondshift.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Slack's Socket Mode server side: greets clients, pushes envelopes and collects their acks. */
final class SocketModeServer extends WebSocketServer {
  private static final Logger LOG = LoggerFactory.getLogger(SocketModeServer.class);
  private static final Set<String> RESPONSE_PAYLOAD_TYPES = Set.of("slash_commands", "interactive");

  private final List<WebSocket> greeted = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> firstClient = new CompletableFuture<>();
  private final Map<String, CompletableFuture<JsonObject>> acks = new ConcurrentHashMap<>();
  private final int port;

  private SocketModeServer(ServerSocketChannel channel, int port) {
    super(channel);
    this.port = port;
    setReuseAddr(true);
    setDaemon(true);
  }

  /** Binds before starting so the port is known before the first apps.connections.open. */
  static SocketModeServer start(String host) {
    try {
      ServerSocketChannel channel = ServerSocketChannel.open();
      channel.bind(new InetSocketAddress(host, 0));
      int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
      SocketModeServer server = new SocketModeServer(channel, port);
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot bind the Socket Mode server", e);
    }
  }

  int boundPort() {
    return port;
  }

  boolean awaitClient(Duration timeout) {
    try {
      firstClient.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  String sendEnvelope(String type, JsonObject payload) {
    WebSocket client = currentClient();
    String envelopeId = UUID.randomUUID().toString();
    acks.computeIfAbsent(envelopeId, id -> new CompletableFuture<>());
    JsonObject envelope = new JsonObject();
    envelope.addProperty("envelope_id", envelopeId);
    envelope.addProperty("type", type);
    envelope.addProperty("accepts_response_payload", RESPONSE_PAYLOAD_TYPES.contains(type));
    envelope.addProperty("retry_attempt", 0);
    envelope.addProperty("retry_reason", "");
    envelope.add("payload", payload.deepCopy());
    client.send(envelope.toString());
    return envelopeId;
  }

  /** Asks the client to reconnect, as Slack does before it recycles a connection. */
  void sendDisconnect(String reason) {
    JsonObject disconnect = new JsonObject();
    disconnect.addProperty("type", "disconnect");
    disconnect.addProperty("reason", reason);
    currentClient().send(disconnect.toString());
  }

  JsonObject awaitAck(String envelopeId, Duration timeout) {
    try {
      return acks.computeIfAbsent(envelopeId, id -> new CompletableFuture<>())
          .get(timeout.toNanos(), TimeUnit.NANOSECONDS)
          .deepCopy();
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "No ack for envelope " + envelopeId + " within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for ack " + envelopeId, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private WebSocket currentClient() {
    // Slack delivers each envelope over one connection; the newest is the one a reconnect keeps.
    for (int i = greeted.size() - 1; i >= 0; i--) {
      if (greeted.get(i).isOpen()) {
        return greeted.get(i);
      }
    }
    throw new IllegalStateException("No Socket Mode client is connected");
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    conn.send(hello().toString());
    greeted.add(conn);
    firstClient.complete(null);
  }

  private JsonObject hello() {
    JsonObject debugInfo = new JsonObject();
    debugInfo.addProperty("host", "sandbox-" + port);
    debugInfo.addProperty("build_number", 1);
    debugInfo.addProperty("approximate_connection_time", 3600);
    JsonObject connectionInfo = new JsonObject();
    connectionInfo.addProperty("app_id", TeamDirectory.APP_ID);
    JsonObject hello = new JsonObject();
    hello.addProperty("type", "hello");
    hello.addProperty("num_connections", 1);
    hello.add("debug_info", debugInfo);
    hello.add("connection_info", connectionInfo);
    return hello;
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    JsonObject json;
    try {
      JsonElement parsed = JsonParser.parseString(message);
      json = parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
    } catch (JsonParseException e) {
      json = null;
    }
    JsonElement envelopeId = json == null ? null : json.get("envelope_id");
    if (envelopeId == null || !envelopeId.isJsonPrimitive()) {
      LOG.warn("Ignoring Socket Mode message without envelope_id: {}", message);
      return;
    }
    acks.computeIfAbsent(envelopeId.getAsString(), id -> new CompletableFuture<>()).complete(json);
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    greeted.remove(conn);
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    LOG.warn("Socket Mode connection error", ex);
  }

  @Override
  public void onStart() {
    setConnectionLostTimeout(60);
  }
}
