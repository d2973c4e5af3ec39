package org.secondshift.slack.command;

/** The arguments of a subcommand make no sense; the message says what was wrong in one line. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
