-- Sign-in links and API tokens (core SignInLinks, ApiTokenStore).

-- The nonce of each sign-in link (its SHA-256), so a link works once on any node: the first
-- UPDATE ... WHERE used_at IS NULL wins. Rows go once the link has expired.
CREATE TABLE signin_nonce (
  nonce_hash TEXT NOT NULL PRIMARY KEY,
  expires_at ${timestamp_type} NOT NULL,
  used_at    ${timestamp_type}
);

CREATE INDEX signin_nonce_by_expiry ON signin_nonce (expires_at);

-- API tokens for scripts (Authorization: Bearer). Only the SHA-256 of the secret is stored; the
-- secret is shown once, when it is made. Deleting the account deletes its tokens.
CREATE TABLE api_token (
  id          TEXT ${binary_collation} NOT NULL PRIMARY KEY,
  user_id     TEXT ${binary_collation} NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  created_at  ${timestamp_type} NOT NULL
);

CREATE INDEX api_token_by_user ON api_token (user_id);
