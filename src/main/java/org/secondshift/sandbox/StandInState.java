package org.secondshift.sandbox;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What Slack itself would still have after the sandbox restarts: every message (as it reads after
 * updates), every shared file, the zone of each person and the channels the bot was invited to.
 * Ephemeral replies and open modals are not kept, as in Slack, where they end with the session.
 */
record StandInState(
    List<PostedMessage> messages,
    long lastTsMicros,
    List<KeptFile> files,
    Map<String, String> zones,
    List<String> botChannels) {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  /** A shared file, its bytes in base64 so the state file stays text. */
  record KeptFile(
      String fileId,
      String filename,
      String base64,
      String channelId,
      String title,
      String initialComment,
      String sharedTs) {
    static KeptFile of(UploadedFile f) {
      return new KeptFile(
          f.fileId(),
          f.filename(),
          Base64.getEncoder().encodeToString(f.bytes()),
          f.channelId(),
          f.title(),
          f.initialComment(),
          f.sharedTs());
    }

    UploadedFile file() {
      return new UploadedFile(
          fileId,
          filename,
          Base64.getDecoder().decode(base64),
          channelId,
          true,
          title,
          initialComment,
          sharedTs);
    }
  }

  String toJson() {
    return GSON.toJson(this);
  }

  /** The state written by {@link #toJson}; a file that cannot be read is refused, not guessed. */
  static StandInState fromJson(String json) {
    StandInState state = GSON.fromJson(json, StandInState.class);
    if (state == null || state.messages() == null || state.files() == null) {
      throw new IllegalArgumentException("not a saved stand-in state");
    }
    return state;
  }
}
