-- The store's change sequence (core PaperStore.changeHorizon / changesAfter): every write that
-- changes what the search index holds for a paper (the paper itself, one of its day-list entries,
-- its vector) stamps it with the next number, so the embedded index can follow the store by
-- itself: a server indexes what an import next to it stored, and what a crashed process stored
-- but never indexed. Numbers are unique per paper; the writers take MAX + 1 while holding the
-- write lock (SQLite: the one writer; PostgreSQL: an advisory lock held to commit).
ALTER TABLE paper ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;

-- Existing papers get numbers 1..n in id order; an index made before this version has no
-- position and catches up from 0, so the order here does not matter, only that each is unique.
UPDATE paper SET change_seq = r.n
FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM paper) AS r
WHERE r.id = paper.id;

CREATE INDEX paper_by_change_seq ON paper (change_seq);
