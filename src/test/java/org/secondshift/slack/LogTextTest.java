package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {
  @Test
  void aLongValueIsCutAtEightyCharactersWithAnEllipsis() {
    assertThat(LogText.cap("x".repeat(10_000))).isEqualTo("x".repeat(80) + "…");
    assertThat(LogText.cap("x".repeat(80))).isEqualTo("x".repeat(80));
  }

  @Test
  void lineBreaksCannotForgeAnotherLogLine() {
    assertThat(LogText.cap("U0ADA\n2026-11-23 WARN forged"))
        .isEqualTo("U0ADA?2026-11-23 WARN forged");
  }

  @Test
  void nullIsShownAsNull() {
    assertThat(LogText.cap(null)).isEqualTo("null");
  }
}
