-- One row per workspace the bot is installed in, when it serves many through Slack's OAuth flow.
-- Tokens are sealed with AES-GCM under SECOND_SHIFT_TOKEN_KEY (text "v1:" + base64), never clear.
CREATE TABLE installation (
  team_id TEXT PRIMARY KEY,
  enterprise_id TEXT,
  team_name TEXT,
  app_id TEXT,
  bot_user_id TEXT NOT NULL,
  bot_id TEXT,
  scopes TEXT,
  installer_user_id TEXT,
  installed_at BIGINT NOT NULL,
  bot_token TEXT NOT NULL,
  refresh_token TEXT,
  token_expires_at BIGINT
);

-- The state of each OAuth flow begun at /slack/install, until Slack sends the installer back.
CREATE TABLE oauth_state (
  state TEXT PRIMARY KEY,
  expires_at BIGINT NOT NULL
);
