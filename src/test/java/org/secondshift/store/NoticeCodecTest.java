package org.secondshift.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.secondshift.captain.Assignment;
import org.secondshift.captain.Cadence;
import org.secondshift.captain.MoveReason;
import org.secondshift.captain.Note;
import org.secondshift.captain.Notice;
import org.secondshift.captain.Rotation;
import org.secondshift.rest.Nudge;
import org.secondshift.rest.NudgeAnswer;
import org.secondshift.rest.NudgeAnswered;
import org.secondshift.rest.NudgeKind;

class NoticeCodecTest {
  private static final Instant AT = Instant.parse("2026-03-29T00:30:00Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Assignment SHIFT =
      new Assignment(
          4,
          AT,
          AT.plus(Duration.ofHours(12)),
          "U1",
          "U2",
          MoveReason.PAST_DAILY_LIMIT,
          List.of("U1", "U3", "U2"));
  private static final Rotation ROTATION =
      new Rotation(
          7,
          "T1",
          "C1",
          List.of("U1", "U2", "U3"),
          List.of("U1", "U3", "U2"),
          Cadence.ofHours(12),
          LocalDateTime.parse("2026-03-28T09:00"),
          BERLIN,
          5,
          4,
          "U2",
          false,
          3);
  private static final Nudge LATE =
      new Nudge(
          42,
          "T1",
          "U1",
          NudgeKind.LATE_NIGHT,
          AT,
          ZoneId.of("Asia/Kolkata"),
          Duration.ofMinutes(95),
          0,
          Optional.of("C1"),
          Optional.empty(),
          1);

  static Stream<Arguments> notices() {
    Note note = new Note("U3", "watch run 7's \"loss\" <curve> & restart it", AT.minusSeconds(60));
    return Stream.of(
        Arguments.of(
            OutboxKind.CAPTAIN_PLAN,
            new Notice.Plan("T1", "C1", "U9", ROTATION, SHIFT, List.of(SHIFT, SHIFT), true)),
        Arguments.of(
            OutboxKind.HANDOFF_NOTES,
            new Notice.Handoff(
                "T1", "C1", BERLIN, SHIFT, "U1", AT.plusSeconds(90), 2, false, List.of(note))),
        Arguments.of(
            OutboxKind.HANDOFF,
            new Notice.Handoff("T1", "C1", BERLIN, SHIFT, null, AT, 0, true, List.of())),
        Arguments.of(
            OutboxKind.CAPTAIN_REMINDER,
            new Notice.Reminder("T1", "C1", BERLIN, SHIFT, AT.minusSeconds(1800))),
        Arguments.of(OutboxKind.CAPTAIN_NOTE, new Notice.NoteForCaptain("T1", "C1", "U2", note)),
        Arguments.of(
            OutboxKind.CAPTAIN_PAUSE, new Notice.Paused("T1", "C1", "U1", false, AT, BERLIN)),
        Arguments.of(OutboxKind.NUDGE, LATE),
        Arguments.of(
            OutboxKind.NUDGE,
            new Nudge(
                1,
                "T1",
                "U1",
                NudgeKind.LATE_NIGHT,
                AT,
                BERLIN,
                Duration.ZERO,
                0,
                Optional.of("C1"),
                Optional.of("U2"),
                0)),
        Arguments.of(
            OutboxKind.NUDGE_ANSWER,
            new NudgeAnswered(LATE, NudgeAnswer.SNOOZE, AT.plusSeconds(5))),
        Arguments.of(
            OutboxKind.POST_FAILED,
            new PostFailures.Refused(
                new PostFailures.Owner(PostFailures.Plan.SUMMARY, "T1", "C1"), "is_archived")));
  }

  @ParameterizedTest
  @MethodSource("notices")
  void aNoticeReadsBackAsTheSameValue(OutboxKind kind, Object notice) {
    String json = NoticeCodec.write(notice);

    assertThat(NoticeCodec.read(kind, json)).isEqualTo(notice);
  }

  @Test
  void timesAndZonesAreWrittenAsPeopleWouldReadThemInTheRow() {
    assertThat(NoticeCodec.write(LATE))
        .contains("\"decidedAt\":\"2026-03-29T00:30:00Z\"")
        .contains("\"zone\":\"Asia/Kolkata\"")
        .contains("\"observed\":\"PT1H35M\"")
        .contains("\"captainId\":null");
  }

  @Test
  void aDamagedOrForeignNoticeIsRefusedWithItsKind() {
    assertThatThrownBy(() -> NoticeCodec.read(OutboxKind.NUDGE, "{\"id\":"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nudge");
    assertThatThrownBy(() -> NoticeCodec.read(OutboxKind.NUDGE, "{\"id\":3}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NoticeCodec.read(OutboxKind.SUMMARY, "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rendered text");
  }
}
