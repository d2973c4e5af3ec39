package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secondshift.testing.SettableClock;

class RequestGuardTest {
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final RequestGuard guard = new RequestGuard("8f742231b10e8888abcd99yyyzzz85a5", clock);
  private final String body = "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\"}}";

  private Optional<RequestGuard.Rejection> signedAt(long ts) {
    String t = Long.toString(ts);
    return guard.check(t, guard.sign(t, body), "application/json", bytes(body));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static int status(RequestGuard.Outcome outcome) {
    return outcome instanceof RequestGuard.Rejection r ? r.status() : 0;
  }

  @Test
  void matchesSlacksPublishedExampleSignature() {
    // The worked example in Slack's request-verification docs.
    clock.set(Instant.ofEpochSecond(1531420618));
    String exampleBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&"
            + "channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&"
            + "command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F"
            + "T1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121."
            + "803a0bc887a14d10d2c447fce8b6703c";
    assertThat(guard.sign("1531420618", exampleBody))
        .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
  }

  @Test
  void acceptsAFreshCorrectlySignedRequest() {
    assertThat(signedAt(clock.instant().getEpochSecond())).isEmpty();
  }

  @ParameterizedTest(name = "{0} seconds of skew → {1}")
  @CsvSource({"-301, 401", "-300, 0", "300, 0", "301, 401", "86400, 401"})
  void rejectsTimestampsMoreThanFiveMinutesAwayInEitherDirection(long skew, int status) {
    Optional<RequestGuard.Rejection> r = signedAt(clock.instant().getEpochSecond() + skew);
    assertThat(r.map(RequestGuard.Rejection::status).orElse(0)).isEqualTo(status);
  }

  @Test
  void rejectsAForgedSignature() {
    String t = Long.toString(clock.instant().getEpochSecond());
    String forged = "v0=" + "0".repeat(64);
    assertThat(guard.check(t, forged, "application/json", bytes(body)))
        .get()
        .extracting(RequestGuard.Rejection::status)
        .isEqualTo(401);
  }

  @Test
  void rejectsABodyChangedAfterSigning() {
    String t = Long.toString(clock.instant().getEpochSecond());
    String sig = guard.sign(t, body);
    assertThat(
            guard.check(
                t, sig, "application/json", bytes(body.replace("message", "reaction_added"))))
        .get()
        .extracting(RequestGuard.Rejection::status)
        .isEqualTo(401);
  }

  @Test
  void rejectsMissingOrNonNumericTimestamps() {
    assertThat(guard.check(null, "v0=x", "application/json", bytes(body)))
        .get()
        .extracting(RequestGuard.Rejection::status)
        .isEqualTo(401);
    assertThat(guard.check("yesterday", "v0=x", "application/json", bytes(body)))
        .get()
        .extracting(RequestGuard.Rejection::status)
        .isEqualTo(401);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "application/json | {not json",
        "application/json | []",
        "application/json | {\"no\":\"type\"}",
        "application/json | {\"type\":\"event_callback\"}",
        "application/json | {\"type\":\"event_callback\",\"event\":\"x\"}",
        "application/x-www-form-urlencoded | payload=%7Bbroken",
        "application/x-www-form-urlencoded | just=fields",
        "application/json | {\"type\":\"block_actions\"}",
        "application/json | {\"type\":\"anything_else\",\"text\":\"a whole body to log\"}",
        "application/json | {\"type\":\"event_callback\",\"event\":{\"type\":\"Not An Event\"}}",
        "application/x-www-form-urlencoded | payload=%7B%22type%22%3A%22event_callback%22%7D",
        "text/plain | hello"
      })
  void malformedOrUnknownBodiesAreBadRequests(String contentType, String badBody) {
    assertThat(status(RequestGuard.checkShape(contentType, badBody))).isEqualTo(400);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "application/json | {\"type\":\"url_verification\",\"challenge\":\"abc\"}",
        "application/json; charset=utf-8 | {\"type\":\"event_callback\",\"event\":{\"type\":\"message\"}}",
        "application/x-www-form-urlencoded | command=%2Fshift&text=hours",
        "application/x-www-form-urlencoded | payload=%7B%22type%22%3A%22block_actions%22%7D"
      })
  void wellFormedBodiesPass(String contentType, String goodBody) {
    assertThat(RequestGuard.checkShape(contentType, goodBody))
        .isInstanceOf(RequestGuard.Accepted.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "-9223372036854775808",
    "-9223372035058908608",
    "9223372036854775807",
    "99999999999999999999999",
    "-1",
    "+1795867200",
    "1.7958672e9",
    "1795867200.5"
  })
  void timestampsThatAreNotPlainSecondsNearNowAreUnauthorized(String timestamp) {
    // -9223372035058908608 is Long.MIN_VALUE + now: |now - ts| overflows back to a tiny number.
    assertThat(guard.checkHeaders(List.of(timestamp), List.of(guard.sign(timestamp, body))))
        .get()
        .extracting(RequestGuard.Rejection::status)
        .isEqualTo(401);
  }

  @Test
  void aRequestWithTwoTimestampsOrTwoSignaturesIsUnauthorized() {
    String t = Long.toString(clock.instant().getEpochSecond());
    String sig = guard.sign(t, body);
    assertThat(guard.checkHeaders(List.of(t, t), List.of(sig)))
        .get()
        .extracting(RequestGuard.Rejection::status)
        .isEqualTo(401);
    assertThat(guard.checkHeaders(List.of(t), List.of(sig, sig)))
        .get()
        .extracting(RequestGuard.Rejection::status)
        .isEqualTo(401);
    assertThat(guard.checkHeaders(List.of(t), List.of(sig))).isEmpty();
  }

  @Test
  void theSignatureCoversTheBytesAsSentAndOnlyThenIsTheBodyDecoded() {
    String t = Long.toString(clock.instant().getEpochSecond());
    // 0xC3 0x28 is not UTF-8; a decoder that replaces it would sign something else.
    byte[] raw = {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};
    String lossy = new String(raw, StandardCharsets.UTF_8);

    assertThat(status(guard.checkBody(t, guard.sign(t, raw), "application/json", raw)))
        .isEqualTo(400);
    assertThat(status(guard.checkBody(t, guard.sign(t, lossy), "application/json", raw)))
        .isEqualTo(401);
  }
}
