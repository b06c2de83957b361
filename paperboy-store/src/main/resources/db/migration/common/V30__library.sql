-- Readers' libraries (issue 9, core LibraryStore): saved papers, collections, follows and the
-- feedback of the "For you" list. Placeholders as in V1 (dev.paperboy.store.Dialect). Everything
-- hangs off app_user with ON DELETE CASCADE: deleting an account deletes its library.

-- One row per user and saved paper; the key makes saving idempotent.
CREATE TABLE saved_paper (
  user_id  TEXT ${binary_collation} NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  paper_id TEXT ${binary_collation} NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
  state    TEXT NOT NULL CHECK (state IN ('to-read', 'read')),
  note     TEXT NOT NULL,
  saved_at ${timestamp_type} NOT NULL,
  PRIMARY KEY (user_id, paper_id)
);

CREATE INDEX saved_paper_by_user_time ON saved_paper (user_id, saved_at);

-- Collections. The id is random (core Secrets.newId): the shareable URL of a public collection,
-- and nothing to guess for a private one. is_public is 0 or 1 on both databases.
CREATE TABLE paper_collection (
  id          TEXT ${binary_collation} NOT NULL PRIMARY KEY,
  user_id     TEXT ${binary_collation} NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  description TEXT NOT NULL,
  is_public   INTEGER NOT NULL CHECK (is_public IN (0, 1)),
  created_at  ${timestamp_type} NOT NULL,
  updated_at  ${timestamp_type} NOT NULL
);

CREATE INDEX paper_collection_by_user ON paper_collection (user_id, updated_at);

-- The papers of a collection in order (position 0, 1, ...; renumbered when one moves or goes).
CREATE TABLE collection_item (
  collection_id TEXT ${binary_collation} NOT NULL
                REFERENCES paper_collection (id) ON DELETE CASCADE,
  paper_id      TEXT ${binary_collation} NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL CHECK (position >= 0),
  note          TEXT NOT NULL,
  added_at      ${timestamp_type} NOT NULL,
  PRIMARY KEY (collection_id, paper_id)
);

CREATE INDEX collection_item_by_paper ON collection_item (paper_id);

-- Followed authors (by normalised name, core AuthorNames) and categories.
CREATE TABLE follow (
  user_id    TEXT ${binary_collation} NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('author', 'category')),
  follow_key TEXT ${binary_collation} NOT NULL,
  label      TEXT NOT NULL,
  created_at ${timestamp_type} NOT NULL,
  PRIMARY KEY (user_id, kind, follow_key)
);

-- "Not interested" marks on recommended papers, until the next profile reset.
CREATE TABLE not_interested (
  user_id    TEXT ${binary_collation} NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  paper_id   TEXT ${binary_collation} NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
  created_at ${timestamp_type} NOT NULL,
  PRIMARY KEY (user_id, paper_id)
);

-- When a reader last reset their profile: likes from before it do not count for recommendations.
CREATE TABLE taste_reset (
  user_id  TEXT ${binary_collation} NOT NULL PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
  reset_at ${timestamp_type} NOT NULL
);
