package org.secondshift.store;

import java.util.Arrays;
import org.secondshift.captain.Notice;
import org.secondshift.rest.Nudge;
import org.secondshift.rest.NudgeAnswered;

/**
 * What an outbox message is, in the product's words: for logs, for tests, and for the sender's few
 * kind-specific rules (a farewell is deleted once sent). Stored by {@link #label()}.
 */
public enum OutboxKind {
  NUDGE("nudge", Nudge.class),
  NUDGE_ANSWER("nudge-answer", NudgeAnswered.class),
  CAPTAIN_PLAN("captain-plan", Notice.Plan.class),
  CAPTAIN_REMINDER("captain-reminder", Notice.Reminder.class),
  CAPTAIN_NOTE("captain-note", Notice.NoteForCaptain.class),
  CAPTAIN_PAUSE("captain-pause", Notice.Paused.class),
  /** The handoff post in the rotation's channel. */
  HANDOFF("handoff", Notice.Handoff.class),
  /** The handoff's word to the incoming captain, with the open notes. */
  HANDOFF_NOTES("handoff-notes", Notice.Handoff.class),
  /** The handoff's word to the outgoing captain: off duty. */
  HANDOFF_OFF("handoff-off", Notice.Handoff.class),
  SUMMARY("summary", null),
  SUMMARY_CHART("summary-chart", null),
  EXPORT("export", null),
  /** The answer to a message in the bot's Messages tab: where to find the commands. */
  POINTER("pointer", null),
  /** To whoever set up a rotation or a summary: its channel posts fail for good. */
  POST_FAILED("post-failed", PostFailures.Refused.class),
  /** The last message to someone who asked to be forgotten: deleted as soon as it is sent. */
  FAREWELL("farewell", null);

  private final String label;
  private final Class<?> noticeType;

  OutboxKind(String label, Class<?> noticeType) {
    this.label = label;
    this.noticeType = noticeType;
  }

  /**
   * The notice a row of this kind holds when it is rendered at send time (it was decided inside a
   * store's transaction); null for kinds whose text is written before they are queued.
   */
  public Class<?> noticeType() {
    return noticeType;
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
