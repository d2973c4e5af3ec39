package org.secondshift.slack.install;

import java.util.List;

/**
 * The few web pages of the install flow: the page with the "Add to Slack" button, what to do once
 * installed, and a page for each way an install can fail, each saying what happened and what to do.
 * Plain HTML with no script and nothing fetched from elsewhere.
 */
public final class InstallPages {
  /** What the bot asks of a workspace, and why, for the install page. */
  static final List<String[]> SCOPES_EXPLAINED =
      List.of(
          new String[] {
            "channels:history, groups:history, im:history",
            "see when people post (never what they write is stored)"
          },
          new String[] {
            "reactions:read, app_mentions:read", "count reactions and mentions as activity"
          },
          new String[] {"users:read, dnd:read", "read each person's time zone and Do Not Disturb"},
          new String[] {
            "chat:write, im:write, files:write",
            "send nudges, handoffs and the weekly summary with its chart"
          },
          new String[] {
            "channels:read, groups:read", "check that it may post where a rotation is set up"
          },
          new String[] {"commands", "answer /shift"});

  private InstallPages() {}

  /** The page at /slack/install; {@code authorizeUrl} carries this flow's state. */
  public static String install(String authorizeUrl) {
    StringBuilder scopes = new StringBuilder();
    for (String[] s : SCOPES_EXPLAINED) {
      scopes
          .append("<li><code>")
          .append(escape(s[0]))
          .append("</code>: ")
          .append(escape(s[1]))
          .append("</li>");
    }
    return page(
        "Add Second Shift to Slack",
        "<h1>Add Second Shift to your workspace</h1>"
            + "<p>Second Shift keeps an honest log of <em>when</em> people are active in Slack,"
            + " nudges them by DM to rest, runs the captain rotation so one person holds the watch"
            + " while the others log off, and posts a weekly summary of the team's load.</p>"
            + "<p><a class=\"button\" href=\""
            + escape(authorizeUrl)
            + "\">Add to Slack</a></p>"
            + "<h2>What it asks for</h2><ul>"
            + scopes
            + "</ul>"
            + "<h2>Privacy</h2>"
            + "<p>Second Shift stores when people were active, never what they wrote. Everyone can"
            + " export their data with <code>/shift export</code> and erase it with"
            + " <code>/shift forget-me</code>; names appear in summaries only for people who opt"
            + " in. Uninstalling the app erases everything it stored about the workspace.</p>");
  }

  /** Installed: what to do next. */
  public static String installed(String teamName) {
    String where = teamName == null || teamName.isBlank() ? "your workspace" : escape(teamName);
    return page(
        "Second Shift is installed",
        "<h1>Second Shift is installed in "
            + where
            + "</h1>"
            + "<p>Next, in Slack:</p><ol>"
            + "<li>Invite it to the channels your team works in: <code>/invite @Second Shift</code></li>"
            + "<li>Type <code>/shift help</code> to see what it can do, and"
            + " <code>/shift captain setup</code> in the channel that keeps the watch.</li>"
            + "<li>Tell the team before you invite it: it logs when people are active, never what"
            + " they write, and everyone can export or erase their data.</li></ol>");
  }

  /** The installer cancelled on Slack's page. */
  public static String denied(String installPath) {
    return failure(
        "The install was cancelled",
        "Slack says the app was not allowed into the workspace, so nothing was installed.",
        installPath);
  }

  /** No, a wrong, an expired or a used state: not this browser's flow, or too late. */
  public static String badState(String installPath) {
    return failure(
        "This install link has expired",
        "The link back from Slack did not match an install started from this browser in the last"
            + " ten minutes (or it was used already). Nothing was installed.",
        installPath);
  }

  /** Slack refused to exchange the code. */
  public static String slackRefused(String installPath, String error) {
    return failure(
        "Slack did not complete the install",
        "Slack answered \"" + escape(error) + "\" when asked to finish it. Nothing was installed.",
        installPath);
  }

  /** An organisation-wide install on Enterprise Grid. */
  public static String enterpriseRefused(String installPath) {
    return failure(
        "Install it in each workspace instead",
        "Second Shift keeps each workspace's hours, rotations and summaries apart, so it is"
            + " installed workspace by workspace, not across the whole Enterprise Grid"
            + " organisation at once. Nothing was installed: choose one workspace on Slack's page.",
        installPath);
  }

  /** Anything else: the bot's side failed. */
  public static String broken(String installPath) {
    return failure(
        "The install could not be finished",
        "Second Shift could not store the installation just now. Nothing was installed; the"
            + " server's log says more.",
        installPath);
  }

  private static String failure(String title, String what, String installPath) {
    return page(
        title,
        "<h1>"
            + escape(title)
            + "</h1><p>"
            + what
            + "</p><p><a class=\"button\" href=\""
            + escape(installPath)
            + "\">Start again</a></p>");
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + "</title><style>"
        + "body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;"
        + "color:#1d1c1d}h1{font-size:1.6rem}code{background:#f4ede4;padding:0 .2rem}"
        + ".button{display:inline-block;background:#4a154b;color:#fff;padding:.6rem 1.2rem;"
        + "border-radius:6px;text-decoration:none;font-weight:600}"
        + "</style></head><body>"
        + body
        + "</body></html>";
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
