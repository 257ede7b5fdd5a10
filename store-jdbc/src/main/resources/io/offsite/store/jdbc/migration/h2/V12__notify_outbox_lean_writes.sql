-- notify (H2; PostgreSQL's V12 differs): cheaper outbox writes, same rows. The seq index goes: seq only orders a
-- provider id's few rows and loadAll (which reads every row anyway), so the index cost a B-tree insert per message
-- and bought nothing the claim or a receipt uses. The seq identity caches 10,000 values instead of H2's default 32:
-- H2 persists an identity's high-water mark in its own commit each time its cache runs out (31 extra file commits
-- per 1,000 enqueued messages). Values handed out stay increasing across restarts and crashes (H2 persists the
-- mark before using the values under it); a crash only leaves a gap, which nothing reads.
DROP INDEX notify_outbox_seq;
ALTER TABLE notify_outbox ALTER COLUMN seq SET CACHE 10000;
