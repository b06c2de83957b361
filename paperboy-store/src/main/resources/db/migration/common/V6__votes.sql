-- Upvotes cast on this Paperboy (core VoteStore), added to the imported baseline wherever counts
-- are read.

-- One row per user and paper: the primary key is what makes a vote count once, whatever the
-- number of clicks, requests or nodes. Deleting the account deletes its votes (after the store
-- has taken them off the totals, see JdbcUserStore.delete).
CREATE TABLE vote (
  user_id    TEXT ${binary_collation} NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  paper_id   TEXT ${binary_collation} NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
  created_at ${timestamp_type} NOT NULL,
  PRIMARY KEY (user_id, paper_id)
);

CREATE INDEX vote_by_user_time ON vote (user_id, created_at);

-- The number of local votes per paper, kept in the same transaction as each vote row changes
-- (an atomic +1 / -1), so lists can sort by baseline + local votes without counting vote rows.
CREATE TABLE paper_vote (
  paper_id TEXT ${binary_collation} NOT NULL PRIMARY KEY REFERENCES paper (id) ON DELETE CASCADE,
  votes    INTEGER NOT NULL CHECK (votes >= 0)
);

-- Day-list entries as readers see them: the source's baseline plus the local votes. Every list
-- query of JdbcPaperStore reads this view; imports (upsertEntries) read and write daily_entry.
CREATE VIEW listed_entry AS
SELECT e.day, e.paper_id, e.source, e.submitter,
       e.upvotes + COALESCE(v.votes, 0) AS upvotes,
       e.submitted_at
FROM daily_entry e
LEFT JOIN paper_vote v ON v.paper_id = e.paper_id;
