package org.secondshift.sandbox;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Views the bot opened or published, and which one is each user's App Home. */
final class ViewStore {
  private final Map<String, JsonObject> views = new HashMap<>();
  private final Map<String, String> homeViewIds = new HashMap<>();
  private final List<OpenedView> opened = new ArrayList<>();
  private int nextId = 1;

  synchronized JsonObject open(JsonObject view, String triggerId) {
    JsonObject stored = open(view);
    if (triggerId != null) {
      opened.add(new OpenedView(triggerId, stored.get("id").getAsString()));
    }
    return stored;
  }

  synchronized List<OpenedView> opened() {
    return List.copyOf(opened);
  }

  synchronized Optional<JsonObject> view(String viewId) {
    return Optional.ofNullable(views.get(viewId)).map(JsonObject::deepCopy);
  }

  synchronized JsonObject open(JsonObject view) {
    String id = "V%08d".formatted(nextId++);
    JsonObject stored = view.deepCopy();
    stored.addProperty("id", id);
    stored.addProperty("team_id", TeamDirectory.TEAM_ID);
    stored.addProperty("app_id", TeamDirectory.APP_ID);
    stored.addProperty("bot_id", TeamDirectory.BOT_ID);
    stored.addProperty("hash", id + "-1");
    views.put(id, stored);
    return stored.deepCopy();
  }

  synchronized JsonObject publishHome(String userId, JsonObject view) {
    String existing = homeViewIds.get(userId);
    JsonObject stored = existing == null ? open(view) : replace(existing, view).orElseThrow();
    homeViewIds.put(userId, stored.get("id").getAsString());
    return stored;
  }

  synchronized Optional<JsonObject> replace(String viewId, JsonObject view) {
    JsonObject previous = views.get(viewId);
    if (previous == null) {
      return Optional.empty();
    }
    JsonObject stored = view.deepCopy();
    for (String key : new String[] {"id", "team_id", "app_id", "bot_id"}) {
      stored.add(key, previous.get(key));
    }
    stored.addProperty("hash", viewId + "-" + (revision(previous) + 1));
    views.put(viewId, stored);
    return Optional.of(stored.deepCopy());
  }

  synchronized Optional<String> homeView(String userId) {
    return Optional.ofNullable(homeViewIds.get(userId)).map(id -> views.get(id).toString());
  }

  private static int revision(JsonObject view) {
    String hash = view.get("hash").getAsString();
    return Integer.parseInt(hash.substring(hash.lastIndexOf('-') + 1));
  }
}
