-- Papers users put on a day's list (core SubmissionStore). The list entry itself is a
-- daily_entry row of source COMMUNITY with the user's display name as submitter; this table
-- says which account made it, for the daily cap and the account page. A paper can be submitted
-- once: submitting needs a paper on no list. Deleting the account deletes these rows (and
-- JdbcUserStore.delete removes the name from the entries first); the papers stay listed.
CREATE TABLE submission (
  user_id    TEXT ${binary_collation} NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  paper_id   TEXT ${binary_collation} NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
  day        ${date_type} NOT NULL,
  created_at ${timestamp_type} NOT NULL,
  PRIMARY KEY (paper_id)
);

CREATE INDEX submission_by_user_time ON submission (user_id, created_at);
