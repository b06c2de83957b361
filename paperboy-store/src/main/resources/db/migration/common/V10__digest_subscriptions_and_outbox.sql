-- Email digests (core.digest): subscriptions with their preferences and alerts, editions, the
-- outbox (one row per subscriber per edition) and the suppression list. Placeholders as in V1
-- (dev.paperboy.store.Dialect).

-- One subscription per address, compared ignoring case (email_key, as for accounts). A pending
-- subscription gets nothing but its confirmation mail (double opt-in). user_id links an account
-- whose likes drive personal picks; deleting the account keeps the subscription without picks.
-- recent_papers: the papers of the subscriber's last editions (space-separated ids, editions
-- separated by '|', newest first), never repeated in the next edition.
CREATE TABLE digest_subscription (
  id              TEXT ${binary_collation} NOT NULL PRIMARY KEY,
  email           TEXT NOT NULL,
  email_key       TEXT NOT NULL UNIQUE,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'active', 'unsubscribed')),
  user_id         TEXT ${binary_collation} REFERENCES app_user (id) ON DELETE SET NULL,
  cadence         TEXT NOT NULL CHECK (cadence IN ('daily', 'weekly')),
  content         TEXT NOT NULL,    -- comma-separated sections: alerts,picks,trending
  categories      TEXT NOT NULL,    -- space-separated category or archive codes; '' for all
  quiet_days      TEXT NOT NULL CHECK (quiet_days IN ('note', 'skip')),
  paused          BOOLEAN NOT NULL,
  recent_papers   TEXT NOT NULL,
  last_edition    TEXT,
  created_at      ${timestamp_type} NOT NULL,
  confirmed_at    ${timestamp_type},
  unsubscribed_at ${timestamp_type},
  updated_at      ${timestamp_type} NOT NULL
);

CREATE INDEX digest_subscription_by_user ON digest_subscription (user_id);
CREATE INDEX digest_subscription_by_status ON digest_subscription (status, created_at);

-- Saved-topic alerts: search queries whose new matches go into the subscriber's digests.
CREATE TABLE digest_alert (
  subscription_id TEXT ${binary_collation} NOT NULL
                  REFERENCES digest_subscription (id) ON DELETE CASCADE,
  query_key       TEXT NOT NULL,    -- the query in lower case: unique per subscription
  query           TEXT NOT NULL,
  created_at      ${timestamp_type} NOT NULL,
  PRIMARY KEY (subscription_id, query_key)
);

-- One edition per cadence and day; created_at dates its links, composed_at is set once every
-- recipient has a delivery.
CREATE TABLE digest_edition (
  id          TEXT ${binary_collation} NOT NULL PRIMARY KEY,   -- daily-2026-03-02
  cadence     TEXT NOT NULL CHECK (cadence IN ('daily', 'weekly')),
  day         ${date_type} NOT NULL,
  period_from ${date_type} NOT NULL,
  period_to   ${date_type} NOT NULL,
  quiet_note  TEXT,
  created_at  ${timestamp_type} NOT NULL,
  composed_at ${timestamp_type}
);

-- The outbox (core Outbox describes the state machine). due_at: when a queued row may be claimed,
-- or when a sending row's claim runs out; NULL once the row is done, so the index on due_at holds
-- only the rows still to send and a claim reads just the first of them.
CREATE TABLE digest_delivery (
  edition_id      TEXT ${binary_collation} NOT NULL
                  REFERENCES digest_edition (id) ON DELETE CASCADE,
  subscription_id TEXT ${binary_collation} NOT NULL
                  REFERENCES digest_subscription (id) ON DELETE CASCADE,
  email           TEXT NOT NULL,
  message_id      TEXT NOT NULL UNIQUE,
  status          TEXT NOT NULL
                  CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'skipped')),
  attempts        INTEGER NOT NULL,
  due_at          ${timestamp_type},
  claim_token     TEXT,
  claimed_by      TEXT,
  last_error      TEXT,
  content         TEXT NOT NULL,    -- JSON: the papers with their sections and reasons, or a note
  created_at      ${timestamp_type} NOT NULL,
  sent_at         ${timestamp_type},
  PRIMARY KEY (edition_id, subscription_id),
  CHECK ((status IN ('queued', 'sending')) = (due_at IS NOT NULL))
);

CREATE INDEX digest_delivery_due ON digest_delivery (due_at);
CREATE INDEX digest_delivery_by_subscription ON digest_delivery (subscription_id);

-- Addresses no digest goes to: the mail system said they do not work.
CREATE TABLE digest_suppression (
  email_key  TEXT NOT NULL PRIMARY KEY,
  email      TEXT NOT NULL,
  reason     TEXT NOT NULL,
  created_at ${timestamp_type} NOT NULL
);
