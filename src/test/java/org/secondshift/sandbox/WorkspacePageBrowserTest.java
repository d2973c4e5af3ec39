package org.secondshift.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.secondshift.testing.RunningSandbox;

/**
 * A person in headless Chromium uses the sandbox: posts, runs /shift, reads a DM, opens Home, sees
 * the captain posts and the summary chart, and snoozes the seeded nudge.
 */
class WorkspacePageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path dir;
  private RunningSandbox running;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    running = RunningSandbox.start(dir);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,800",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome")));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    running.close();
  }

  @Test
  void aTeammatePostsRunsShiftOpensHomeSeesTheStoryAndSnoozesTheSeededNudge() throws Exception {
    browser.get(running.url());
    wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-C0GENERAL"))).click();

    new Select(browser.findElement(By.id("post-as"))).selectByValue("U0LENA");
    type("Deploy window moves to *Thursday*, see <https://example.invalid/plan|the plan>");
    WebElement posted = waitForMessage("Deploy window moves to");
    assertThat(posted.getText()).contains("Lena Fischer").contains("the plan");
    assertThat(posted.findElement(By.tagName("b")).getText()).isEqualTo("Thursday");
    assertThat(
            running.count(
                "SELECT COUNT(*) FROM activity WHERE user_id = 'U0LENA' AND channel_id = 'C0GENERAL'"
                    + " AND occurred_at = "
                    + RunningSandbox.NOW.toEpochMilli()))
        .isEqualTo(1);

    browser.findElement(By.id("nav-C0TRAIN")).click();
    new Select(browser.findElement(By.id("post-as"))).selectByValue("U0MAYA");
    type("/shift hours");
    WebElement reply =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.ephemeral")));
    assertThat(reply.getText())
        .contains("Only visible to you")
        .contains("Berlin time")
        .contains("Total");
    // The rotation's plan in the same channel: its times are Slack date tokens, shown in Maya's
    // zone as Slack would, never as the raw token.
    assertThat(browser.findElements(By.cssSelector("#messages .slack-date"))).isNotEmpty();
    assertThat(browser.findElement(By.id("messages")).getText())
        .doesNotContain("<!date")
        .doesNotContain("{time}");

    botDm("U0RAVI");
    browser.findElement(By.id("nav-DU0RAVI")).click();
    WebElement dm = waitForMessage("Ravi, you have been at it");
    assertThat(dm.findElement(By.cssSelector(".bk-header")).getText())
        .isEqualTo("Time for a pause?");
    assertThat(dm.findElement(By.cssSelector(".mention")).getText()).isEqualTo("@Lena Fischer");
    assertThat(dm.findElements(By.cssSelector(".bk-fields .text"))).hasSize(2);
    assertThat(dm.findElement(By.cssSelector(".bk-button.primary")).getText())
        .isEqualTo("Taking a break");
    assertThat(new Select(browser.findElement(By.id("post-as"))).getFirstSelectedOption().getText())
        .startsWith("Ravi Menon");

    browser.findElement(By.id("nav-home")).click();
    WebElement home = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-view")));
    wait.until(d -> !home.getText().contains("Opening Home"));
    wait.until(d -> home.getText().contains("Your week"));
    assertThat(home.getText())
        .contains("Your next captain shifts")
        .contains("#training-runs")
        .doesNotContain("C0TRAIN")
        .contains("Recent nudges")
        .contains("Settings");

    // From here on the test clock moves, a second per look, so the outbox's per-channel pacing lets
    // the seeded story through.
    browser.findElement(By.id("nav-C0TRAIN")).click();
    WebElement plan = waitForBotMessage("holds the watch now");
    assertThat(plan.findElement(By.cssSelector(".mention")).getText()).isEqualTo("@Lena Fischer");
    assertThat(plan.getText()).contains("set up the captain rotation").contains("every 12 h");

    browser.findElement(By.id("nav-C0EVALS")).click();
    assertThat(waitForBotMessage("vs last week").getText()).contains("Second Shift");
    WebElement chart = waitForBotMessage("Team hours per day");
    WebElement image = chart.findElement(By.cssSelector(".bk-image img"));
    wait.until(
        d ->
            ((Number) browser.executeScript("return arguments[0].naturalWidth", image)).intValue()
                > 0);
    screenshot("sandbox-summary.png");

    browser.findElement(By.id("nav-DU0MAYA")).click();
    WebElement nudge = waitForBotMessage("without a break");
    assertThat(nudge.getText()).contains("3 h 40 min without a break");
    assertThat(new Select(browser.findElement(By.id("post-as"))).getFirstSelectedOption().getText())
        .startsWith("Maya Okafor");
    screenshot("sandbox.png");
    labelled(nudge, "Snooze 1 h").orElseThrow().click();
    WebElement snoozed = waitForBotMessage("Snoozed");
    assertThat(snoozed.getText()).contains("Snoozed until 16:").doesNotContain("Snooze 1 h");
    assertThat(running.sandbox.slack().calls("chat.update")).hasSize(1);
    assertThat(running.bot().parts().restPreferences().prefs("T0SANDBOX", "U0MAYA").snoozedUntil())
        .isPresent();

    // Forget-me asks in Slack's confirmation dialog, and its question goes once it is answered.
    browser.findElement(By.id("nav-C0GENERAL")).click();
    new Select(browser.findElement(By.id("post-as"))).selectByValue("U0JAMIE");
    type("/shift forget-me");
    wait.until(d -> buttonIn(d, "Erase everything", "Yes, forget me")).click();
    WebElement dialog =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.bk-confirm")));
    assertThat(dialog.getText()).contains("This deletes all your data now").contains("Keep it");
    labelled(dialog, "Delete").orElseThrow().click();
    WebElement erased = waitForMessage("Your data is erased");
    assertThat(erased.findElements(By.cssSelector(".bk-button"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("#messages .message")))
        .noneMatch(m -> m.getText().contains("Erase everything"));
    assertThat(running.count("SELECT COUNT(*) FROM activity WHERE user_id = 'U0JAMIE'")).isZero();
    assertNoConsoleErrors();
  }

  @Test
  void aNewcomerWalksTheGuidedStartPicksAMentionAndARestartKeepsTheConversations()
      throws Exception {
    browser.get(running.url());
    // The page opens on the guide's first story, as Maya, in her DM.
    WebElement nudge = waitForBotMessage("3 h 40 min without a break");
    assertThat(new Select(browser.findElement(By.id("post-as"))).getFirstSelectedOption().getText())
        .startsWith("Maya Okafor");
    assertThat(browser.findElement(By.id("guide-step-0")).getAttribute("class"))
        .contains("current");
    WebElement countdown = browser.findElement(By.id("guide-countdown"));
    wait.until(d -> countdown.getText().startsWith("Handoff in #training-runs in "));
    assertThat(countdown.getText())
        .matches("Handoff in #training-runs in [3-5]:\\d\\d: Lena → Ravi");
    screenshot("sandbox-guide.png");
    labelled(nudge, "Snooze 1 h").orElseThrow().click();
    waitForBotMessage("Snoozed until");

    // Two: Kenji, up past midnight, is told who holds the watch.
    browser.findElement(By.id("guide-step-1")).click();
    WebElement late = waitForBotMessage("Lena Fischer");
    assertThat(late.findElement(By.cssSelector(".mention")).getText()).isEqualTo("@Lena Fischer");
    assertThat(new Select(browser.findElement(By.id("post-as"))).getFirstSelectedOption().getText())
        .startsWith("Kenji Watanabe");

    // Three: the handoff, when the countdown runs out.
    browser.findElement(By.id("guide-step-2")).click();
    waitForBotMessage("holds the watch now");
    running.clock.advance(Duration.ofMinutes(6));
    running.bot().parts().rotations().performDue(running.clock.instant());
    WebElement handoff = waitForBotMessage("now holds the watch");
    assertThat(handoff.findElement(By.cssSelector(".mention")).getText()).isEqualTo("@Ravi Menon");
    wait.until(d -> countdown.getText().contains("Ravi → "));

    // The composer's mention picker, then Slack's Replace / Keep question, answered through the
    // ephemeral's response_url.
    WebElement input = browser.findElement(By.id("composer-input"));
    input.sendKeys("/shift captain setup @Le");
    WebElement picker =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mention-picker")));
    assertThat(picker.getText()).contains("Lena Fischer").doesNotContain("Maya");
    screenshot("sandbox-mention.png");
    input.sendKeys(Keys.ENTER);
    input.sendKeys("@rav");
    wait.until(d -> picker.isDisplayed() && picker.getText().contains("Ravi Menon"));
    picker.findElement(By.cssSelector("li")).click();
    assertThat(input.getAttribute("value"))
        .isEqualTo("/shift captain setup @Lena Fischer @Ravi Menon ");
    input.sendKeys("every 12h at 09:00");
    input.sendKeys(Keys.ENTER);
    wait.until(d -> buttonIn(d, "already has a captain rotation", "Keep the current one")).click();
    waitForMessage("Kept the current captain rotation");
    // Kept: the seeded plan is still the only one posted.
    assertThat(
            running.sandbox.slack().calls("chat.postMessage").stream()
                .filter(c -> String.valueOf(c.params().get("text")).contains("set up the captain")))
        .hasSize(1);

    // A command no app provides: Slack's own answer.
    type("/shfit");
    WebElement slackbot = waitForMessage("is not a valid command");
    assertThat(slackbot.getText()).contains("Slackbot").contains("Only visible to you");

    // Four: the team's week.
    browser.findElement(By.id("guide-step-3")).click();
    WebElement chart = waitForBotMessage("Team hours per day");
    assertThat(chart.findElement(By.cssSelector(".bk-image img")).getAttribute("src"))
        .contains("/sandbox/api/file");

    // Five: Home, then Settings, where the limit is a number and quiet hours are time pickers.
    browser.findElement(By.id("guide-step-4")).click();
    WebElement home = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-view")));
    wait.until(d -> home.getText().contains("Your week"));
    wait.until(d -> labelled(home, "Settings").orElse(null)).click();
    WebElement modal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("modal")));
    assertThat(modal.getText())
        .contains("My quiet hours start at")
        .contains("After this many hours of work in a day");
    assertThat(browser.findElement(By.id("in-quiet_from")).getAttribute("type")).isEqualTo("time");
    WebElement limit = browser.findElement(By.id("in-daily_limit"));
    assertThat(limit.getAttribute("type")).isEqualTo("number");
    assertThat(new Select(browser.findElement(By.id("in-zone"))).getFirstSelectedOption().getText())
        .startsWith("Use my Slack time zone (");
    limit.clear();
    limit.sendKeys("8.5");
    screenshot("sandbox-settings.png");
    browser.findElement(By.id("modal-submit")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("modal")));
    wait.until(d -> home.getText().contains("daily limit 8 h 30 min"));

    assertNoConsoleErrors();

    // A plain restart: the conversations are still there, as they would be in Slack. (While the
    // sandbox stops, the page's polls are answered 503, and while it is down they are refused;
    // that is the only console noise allowed.)
    int port = running.sandbox.port();
    running.close();
    running = RunningSandbox.startKeeping(dir, running.clock, port);
    browser.get(running.url());
    browser.findElement(By.id("nav-DU0MAYA")).click();
    waitForMessage("Snoozed until");
    browser.findElement(By.id("nav-C0TRAIN")).click();
    waitForMessage("now holds the watch");
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
        .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .allMatch(
            e ->
                e.getMessage().contains("ERR_CONNECTION_REFUSED")
                    || e.getMessage().contains("status of 503 (Service Unavailable)"));
  }

  /**
   * Waits for the bot's message containing {@code text}, letting the bot's outbox send meanwhile.
   */
  private WebElement waitForBotMessage(String text) {
    return wait.until(
        d -> {
          running.clock.advance(Duration.ofSeconds(1));
          running.bot().parts().outbox().wake();
          String fromBot =
              "#messages .message[data-user='" + running.sandbox.slack().botUserId() + "']";
          return d.findElements(By.cssSelector(fromBot)).stream()
              .filter(m -> m.getText().contains(text))
              .findFirst()
              .orElse(null);
        });
  }

  /** The button labelled {@code label} in the latest message that says {@code text}, if shown. */
  private static WebElement buttonIn(org.openqa.selenium.WebDriver d, String text, String label) {
    return d.findElements(By.cssSelector("#messages .message")).stream()
        .filter(m -> m.getText().contains(text))
        .reduce((first, second) -> second)
        .flatMap(m -> labelled(m, label))
        .orElse(null);
  }

  private static java.util.Optional<WebElement> labelled(WebElement within, String label) {
    return within.findElements(By.cssSelector(".bk-button")).stream()
        .filter(b -> b.getText().equals(label))
        .findFirst();
  }

  private void screenshot(String name) throws Exception {
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
  }

  private void type(String text) {
    WebElement input = browser.findElement(By.id("composer-input"));
    input.sendKeys(text);
    input.sendKeys(Keys.ENTER);
  }

  private WebElement waitForMessage(String text) {
    return wait.until(
        d ->
            d.findElements(By.cssSelector("#messages .message")).stream()
                .filter(m -> m.getText().contains(text))
                .findFirst()
                .orElse(null));
  }

  /** A DM as the bot would send it through the outbox, to check how the page renders Block Kit. */
  private void botDm(String user) {
    running.slackApi(
        "chat.postMessage",
        "{\"channel\":\""
            + user
            + "\",\"text\":\"Time for a pause?\",\"blocks\":["
            + "{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"Time for a pause?\"}},"
            + "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Ravi, you have been at it for *3 h 40 min*"
            + " without a break. <@U0LENA> holds the watch in `#training-runs`.\"},\"fields\":["
            + "{\"type\":\"mrkdwn\",\"text\":\"*Today*\\n7 h 10 min\"},{\"type\":\"mrkdwn\",\"text\":\"*This week*\\n31 h\"}]},"
            + "{\"type\":\"divider\"},"
            + "{\"type\":\"context\",\"elements\":[{\"type\":\"mrkdwn\",\"text\":\"_Second Shift nudges at most three times a day._\"}]},"
            + "{\"type\":\"actions\",\"block_id\":\"nudge\",\"elements\":["
            + "{\"type\":\"button\",\"style\":\"primary\",\"action_id\":\"rest_break\",\"text\":{\"type\":\"plain_text\",\"text\":\"Taking a break\"}},"
            + "{\"type\":\"button\",\"action_id\":\"rest_snooze\",\"text\":{\"type\":\"plain_text\",\"text\":\"Snooze 1 h\"}},"
            + "{\"type\":\"button\",\"action_id\":\"rest_done\",\"text\":{\"type\":\"plain_text\",\"text\":\"Done for today\"}}]}]}");
  }

  private void assertNoConsoleErrors() {
    List<LogEntry> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    assertThat(errors).as("browser console errors").isEmpty();
  }
}
