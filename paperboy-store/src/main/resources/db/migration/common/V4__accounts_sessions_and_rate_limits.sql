-- The security foundation of the community features: signing keys, accounts, server-side
-- sessions and rate-limit counters. Everything several app nodes must agree on lives here, not
-- in a process's memory. Placeholders as in V1 (dev.paperboy.store.Dialect).

-- Key material generated on first start (core SecretStore): the first node to start inserts it,
-- every other node reads the same key. Base64 text, so both databases store it alike.
CREATE TABLE secret_key (
  name       TEXT NOT NULL PRIMARY KEY,
  value      TEXT NOT NULL,
  created_at ${timestamp_type} NOT NULL
);

-- People with an account. "user" is a reserved word in PostgreSQL, hence app_user. Ids are random
-- (core Secrets.newId), so they can appear in URLs and exports without being guessable.
-- email_key is the address in lower case: one account per address whatever its case.
CREATE TABLE app_user (
  id           TEXT ${binary_collation} NOT NULL PRIMARY KEY,
  email        TEXT NOT NULL,
  email_key    TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('user', 'moderator', 'admin')),
  created_at   ${timestamp_type} NOT NULL,
  suspended_at ${timestamp_type}
);

-- Signed-in browsers. Only the SHA-256 of the session id is stored: the id itself exists only in
-- the browser's cookie.
CREATE TABLE user_session (
  id_hash    TEXT NOT NULL PRIMARY KEY,
  user_id    TEXT ${binary_collation} NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at ${timestamp_type} NOT NULL,
  expires_at ${timestamp_type} NOT NULL
);

CREATE INDEX user_session_by_user ON user_session (user_id);
CREATE INDEX user_session_by_expiry ON user_session (expires_at);

-- Fixed-window rate-limit counters (core RateLimiter): one row per limit, subject (hashed) and
-- window, incremented with one atomic upsert.
CREATE TABLE rate_counter (
  counter_key  TEXT NOT NULL,
  window_start ${timestamp_type} NOT NULL,
  hits         BIGINT NOT NULL,
  expires_at   ${timestamp_type} NOT NULL,
  PRIMARY KEY (counter_key, window_start)
);

CREATE INDEX rate_counter_by_expiry ON rate_counter (expires_at);
