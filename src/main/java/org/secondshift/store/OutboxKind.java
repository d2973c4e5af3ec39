package org.secondshift.store;

import java.util.Arrays;

/**
 * What an outbox message is, in the product's words: for logs, for tests, and for the sender's few
 * kind-specific rules (a farewell is deleted once sent). Stored by {@link #label()}.
 */
public enum OutboxKind {
  NUDGE("nudge"),
  NUDGE_ANSWER("nudge-answer"),
  CAPTAIN_PLAN("captain-plan"),
  CAPTAIN_REMINDER("captain-reminder"),
  CAPTAIN_NOTE("captain-note"),
  CAPTAIN_PAUSE("captain-pause"),
  HANDOFF("handoff"),
  HANDOFF_NOTES("handoff-notes"),
  HANDOFF_OFF("handoff-off"),
  SUMMARY("summary"),
  SUMMARY_CHART("summary-chart"),
  EXPORT("export"),
  /** The answer to a message in the bot's Messages tab: where to find the commands. */
  POINTER("pointer"),
  /** To whoever set up a rotation or a summary: its channel posts fail for good. */
  POST_FAILED("post-failed"),
  /** The last message to someone who asked to be forgotten: deleted as soon as it is sent. */
  FAREWELL("farewell");

  private final String label;

  OutboxKind(String label) {
    this.label = label;
  }

  /** The name stored in the outbox's {@code kind} column. */
  public String label() {
    return label;
  }

  /** The kind stored as {@code label}. */
  public static OutboxKind of(String label) {
    return Arrays.stream(values())
        .filter(k -> k.label.equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no outbox kind " + label));
  }

  @Override
  public String toString() {
    return label;
  }
}
