package org.secondshift.config;

/** How the bot talks to Slack, decided by which tokens are set. */
public enum Mode {
  /** Slack sends signed HTTP requests to {@code /slack/events}. */
  HTTP,
  /** The bot opens a WebSocket to Slack; no public URL needed. */
  SOCKET,
  /** No tokens: a local stand-in of Slack in the browser. */
  SANDBOX
}
