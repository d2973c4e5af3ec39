package org.secondshift.config;

/**
 * Thrown at start for a reason the operator has to fix (a token Slack refuses, a port in use); its
 * message is the one line to show, and the process exits with code 2.
 */
public final class CannotStartException extends RuntimeException {
  public CannotStartException(String oneLine) {
    super(oneLine);
  }
}
