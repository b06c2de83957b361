-- Paper vectors for semantic search (core EmbeddingStore), computed once: each row keeps the model
-- that made it and the SHA-256 of the text it was made from (core DocumentText: title + abstract),
-- so re-imports, reindexing and restarts never embed an unchanged paper again. The search index
-- is rebuilt from these rows. ${binary_type}: BLOB on SQLite, BYTEA on PostgreSQL.
CREATE TABLE paper_vector (
  paper_id  TEXT ${binary_collation} NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
  model     TEXT NOT NULL,            -- e.g. bge-small-en-v1.5-q
  text_hash TEXT NOT NULL,            -- lower-case hex SHA-256 of the embedded text
  dimension INTEGER NOT NULL CHECK (dimension > 0),
  vector    ${binary_type} NOT NULL,  -- dimension little-endian IEEE 754 float32 values
  -- (model, paper_id): counting a model's vectors and paging through them in id order
  PRIMARY KEY (model, paper_id)
);
