package org.secondshift.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.secondshift.captain.Rotations;
import org.secondshift.sandbox.seed.GuideStep;
import org.secondshift.sandbox.seed.RotationSeed;
import org.secondshift.sandbox.seed.SeedChannel;
import org.secondshift.sandbox.seed.Teammate;

/**
 * The page's JSON API under {@code /sandbox/api/}: reads of the workspace, and each click turned
 * into the signed request Slack would send to the bot.
 */
final class WorkspaceApi extends HttpServlet {
  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final transient Workspace workspace;
  private final transient Interactions interactions;
  private final transient Runnable reset;
  private final transient Clock clock;
  private final transient Supplier<Optional<Rotations>> rotations;

  /**
   * @param rotations the running bot's rotations, once it runs, for the guide's handoff countdown
   */
  WorkspaceApi(
      Workspace workspace,
      Interactions interactions,
      Runnable reset,
      Clock clock,
      Supplier<Optional<Rotations>> rotations) {
    this.workspace = workspace;
    this.interactions = interactions;
    this.reset = reset;
    this.clock = clock;
    this.rotations = rotations;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    if (path.equals("/file")) {
      sendFile(req.getParameter("id"), resp);
      return;
    }
    try {
      JsonElement body = read(path, req);
      if (body == null) {
        send(resp, 404, error("no such read: " + path));
      } else {
        send(resp, 200, body);
      }
    } catch (IllegalArgumentException e) {
      send(resp, 400, error(e.getMessage()));
    }
  }

  private JsonElement read(String path, HttpServletRequest req) {
    return switch (path) {
      case "/workspace" -> workspaceJson();
      case "/conversation" -> conversation(req.getParameter("id"), req.getParameter("viewer"));
      case "/latest" -> latest();
      case "/home" -> nullable(workspace.slack().homeView(require(req, "user")));
      case "/modal" -> nullable(workspace.openModal(require(req, "user")));
      default -> null;
    };
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    String raw = new String(req.getInputStream().readNBytes(1 << 20), StandardCharsets.UTF_8);
    if (path.equals("/reset")) {
      reset.run();
      JsonObject accepted = new JsonObject();
      accepted.addProperty("generation", workspace.generation() + 1);
      send(resp, 202, accepted);
      return;
    }
    try {
      JsonObject in =
          raw.isBlank() ? new JsonObject() : JsonParser.parseString(raw).getAsJsonObject();
      int port = req.getLocalPort();
      JsonObject out =
          switch (path) {
            case "/message" -> interactions.message(port, in);
            case "/command" -> interactions.command(port, in);
            case "/action" -> interactions.action(port, in);
            case "/home" -> interactions.openHome(port, in);
            case "/submit" -> interactions.submit(port, in);
            case "/close" -> interactions.close(port, in);
            default -> null;
          };
      if (out == null) {
        send(resp, 404, error("no such action: " + path));
      } else {
        send(resp, 200, out);
      }
    } catch (JsonParseException | IllegalStateException | IllegalArgumentException e) {
      send(resp, 400, error(e.getMessage() == null ? "bad request" : e.getMessage()));
    }
  }

  private JsonObject workspaceJson() {
    JsonObject json = new JsonObject();
    json.addProperty("name", workspace.seed().workspace());
    json.addProperty("generation", workspace.generation());
    JsonObject bot = new JsonObject();
    bot.addProperty("id", workspace.slack().botUserId());
    bot.addProperty("name", "Second Shift");
    json.add("bot", bot);
    JsonArray people = new JsonArray();
    for (SandboxUser p : workspace.slack().people()) {
      JsonObject person = new JsonObject();
      person.addProperty("id", p.id());
      person.addProperty("name", p.name());
      person.addProperty("title", title(p.id()));
      person.addProperty("tz", p.zone().getId());
      person.addProperty("localTime", clock.instant().atZone(p.zone()).format(LOCAL_TIME));
      people.add(person);
    }
    json.add("people", people);
    JsonArray channels = new JsonArray();
    for (SeedChannel c : workspace.seed().channels()) {
      JsonObject channel = new JsonObject();
      channel.addProperty("id", c.id());
      channel.addProperty("name", c.name());
      channel.addProperty("topic", c.topic());
      channel.addProperty("botMember", workspace.slack().botIsIn(c.id()));
      channels.add(channel);
    }
    json.add("channels", channels);
    json.addProperty("now", clock.millis());
    JsonArray guide = new JsonArray();
    for (GuideStep step : workspace.seed().guide()) {
      JsonObject g = new JsonObject();
      g.addProperty("title", step.title());
      g.addProperty("text", step.text());
      g.addProperty("open", step.open());
      g.addProperty("as", step.as());
      guide.add(g);
    }
    json.add("guide", guide);
    json.add("watches", watches());
    return json;
  }

  /** For each seeded rotation: who holds the watch, who is next and when the handoff comes. */
  private JsonArray watches() {
    JsonArray watches = new JsonArray();
    Optional<Rotations> running = rotations.get();
    if (running.isEmpty()) {
      return watches;
    }
    for (RotationSeed r : workspace.seed().rotations()) {
      running
          .get()
          .overview(workspace.slack().teamId(), r.channel(), 1, clock.instant())
          .filter(o -> o.current().isPresent() && !o.ahead().isEmpty())
          .ifPresent(
              o -> {
                JsonObject w = new JsonObject();
                w.addProperty("channel", r.channel());
                w.addProperty("captain", o.current().get().captain());
                w.addProperty("next", o.ahead().get(0).captain());
                w.addProperty("handoffAt", o.ahead().get(0).start().toEpochMilli());
                watches.add(w);
              });
    }
    return watches;
  }

  private String title(String userId) {
    return workspace.seed().teammates().stream()
        .filter(t -> t.id().equals(userId))
        .map(Teammate::title)
        .findFirst()
        .orElse("");
  }

  private JsonObject conversation(String id, String viewer) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id is required");
    }
    JsonArray messages = new JsonArray();
    List<JsonObject> shown = new ArrayList<>();
    for (PostedMessage m : workspace.slack().messages(id)) {
      shown.add(message(m.ts(), m.user(), m.text(), m.blocksJson(), false));
    }
    for (UploadedFile f : workspace.slack().uploads()) {
      if (f.sharedIn(id)) {
        shown.add(fileMessage(f));
      }
    }
    // Slack shows a shared file as a message of its own, in time order with the others.
    shown.sort(
        Comparator.comparing((JsonObject m) -> m.get("ts").getAsString().length())
            .thenComparing(m -> m.get("ts").getAsString()));
    shown.forEach(messages::add);
    if (viewer != null) {
      for (Ephemeral e : workspace.ephemerals(id, viewer)) {
        messages.add(message(e.ts(), e.author(), e.text(), e.blocksJson(), true));
      }
    }
    JsonObject json = new JsonObject();
    json.addProperty("id", id);
    json.add("messages", messages);
    return json;
  }

  private static JsonObject message(
      String ts, String user, String text, String blocks, boolean ephemeral) {
    JsonObject json = new JsonObject();
    json.addProperty("ts", ts);
    json.addProperty("user", user);
    json.addProperty("text", text == null ? "" : text);
    json.add("blocks", blocks == null ? JsonNull.INSTANCE : parseOrNull(blocks));
    json.addProperty("ephemeral", ephemeral);
    return json;
  }

  private JsonObject fileMessage(UploadedFile f) {
    String url = "/sandbox/api/file?id=" + f.fileId();
    JsonObject block = new JsonObject();
    if (isImage(f)) {
      block.addProperty("type", "image");
      block.addProperty("image_url", url);
      block.addProperty("alt_text", f.title());
      JsonObject title = new JsonObject();
      title.addProperty("type", "plain_text");
      title.addProperty("text", f.title());
      block.add("title", title);
    } else {
      JsonObject link = new JsonObject();
      link.addProperty("type", "mrkdwn");
      link.addProperty("text", ":page_facing_up: <" + url + "|" + f.filename() + ">");
      block.addProperty("type", "section");
      block.add("text", link);
    }
    JsonArray blocks = new JsonArray();
    blocks.add(block);
    JsonObject json =
        message(
            f.sharedTs(),
            workspace.slack().botUserId(),
            f.initialComment() == null ? f.title() : f.initialComment(),
            blocks.toString(),
            false);
    json.addProperty("file", f.fileId());
    return json;
  }

  private static boolean isImage(UploadedFile f) {
    return f.filename().toLowerCase(Locale.ROOT).endsWith(".png");
  }

  private void sendFile(String id, HttpServletResponse resp) throws IOException {
    Optional<UploadedFile> file =
        workspace.slack().uploads().stream()
            .filter(f -> f.completed() && f.fileId().equals(id))
            .findFirst();
    if (file.isEmpty()) {
      send(resp, 404, error("no such file: " + id));
      return;
    }
    byte[] bytes = file.get().bytes();
    resp.setStatus(200);
    resp.setContentType(isImage(file.get()) ? "image/png" : "application/octet-stream");
    resp.setHeader("Content-Disposition", isImage(file.get()) ? "inline" : "attachment");
    resp.setHeader("Cache-Control", "no-store");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  private JsonObject latest() {
    JsonObject json = new JsonObject();
    List<String> ids = new ArrayList<>();
    workspace.seed().channels().forEach(c -> ids.add(c.id()));
    workspace.slack().people().forEach(p -> ids.add("D" + p.id()));
    for (String id : ids) {
      Stream<String> posted = workspace.slack().messages(id).stream().map(PostedMessage::ts);
      Stream<String> shared =
          workspace.slack().uploads().stream()
              .filter(f -> f.sharedIn(id))
              .map(UploadedFile::sharedTs);
      Stream.concat(posted, shared)
          .max(Comparator.comparing(String::length).thenComparing(Comparator.naturalOrder()))
          .ifPresent(ts -> json.addProperty(id, ts));
    }
    return json;
  }

  private static JsonElement nullable(Optional<String> json) {
    JsonObject wrapper = new JsonObject();
    wrapper.add("view", json.map(WorkspaceApi::parseOrNull).orElse(JsonNull.INSTANCE));
    return wrapper;
  }

  private static JsonElement parseOrNull(String json) {
    try {
      return JsonParser.parseString(json);
    } catch (JsonParseException e) {
      return JsonNull.INSTANCE;
    }
  }

  private static String require(HttpServletRequest req, String name) {
    String value = req.getParameter(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  private static JsonObject error(String message) {
    JsonObject json = new JsonObject();
    json.addProperty("error", message);
    return json;
  }

  private static void send(HttpServletResponse resp, int status, JsonElement body)
      throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType("application/json; charset=utf-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }
}
