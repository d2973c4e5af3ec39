package org.secondshift.slack.install;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import java.time.Instant;
import org.secondshift.install.Installation;

/**
 * Bolt's view of the {@link Installations}: the bot of a workspace, with its current token. The
 * refresh token is not handed to Bolt, since {@link Installations} refreshes tokens itself (once,
 * across instances, on the bot's clock). Installations are saved by {@link InstallFlow} and erased
 * by {@link Uninstalls}; this bot has no user tokens, so there is no installer to find.
 */
public final class BoltInstallations implements InstallationService {
  private final Installations installations;

  public BoltInstallations(Installations installations) {
    this.installations = installations;
  }

  @Override
  public boolean isHistoricalDataEnabled() {
    return false;
  }

  @Override
  public void setHistoricalDataEnabled(boolean enabled) {
    if (enabled) {
      throw new UnsupportedOperationException("only the current installation is kept");
    }
  }

  @Override
  public void saveInstallerAndBot(Installer i) {
    installations.save(
        new Installation(
            i.getTeamId(),
            i.getEnterpriseId(),
            i instanceof com.slack.api.bolt.model.builtin.DefaultInstaller d
                ? d.getTeamName()
                : null,
            i.getAppId(),
            i.getBotUserId(),
            i.getBotId(),
            i.getBotScope(),
            i.getInstallerUserId(),
            Instant.ofEpochMilli(i.getInstalledAt()),
            i.getBotAccessToken(),
            i.getBotRefreshToken(),
            i.getBotTokenExpiresAt() == null
                ? null
                : Instant.ofEpochMilli(i.getBotTokenExpiresAt())));
  }

  @Override
  public void deleteBot(Bot bot) {
    installations.forget(bot.getTeamId());
  }

  @Override
  public void deleteInstaller(Installer installer) {
    // No user tokens are kept.
  }

  @Override
  public Bot findBot(String enterpriseId, String teamId) {
    return installations
        .find(teamId)
        .map(
            i -> {
              DefaultBot bot = new DefaultBot();
              bot.setTeamId(i.teamId());
              bot.setEnterpriseId(i.enterpriseId());
              bot.setTeamName(i.teamName());
              bot.setAppId(i.appId());
              bot.setBotId(i.botId());
              bot.setBotUserId(i.botUserId());
              bot.setBotScope(i.scopes());
              bot.setScope(i.scopes());
              bot.setBotAccessToken(i.botToken());
              bot.setIsEnterpriseInstall(false);
              bot.setInstalledAt(i.installedAt().toEpochMilli());
              return (Bot) bot;
            })
        .orElse(null);
  }

  @Override
  public Installer findInstaller(String enterpriseId, String teamId, String userId) {
    return null;
  }

  @Override
  public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
    return "Second Shift is not installed in this workspace (any more). Ask an admin to add it"
        + " again from the install page.";
  }
}
