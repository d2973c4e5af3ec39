package org.secondshift.captain;

import java.util.Objects;

/** A rotation command that cannot be done as asked; nothing was changed. */
public final class Refusal extends RuntimeException {
  /** Why, in words the view turns into a sentence. */
  public enum Why {
    NO_ROTATION,
    NOT_A_MEMBER,
    ALREADY_A_MEMBER,
    LAST_MEMBER,
    NO_SHIFT_AHEAD,
    NOBODY_ON_DUTY,
    NOT_THE_CAPTAIN,
    ALREADY_PAUSED,
    NOT_PAUSED,
    IS_PAUSED,
    SAME_PERSON
  }

  private final Why why;
  private final String userId;

  public Refusal(Why why, String userId) {
    super(why + (userId == null ? "" : " (" + userId + ")"));
    this.why = Objects.requireNonNull(why, "why");
    this.userId = userId;
  }

  public Refusal(Why why) {
    this(why, null);
  }

  public Why why() {
    return why;
  }

  /** The person the refusal is about, or null. */
  public String userId() {
    return userId;
  }
}
