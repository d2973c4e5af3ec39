package org.secondshift.hours;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads and writes a person's work sessions; implemented by the store. */
public interface SessionHistory {
  /** Sessions of the person that may overlap [from, to), allowing for the tail. */
  List<WorkSession> sessions(String teamId, String userId, Instant from, Instant to);

  /** The manual session the person started and has not stopped. */
  Optional<ManualStart> openManual(String teamId, String userId);

  /** Opens a manual session; false when one is already open. */
  boolean startManual(String teamId, String userId, Instant at, String note);

  /** Closes the open manual session as a MANUAL work session ending at {@code at}. */
  Optional<WorkSession> stopManual(String teamId, String userId, Instant at);
}
