-- Comments on papers (core CommentStore), Markdown as written; rendered and sanitised on display.
-- Replies are one level deep: parent_id names a top-level comment. A comment deleted while it has
-- replies stays as a tombstone (body '', deleted_at set) so the thread still reads. When an
-- account is deleted, its comments with replies become tombstones without an author (user_id
-- NULL) and the rest are deleted (JdbcUserStore.delete); ON DELETE SET NULL is the backstop.
CREATE TABLE comment (
  id         TEXT ${binary_collation} NOT NULL PRIMARY KEY,
  paper_id   TEXT ${binary_collation} NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
  user_id    TEXT ${binary_collation} REFERENCES app_user (id) ON DELETE SET NULL,
  parent_id  TEXT ${binary_collation} REFERENCES comment (id) ON DELETE CASCADE,
  body       TEXT NOT NULL,
  created_at ${timestamp_type} NOT NULL,
  edited_at  ${timestamp_type},
  deleted_at ${timestamp_type},
  hidden_at  ${timestamp_type}
);

CREATE INDEX comment_by_paper ON comment (paper_id, created_at);
CREATE INDEX comment_by_user ON comment (user_id, created_at);
CREATE INDEX comment_by_parent ON comment (parent_id);
