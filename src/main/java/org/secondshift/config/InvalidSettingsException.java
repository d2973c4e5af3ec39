package org.secondshift.config;

import java.util.List;

/** Thrown at start when the environment does not describe a runnable bot; lists every problem. */
public final class InvalidSettingsException extends RuntimeException {
  private final List<String> problems;

  public InvalidSettingsException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
