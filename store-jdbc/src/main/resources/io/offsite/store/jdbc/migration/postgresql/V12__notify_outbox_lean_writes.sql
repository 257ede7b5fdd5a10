-- notify (PostgreSQL; H2's V12 differs): fewer index entries per outbox write, same rows. An UPDATE that cannot
-- stay on its page (not HOT) adds an entry to every index, so each of a message's three updates (claim, save,
-- receipt) paid four. Now: the seq index goes (seq only orders a provider id's few rows and loadAll, which reads
-- every row anyway); the due and provider-id indexes hold only rows that have a value (final rows have no due time,
-- unsent ones no provider id, and nothing looks those up: the claim asks due_micros <= ?, receipts provider_id = ?);
-- and the table's pages keep 20 % free (fillfactor 80), so a claim, which changes no indexed column, can be a HOT
-- update that touches no index at all. fillfactor applies to pages written from now on.
DROP INDEX notify_outbox_seq;
DROP INDEX notify_outbox_due;
CREATE INDEX notify_outbox_due ON notify_outbox (due_micros) WHERE due_micros IS NOT NULL;
DROP INDEX notify_outbox_provider;
CREATE INDEX notify_outbox_provider ON notify_outbox (provider_id) WHERE provider_id IS NOT NULL;
ALTER TABLE notify_outbox SET (fillfactor = 80);
