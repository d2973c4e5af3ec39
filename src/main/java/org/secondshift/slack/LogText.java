package org.secondshift.slack;

/** Request-derived text as it may appear in a log line: one line, and short. */
public final class LogText {
  /** Characters kept of a value before it is cut with an ellipsis. */
  public static final int MAX_CHARS = 80;

  private LogText() {}

  /**
   * {@code value} with line breaks and other control characters replaced, cut to {@link #MAX_CHARS}
   * characters and "…"; {@code "null"} for null. A caller cannot then forge log lines or flood the
   * log through a field it controls.
   */
  public static String cap(String value) {
    if (value == null) {
      return "null";
    }
    int end = Math.min(value.length(), MAX_CHARS);
    StringBuilder shown = new StringBuilder(end + 1);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      shown.append(Character.isISOControl(c) ? '?' : c);
    }
    return value.length() > MAX_CHARS ? shown.append('…').toString() : shown.toString();
  }
}
