-- Which instance sends the outbox now. Slack's limits (per workspace, one message a second per
-- channel, a 429's Retry-After) are kept by the sender that holds this lease, so they hold for the
-- whole cluster; another instance takes over when the holder stops renewing it.
CREATE TABLE outbox_sender (
  name       VARCHAR(32) NOT NULL PRIMARY KEY,
  holder     VARCHAR(64) NOT NULL,
  held_until BIGINT      NOT NULL
);
