-- Live ingestion (issue 6).

-- Where the OAI-PMH harvest of each (endpoint, set) stands: core HarvestCheckpoint. Written after
-- every imported page, so an interrupted harvest resumes with the token of the next page.
CREATE TABLE harvest_checkpoint (
  endpoint        TEXT NOT NULL,
  set_spec        TEXT NOT NULL,          -- '' for a harvest of every set
  harvested_until ${date_type},           -- complete up to this day; the next run's from
  token           TEXT,                   -- resumption token of the next page; NULL: none in flight
  run_from        ${date_type},           -- from/until of the run in flight
  run_until       ${date_type},
  pages_in_run    BIGINT NOT NULL CHECK (pages_in_run >= 0),
  records_in_run  BIGINT NOT NULL CHECK (records_in_run >= 0),
  updated_at      ${timestamp_type} NOT NULL,
  PRIMARY KEY (endpoint, set_spec)
);

-- Where a paper's code link came from (core Paper.codeUrlFromText): TRUE when it was found in the
-- abstract or comments, FALSE when a curated source gave it; a curated link replaces a found one.
ALTER TABLE paper ADD COLUMN code_url_from_text BOOLEAN NOT NULL DEFAULT FALSE;
