package org.secondshift.captain;

import java.time.Instant;
import java.util.Objects;

/** A handoff note someone wrote on purpose for the next captain with {@code /shift note}. */
public record Note(String authorId, String text, Instant writtenAt) {
  /** Long enough for a few sentences; a note is a pointer, not a report. */
  public static final int MAX_LENGTH = 1000;

  public Note {
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(writtenAt, "writtenAt");
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("text must be at most " + MAX_LENGTH + " characters");
    }
  }
}
