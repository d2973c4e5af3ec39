package org.secondshift.sandbox;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Who is in the sandbox workspace: the team, its bot and its members with their time zones. */
final class TeamDirectory {
  static final String TEAM_ID = "T0SANDBOX";
  static final String TEAM_NAME = "Second Shift Sandbox";
  static final String BOT_USER_ID = "U0BOT";
  static final String BOT_ID = "B0BOT";
  static final String BOT_NAME = "secondshift";
  static final String APP_ID = "A0SANDBOX";

  private final Map<String, SandboxUser> users = new ConcurrentHashMap<>();
  private final Set<String> inDnd = ConcurrentHashMap.newKeySet();
  // People added for a workspace other than the stand-in's own, by user id.
  private final Map<String, String> teamOfUser = new ConcurrentHashMap<>();

  TeamDirectory() {
    users.put(BOT_USER_ID, new SandboxUser(BOT_USER_ID, BOT_NAME, ZoneId.of("UTC"), true));
  }

  void addUser(String userId, String name, String tz) {
    users.put(userId, new SandboxUser(userId, name, ZoneId.of(tz), false));
  }

  /** A person of another workspace the app is installed in. */
  void addUser(String teamId, String userId, String name, String tz) {
    addUser(userId, name, tz);
    if (!TEAM_ID.equals(teamId)) {
      teamOfUser.put(userId, teamId);
    }
  }

  /** The workspace a person belongs to. */
  String teamOf(String userId) {
    return teamOfUser.getOrDefault(userId, TEAM_ID);
  }

  /** The bot user of the app in {@code teamId}: each workspace gives the bot a user of its own. */
  static String botUserIdOf(String teamId) {
    return TEAM_ID.equals(teamId) ? BOT_USER_ID : "U0BOT" + teamId;
  }

  List<SandboxUser> people() {
    return users.values().stream()
        .filter(u -> !u.bot())
        .sorted(Comparator.comparing(SandboxUser::name))
        .toList();
  }

  Optional<SandboxUser> user(String userId) {
    return Optional.ofNullable(userId).map(users::get);
  }

  void setDnd(String userId, boolean enabled) {
    if (enabled) {
      inDnd.add(userId);
    } else {
      inDnd.remove(userId);
    }
  }

  boolean inDnd(String userId) {
    return inDnd.contains(userId);
  }
}
