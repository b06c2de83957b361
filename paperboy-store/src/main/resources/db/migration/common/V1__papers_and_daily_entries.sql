-- Papers and the day lists they appear on. Written once for SQLite and PostgreSQL: the few type
-- names that differ are Flyway placeholders filled in by dev.paperboy.store.Dialect
-- (${date_type}: TEXT 'YYYY-MM-DD' on SQLite, DATE on PostgreSQL; ${timestamp_type}: TEXT
-- 'YYYY-MM-DDTHH:MM:SS.ffffffZ' or TIMESTAMPTZ; ${binary_collation}: ids sort by code point).

-- One row per arXiv id: the merged metadata of the latest known version (core PaperMerge).
CREATE TABLE paper (
  id               TEXT ${binary_collation} NOT NULL PRIMARY KEY,
  version          INTEGER NOT NULL CHECK (version >= 0),
  title            TEXT NOT NULL,
  abstract         TEXT NOT NULL,
  authors          TEXT NOT NULL,  -- JSON array of names, byline order
  primary_category TEXT,
  categories       TEXT NOT NULL,  -- JSON array of every category, primary first
  comments         TEXT,
  journal_ref      TEXT,
  doi              TEXT,
  license          TEXT,
  submitted        ${date_type},   -- first version
  updated          ${date_type},   -- latest version
  listing_date     ${date_type},   -- first announced by arXiv
  code_url         TEXT,
  project_page     TEXT,
  versions         TEXT NOT NULL,  -- JSON [[number, "YYYY-MM-DD"], ...], ascending
  ai_summary       TEXT,
  ai_keywords      TEXT NOT NULL,  -- JSON array
  github_stars     INTEGER CHECK (github_stars >= 0),
  withdrawn        BOOLEAN NOT NULL,
  has_code         BOOLEAN NOT NULL  -- derived: code_url is set and not blank (Paper.hasCode)
);

CREATE INDEX paper_by_listing_date ON paper (listing_date);

-- Counts and lists of papers with code without reading every row (a partial index: both
-- databases use it for queries whose WHERE clause says has_code).
CREATE INDEX paper_with_code ON paper (id) WHERE has_code;

-- The categories of each paper again, one row each, so that lists can be filtered by category
-- with an index (the JSON column above is what papers are read from).
CREATE TABLE paper_category (
  paper_id   TEXT ${binary_collation} NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
  category   TEXT NOT NULL,
  is_primary BOOLEAN NOT NULL,
  PRIMARY KEY (paper_id, category)
);

CREATE INDEX paper_category_by_category ON paper_category (category, paper_id);

-- A paper featured on a day's list. upvotes is the baseline count the source reported; votes cast
-- on this Paperboy will live in a table of their own (one row per user and paper), and the total
-- shown is baseline + local votes.
CREATE TABLE daily_entry (
  day          ${date_type} NOT NULL,
  paper_id     TEXT ${binary_collation} NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
  source       TEXT NOT NULL,  -- core EntrySource name
  submitter    TEXT,
  upvotes      INTEGER NOT NULL CHECK (upvotes >= 0),
  submitted_at ${timestamp_type},
  PRIMARY KEY (day, paper_id)
);

-- The days of one paper (entriesOf), and the existing rows of an import batch.
CREATE INDEX daily_entry_by_paper ON daily_entry (paper_id, day);
