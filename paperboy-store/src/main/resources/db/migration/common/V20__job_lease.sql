-- Scale-out (issue 8): leases on scheduled jobs, so that with several app nodes on one database
-- each job runs on one node at a time (core jobs.Leases). A node takes a job's row when it is
-- free or expired and renews it while it works; a dead node's lease lapses at expires_at.
CREATE TABLE job_lease (
  job         TEXT NOT NULL PRIMARY KEY,
  holder      TEXT NOT NULL,               -- node and process that holds or last held it
  token       BIGINT NOT NULL CHECK (token >= 1),  -- +1 for every new holder (fencing token)
  acquired_at ${timestamp_type} NOT NULL,
  expires_at  ${timestamp_type} NOT NULL
);
