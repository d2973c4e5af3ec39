package org.secondshift.sandbox;

/**
 * How real Slack answers in the cases the bot must cope with, gathered in one place so the stand-in
 * holds the bot to Slack's behaviour rather than to our reading of it. Each rule names the Slack
 * document (API method page or SDK source) it follows.
 */
final class SlackRules {
  private SlackRules() {}
}
