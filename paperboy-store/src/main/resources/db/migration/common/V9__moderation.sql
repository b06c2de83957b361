-- Moderation (core ModerationStore): papers hidden from the lists and the audit log.

-- A hidden paper is left out of every list query (the view below); nothing is deleted, so
-- unhiding restores it with its entries, votes and comments.
CREATE TABLE paper_hidden (
  paper_id  TEXT ${binary_collation} NOT NULL PRIMARY KEY REFERENCES paper (id) ON DELETE CASCADE,
  hidden_at ${timestamp_type} NOT NULL,
  hidden_by TEXT NOT NULL,
  reason    TEXT
);

-- Every moderation and administration action. No foreign keys: entries outlive the accounts
-- they name (actor_name keeps the display name of the time).
CREATE TABLE audit_log (
  id         TEXT NOT NULL PRIMARY KEY,
  at         ${timestamp_type} NOT NULL,
  actor_id   TEXT,
  actor_name TEXT NOT NULL,
  action     TEXT NOT NULL,
  target     TEXT NOT NULL,
  detail     TEXT
);

CREATE INDEX audit_log_by_time ON audit_log (at);

-- The lists as readers see them (V6), now without hidden papers.
DROP VIEW listed_entry;

CREATE VIEW listed_entry AS
SELECT e.day, e.paper_id, e.source, e.submitter,
       e.upvotes + COALESCE(v.votes, 0) AS upvotes,
       e.submitted_at
FROM daily_entry e
LEFT JOIN paper_vote v ON v.paper_id = e.paper_id
WHERE NOT EXISTS (SELECT 1 FROM paper_hidden h WHERE h.paper_id = e.paper_id);
