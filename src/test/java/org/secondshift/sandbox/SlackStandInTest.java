package org.secondshift.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secondshift.testing.RunningBot;

class SlackStandInTest {
  private static final Instant NOW = Instant.parse("2024-07-01T12:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(5);

  /** The stand-in's elapsed time, in nanoseconds, moved by hand. */
  private final AtomicLong nanos = new AtomicLong();

  private SlackStandIn standIn;
  private Slack slack;
  private MethodsClient methods;

  @BeforeEach
  void startStandIn() {
    standIn =
        RunningBot.withTestChannels(
            SlackStandIn.start(Clock.fixed(NOW, ZoneOffset.UTC), 0, nanos::get));
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(standIn.apiUrl());
    // Stats would add an auth.test call per token to the recording.
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
    methods = slack.methods("xoxb-test");
  }

  @AfterEach
  void stopStandIn() throws Exception {
    slack.close();
    standIn.close();
  }

  @Test
  void rejectsBlocksPastSlacksLimitsAsSlackDoes() throws Exception {
    String longSection =
        "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\""
            + "x".repeat(3001)
            + "\"}}]";
    String longValue =
        "[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"action_id\":\"a\","
            + "\"text\":{\"type\":\"plain_text\",\"text\":\"Go\"},\"value\":\""
            + "v".repeat(2001)
            + "\"}]}]";
    String many =
        "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"T\"},\"blocks\":["
            + String.join(",", java.util.Collections.nCopies(101, "{\"type\":\"divider\"}"))
            + "]}";

    assertThat(
            methods
                .chatPostMessage(r -> r.channel("C1").text("t").blocksAsString(longSection))
                .getError())
        .isEqualTo("invalid_blocks");
    assertThat(
            methods
                .chatPostMessage(r -> r.channel("C1").text("t").blocksAsString(longValue))
                .getError())
        .isEqualTo("invalid_blocks");
    String trigger = standIn.mintTrigger("U1");
    assertThat(methods.viewsOpen(r -> r.triggerId(trigger).viewAsString(many)).getError())
        .isEqualTo("invalid_arguments");
    assertThat(
            methods
                .chatPostMessage(
                    r ->
                        r.channel("C1")
                            .text("t")
                            .blocksAsString(
                                longSection.replace("x".repeat(3001), "x".repeat(3000))))
                .isOk())
        .isTrue();
  }

  @Test
  void answersAuthTestAsTheSandboxBot() throws Exception {
    var response = methods.authTest(r -> r);

    assertThat(response.isOk()).isTrue();
    assertThat(response.getTeamId()).isEqualTo("T0SANDBOX");
    assertThat(response.getUserId()).isEqualTo(standIn.botUserId());
    assertThat(response.getBotId()).isEqualTo("B0BOT");
    assertThat(standIn.apiUrl()).isEqualTo("http://127.0.0.1:" + standIn.port() + "/api/");
  }

  @Test
  void describesTheBotInBotsInfo() throws Exception {
    var response = methods.botsInfo(r -> r.bot("B0BOT"));

    assertThat(response.getBot().getUserId()).isEqualTo("U0BOT");
    assertThat(response.getBot().getAppId()).isEqualTo("A0SANDBOX");
  }

  @Test
  void answersUsersInfoWithTheTimeZoneOffsetAtTheClocksNow() throws Exception {
    standIn.addUser("U1", "ada", "Europe/Berlin");

    UsersInfoResponse response = methods.usersInfo(r -> r.user("U1"));

    assertThat(response.isOk()).isTrue();
    assertThat(response.getUser().getName()).isEqualTo("ada");
    assertThat(response.getUser().getTz()).isEqualTo("Europe/Berlin");
    assertThat(response.getUser().getTzOffset()).isEqualTo(7200);
    assertThat(response.getUser().getTzLabel()).isEqualTo("Central European Summer Time");
    assertThat(response.getUser().isBot()).isFalse();
    assertThat(response.getUser().getProfile().getDisplayName()).isEqualTo("ada");
  }

  @Test
  void answersUserNotFoundForStrangers() throws Exception {
    assertThat(methods.usersInfo(r -> r.user("U404")).getError()).isEqualTo("user_not_found");
  }

  @Test
  void opensADirectMessageChannelNamedAfterTheUser() throws Exception {
    var response = methods.conversationsOpen(r -> r.users(List.of("U1")));

    assertThat(response.getChannel().getId()).isEqualTo("DU1");
  }

  @Test
  void storesPostedMessagesWithIncreasingTimestampsFromTheClock() throws Exception {
    ChatPostMessageResponse first = methods.chatPostMessage(r -> r.channel("C1").text("one"));
    ChatPostMessageResponse second =
        methods.chatPostMessage(
            r ->
                r.channel("C1")
                    .text("two")
                    .threadTs(first.getTs())
                    .blocksAsString("[{\"type\":\"divider\"}]"));

    assertThat(first.getTs()).isEqualTo("1719835200.000100");
    assertThat(second.getTs()).isEqualTo("1719835200.000200");
    assertThat(second.getMessage().getText()).isEqualTo("two");
    assertThat(standIn.messages("C1"))
        .containsExactly(
            new PostedMessage("C1", first.getTs(), "one", null, null),
            new PostedMessage(
                "C1", second.getTs(), "two", "[{\"type\":\"divider\"}]", first.getTs()));
  }

  @Test
  void updatesAStoredMessageInPlace() throws Exception {
    String ts = methods.chatPostMessage(r -> r.channel("C1").text("draft")).getTs();

    var response = methods.chatUpdate(r -> r.channel("C1").ts(ts).text("final"));

    assertThat(response.isOk()).isTrue();
    assertThat(standIn.messages("C1")).extracting(PostedMessage::text).containsExactly("final");
  }

  @Test
  void answersMessageNotFoundWhenUpdatingAnUnknownTimestamp() throws Exception {
    var response = methods.chatUpdate(r -> r.channel("C1").ts("1.000001").text("x"));

    assertThat(response.getError()).isEqualTo("message_not_found");
  }

  @Test
  void recordsEveryCallWithItsParametersAndToken() throws Exception {
    methods.chatPostMessage(r -> r.channel("C9").text("hello"));
    methods.chatPostEphemeral(r -> r.channel("C9").user("U1").text("psst"));

    assertThat(standIn.calls())
        .extracting(RecordedCall::method)
        .containsExactly("chat.postMessage", "chat.postEphemeral");
    RecordedCall call = standIn.calls("chat.postMessage").get(0);
    assertThat(call.params()).containsEntry("channel", "C9").containsEntry("text", "hello");
    assertThat(call.token()).isEqualTo("xoxb-test");
    assertThat(call.at()).isEqualTo(NOW);

    standIn.clearCalls();
    assertThat(standIn.calls()).isEmpty();
  }

  @Test
  void awaitsCallsMadeOnAnotherThread() {
    CompletableFuture.runAsync(() -> postQuietly("C2", "later"));

    List<RecordedCall> calls = standIn.awaitCalls("chat.postMessage", 1, WAIT);

    assertThat(calls).hasSize(1);
    assertThat(standIn.messages("C2")).extracting(PostedMessage::text).containsExactly("later");
  }

  @Test
  void aHeldMethodTellsHowManyCallsWaitOnItAndAnswersThemWhenReleased() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    standIn.hold("chat.postMessage", release);
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try {
      CompletableFuture<Void> first =
          CompletableFuture.runAsync(() -> postQuietly("C1", "first"), callers);
      CompletableFuture<Void> second =
          CompletableFuture.runAsync(() -> postQuietly("C2", "second"), callers);

      standIn.awaitHeld("chat.postMessage", 2, WAIT);
      assertThat(standIn.calls("chat.postMessage")).isEmpty();
      release.countDown();

      CompletableFuture.allOf(first, second).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(standIn.calls("chat.postMessage")).hasSize(2);
      assertThatThrownBy(() -> standIn.awaitHeld("chat.postMessage", 1, Duration.ofMillis(50)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("held chat.postMessage");
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void failsClearlyWhenAwaitedCallsNeverArrive() {
    assertThatThrownBy(() -> standIn.awaitCalls("chat.postMessage", 1, Duration.ofMillis(50)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("chat.postMessage");
  }

  @Test
  void answersRateLimitedWithRetryAfter() throws Exception {
    standIn.rateLimitNext("chat.postMessage", 1, 7);

    assertThatThrownBy(() -> methods.chatPostMessage(r -> r.channel("C1").text("x")))
        .isInstanceOfSatisfying(
            SlackApiException.class,
            e -> {
              assertThat(e.getResponse().code()).isEqualTo(429);
              assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
              assertThat(e.getError().getError()).isEqualTo("ratelimited");
            });
    assertThat(methods.chatPostMessage(r -> r.channel("C1").text("x")).isOk()).isTrue();
    assertThat(standIn.calls("chat.postMessage"))
        .extracting(RecordedCall::rateLimited)
        .containsExactly(true, false);
  }

  @Test
  void answersQueuedErrorsWithOkFalse() throws Exception {
    standIn.failNext("users.info", 2, "fatal_error");
    standIn.addUser("U1", "ada", "UTC");

    assertThat(methods.usersInfo(r -> r.user("U1")).getError()).isEqualTo("fatal_error");
    assertThat(methods.usersInfo(r -> r.user("U1")).getError()).isEqualTo("fatal_error");
    assertThat(methods.usersInfo(r -> r.user("U1")).isOk()).isTrue();
  }

  @Test
  void answersNotAuthedWithoutAToken() throws Exception {
    var response = slack.methods().authTest(r -> r);

    assertThat(response.getError()).isEqualTo("not_authed");
  }

  @Test
  void answersUnknownMethod() throws Exception {
    HttpResponse<String> response =
        post("api/emoji.list", "application/x-www-form-urlencoded", "token=xoxb-test");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"error\":\"unknown_method\"");
  }

  @Test
  void acceptsJsonBodiesWithABearerToken() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(standIn.apiUrl() + "chat.postMessage"))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Authorization", "Bearer xoxb-json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"channel\":\"C3\",\"text\":\"hi\",\"blocks\":[{\"type\":\"divider\"}]}"))
            .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    RecordedCall call = standIn.calls("chat.postMessage").get(0);
    assertThat(call.token()).isEqualTo("xoxb-json");
    assertThat(call.params()).containsEntry("blocks", "[{\"type\":\"divider\"}]");
    assertThat(standIn.messages("C3")).hasSize(1);
  }

  @Test
  void rejectsMalformedBodiesWithBadRequest() throws Exception {
    HttpResponse<String> response = post("api/chat.postMessage", "application/json", "{");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void reportsDoNotDisturbPerUser() throws Exception {
    standIn.addUser("U1", "ada", "UTC");
    standIn.addUser("U2", "bob", "UTC");
    standIn.setDnd("U1", true);

    var snoozing = methods.dndInfo(r -> r.user("U1"));
    var awake = methods.dndInfo(r -> r.user("U2"));

    assertThat(snoozing.isDndEnabled()).isTrue();
    assertThat(snoozing.getNextDndStartTs()).isLessThanOrEqualTo((int) NOW.getEpochSecond());
    assertThat(snoozing.getNextDndEndTs()).isGreaterThan((int) NOW.getEpochSecond());
    assertThat(awake.isDndEnabled()).isFalse();
  }

  @Test
  void dndInfoShowsABotTokenTheScheduleButNoSnooze() throws Exception {
    standIn.addUser("U1", "ada", "UTC");
    standIn.setDnd("U1", true);

    JsonObject asBot = dndInfo("token=xoxb-test&user=U1");
    JsonObject asThemself = dndInfo("token=xoxp-ada");

    assertThat(asBot.get("ok").getAsBoolean()).isTrue();
    assertThat(asBot.get("dnd_enabled").getAsBoolean()).isTrue();
    assertThat(asBot.keySet()).noneMatch(k -> k.startsWith("snooze_"));
    assertThat(asThemself.keySet()).contains("snooze_enabled");
  }

  private JsonObject dndInfo(String form) throws Exception {
    return JsonParser.parseString(
            post("api/dnd.info", "application/x-www-form-urlencoded", form).body())
        .getAsJsonObject();
  }

  @Test
  void keepsTheLastPublishedHomeViewPerUser() throws Exception {
    methods.viewsPublish(r -> r.userId("U1").viewAsString("{\"type\":\"home\",\"blocks\":[]}"));
    var second =
        methods.viewsPublish(
            r ->
                r.userId("U1")
                    .viewAsString("{\"type\":\"home\",\"callback_id\":\"v2\",\"blocks\":[]}"));

    assertThat(second.getView().getId()).startsWith("V");
    assertThat(standIn.homeView("U1"))
        .hasValueSatisfying(
            json ->
                assertThat(
                        JsonParser.parseString(json)
                            .getAsJsonObject()
                            .get("callback_id")
                            .getAsString())
                    .isEqualTo("v2"));
    assertThat(standIn.homeView("U2")).isEmpty();
  }

  @Test
  void opensAndUpdatesModalViews() throws Exception {
    String trigger = standIn.mintTrigger("U1");
    var opened =
        methods.viewsOpen(
            r ->
                r.triggerId(trigger)
                    .viewAsString(
                        "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"A\"},\"blocks\":[]}"));
    var updated =
        methods.viewsUpdate(
            r ->
                r.viewId(opened.getView().getId())
                    .viewAsString(
                        "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"B\"},\"blocks\":[]}"));

    assertThat(updated.getView().getId()).isEqualTo(opened.getView().getId());
    assertThat(updated.getView().getTitle().getText()).isEqualTo("B");
  }

  private static final String MODAL =
      "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"A\"},\"blocks\":[]}";

  private String openWith(String trigger) throws Exception {
    var opened = methods.viewsOpen(r -> r.triggerId(trigger).viewAsString(MODAL));
    return opened.isOk() ? "ok" : opened.getError();
  }

  @Test
  void refusesATriggerItNeverHandedOutAsInvalid() throws Exception {
    assertThat(openWith("1.2.3")).isEqualTo("invalid_trigger_id");
    assertThat(openWith("12345.98765.abcd2358fdea")).isEqualTo("invalid_trigger_id");
    assertThat(standIn.openedViews()).isEmpty();
  }

  @Test
  void takesATriggerOnceAndRefusesItThenAsExchanged() throws Exception {
    String trigger = standIn.mintTrigger("U1");

    assertThat(openWith(trigger)).isEqualTo("ok");
    assertThat(openWith(trigger)).isEqualTo("exchanged_trigger_id");
    assertThat(standIn.openedViews())
        .singleElement()
        .satisfies(v -> assertThat(v.triggerId()).isEqualTo(trigger));
  }

  @Test
  void takesATriggerWithinThreeSecondsOfMintingAndRefusesItAfterAsExpired() throws Exception {
    // The workspace clock stays at NOW throughout: triggers age in elapsed time only.
    String late = standIn.mintTrigger("U1");
    String inTime = standIn.mintTrigger("U2");
    nanos.addAndGet(Duration.ofMillis(2999).toNanos());
    assertThat(openWith(inTime)).isEqualTo("ok");

    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(openWith(late)).isEqualTo("expired_trigger_id");
    // Refused, not spent: it stays expired rather than turning exchanged.
    assertThat(openWith(late)).isEqualTo("expired_trigger_id");
    assertThat(standIn.calls("views.open"))
        .extracting(c -> c.answeredError().orElse("ok"))
        .containsExactly("ok", "expired_trigger_id", "expired_trigger_id");
  }

  @Test
  void takesFileUploadsThroughTheExternalUploadFlow() throws Exception {
    byte[] csv = "day,hours\nmon,8\n".getBytes(StandardCharsets.UTF_8);
    FilesGetUploadURLExternalResponse url =
        methods.filesGetUploadURLExternal(r -> r.filename("hours.csv").length(csv.length));

    HttpResponse<String> upload =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url.getUploadUrl()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    var completed =
        methods.filesCompleteUploadExternal(
            r ->
                r.files(List.of(FileDetails.builder().id(url.getFileId()).title("Hours").build()))
                    .channelId("C1")
                    .initialComment("Weekly log"));

    assertThat(url.getUploadUrl())
        .isEqualTo("http://127.0.0.1:" + standIn.port() + "/upload/" + url.getFileId());
    assertThat(upload.statusCode()).isEqualTo(200);
    assertThat(upload.body()).isEqualTo("OK - " + csv.length);
    assertThat(completed.getFiles())
        .singleElement()
        .satisfies(f -> assertThat(f.getTitle()).isEqualTo("Hours"));
    assertThat(standIn.uploads())
        .singleElement()
        .satisfies(
            file -> {
              assertThat(file.fileId()).startsWith("F");
              assertThat(file.filename()).isEqualTo("hours.csv");
              assertThat(file.bytes()).isEqualTo(csv);
              assertThat(file.channelId()).isEqualTo("C1");
              assertThat(file.completed()).isTrue();
              assertThat(file.initialComment()).isEqualTo("Weekly log");
            });
  }

  @Test
  void extractsTheFilePartFromMultipartUploads() throws Exception {
    String fileId =
        methods.filesGetUploadURLExternal(r -> r.filename("a.txt").length(5)).getFileId();
    String body =
        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nhello\r\n--XyZ--\r\n";

    HttpResponse<String> response =
        post("upload/" + fileId, "multipart/form-data; boundary=XyZ", body);

    assertThat(response.body()).isEqualTo("OK - 5");
    assertThat(standIn.uploads().get(0).bytes())
        .isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void refusesToCompleteFilesWhoseBytesNeverArrived() throws Exception {
    String fileId =
        methods.filesGetUploadURLExternal(r -> r.filename("a.txt").length(5)).getFileId();

    var response =
        methods.filesCompleteUploadExternal(
            r -> r.files(List.of(FileDetails.builder().id(fileId).build())).channelId("C1"));

    assertThat(response.getError()).isEqualTo("file_not_found");
  }

  @Test
  void postsOnlyWhereTheBotWasInvitedAndAnswersAsSlackElsewhere() throws Exception {
    standIn.addChannel("C0RANDOM", "random");
    standIn.addPrivateChannel("G0SECRET", "secret");
    standIn.addChannel("C0OLD", "old");
    standIn.invite("C0OLD", standIn.botUserId());
    standIn.archive("C0OLD");

    assertThat(methods.chatPostMessage(r -> r.channel("C0RANDOM").text("x")).getError())
        .isEqualTo("not_in_channel");
    assertThat(methods.chatPostMessage(r -> r.channel("G0SECRET").text("x")).getError())
        .isEqualTo("channel_not_found");
    assertThat(methods.chatPostMessage(r -> r.channel("C0NOWHERE").text("x")).getError())
        .isEqualTo("channel_not_found");
    assertThat(methods.chatPostMessage(r -> r.channel("C0OLD").text("x")).getError())
        .isEqualTo("is_archived");
    assertThat(standIn.messages("C0RANDOM")).isEmpty();

    standIn.invite("C0RANDOM", standIn.botUserId());
    assertThat(methods.chatPostMessage(r -> r.channel("C0RANDOM").text("x")).isOk()).isTrue();
    assertThat(methods.chatPostMessage(r -> r.channel("U1").text("a DM")).isOk()).isTrue();
  }

  @Test
  void conversationsInfoTellsWhetherTheBotIsAMember() throws Exception {
    standIn.addChannel("C0RANDOM", "random");
    standIn.addPrivateChannel("G0SECRET", "secret");
    standIn.addUser("U1", "ada", "UTC");

    var in = methods.conversationsInfo(r -> r.channel("C1"));
    var out = methods.conversationsInfo(r -> r.channel("C0RANDOM"));
    var dm = methods.conversationsInfo(r -> r.channel("DU1"));

    assertThat(in.getChannel().isMember()).isTrue();
    assertThat(in.getChannel().isPrivate()).isFalse();
    assertThat(out.getChannel().isMember()).isFalse();
    assertThat(out.getChannel().getName()).isEqualTo("random");
    assertThat(dm.getChannel().isIm()).isTrue();
    assertThat(methods.conversationsInfo(r -> r.channel("G0SECRET")).getError())
        .isEqualTo("channel_not_found");
    assertThat(methods.conversationsInfo(r -> r.channel("C0NOWHERE")).getError())
        .isEqualTo("channel_not_found");
  }

  @Test
  void aFileIsNotSharedIntoAChannelTheBotIsNotIn() throws Exception {
    standIn.addChannel("C0RANDOM", "random");

    assertThatThrownBy(
            () ->
                methods.filesUploadV2(
                    r ->
                        r.channel("C0RANDOM")
                            .filename("chart.png")
                            .title("Chart")
                            .fileData(new byte[] {1, 2, 3})
                            .requestFileInfo(false)))
        .isInstanceOfSatisfying(
            SlackFilesUploadV2Exception.class,
            e -> assertThat(e.getCompleteResponse().getError()).isEqualTo("not_in_channel"));
    assertThat(standIn.uploads()).noneMatch(UploadedFile::completed);
  }

  @Test
  void aRevokedTokenIsRefusedByEveryMethodWhileOtherTokensStillWork() throws Exception {
    standIn.revokeToken("xoxb-test");

    assertThat(methods.authTest(r -> r).getError()).isEqualTo("token_revoked");
    assertThat(methods.chatPostMessage(r -> r.channel("C1").text("x")).getError())
        .isEqualTo("token_revoked");
    assertThat(methods.conversationsInfo(r -> r.channel("C1")).getError())
        .isEqualTo("token_revoked");
    assertThat(slack.methods("xoxb-new").chatPostMessage(r -> r.channel("C1").text("x")).isOk())
        .isTrue();
    assertThat(standIn.messages("C1")).hasSize(1);
  }

  private void postQuietly(String channel, String text) {
    try {
      methods.chatPostMessage(r -> r.channel(channel).text(text));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(standIn.apiUrl().replace("api/", "") + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
