package org.secondshift.activity;

/** What kind of human action in a channel counted as activity; the code is what is stored. */
public enum ActivityKind {
  MESSAGE(1),
  THREAD_REPLY(2),
  MENTION(3),
  REACTION(4);

  private final int code;

  ActivityKind(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The kind stored under {@code code}. */
  public static ActivityKind ofCode(int code) {
    for (ActivityKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown activity kind code: " + code);
  }
}
