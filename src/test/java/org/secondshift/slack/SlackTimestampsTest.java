package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlackTimestampsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "1795000000.000100, 2026-11-18T11:06:40.000100Z",
    "1795000000.1, 2026-11-18T11:06:40.100Z",
    "1795000000, 2026-11-18T11:06:40Z",
    "1230768000.000000, 2009-01-01T00:00:00Z"
  })
  void readsSlacksSecondsAndMicroseconds(String ts, String instant) {
    assertThat(SlackTimestamps.toInstant(ts)).contains(Instant.parse(instant));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e9",
        "1795000000e0",
        "-1795000000.000100",
        "+1795000000.000100",
        "0000000000.000000",
        "1230767999.999999",
        "1795000000.0000001",
        "17950000000.000100",
        "1795000000.",
        "0x6AFD0000",
        ""
      })
  void refusesWhatIsNotATimestampSlackSends(String ts) {
    assertThat(SlackTimestamps.toInstant(ts)).isEmpty();
  }

  @Test
  void refusesThousandsOfDigitsWithoutParsingThem() {
    assertThat(SlackTimestamps.toInstant("1".repeat(10_000))).isEmpty();
  }

  @Test
  void aTimestampUpToADayAheadOfNowIsPlausibleAndNotBeyond() {
    long now = NOW.getEpochSecond();
    assertThat(SlackTimestamps.plausible((now + 86_400) + ".000000", NOW)).isPresent();
    assertThat(SlackTimestamps.plausible((now + 86_400) + ".000001", NOW)).isEmpty();
  }
}
