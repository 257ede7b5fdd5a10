-- notify (PostgreSQL; H2's V12 differs): fewer index entries per outbox write, same rows. An UPDATE that changes an
-- indexed column adds an entry to every index, so a message's save and receipt updates paid four each. Now: the
-- seq index goes (seq only orders a provider id's few rows and loadAll, which reads every row anyway); the due and
-- provider-id indexes hold only rows that have a value (final rows have no due time, unsent ones no provider id,
-- and nothing looks those up: the claim asks due_micros <= ?, receipts provider_id = ?).
DROP INDEX notify_outbox_seq;
DROP INDEX notify_outbox_due;
CREATE INDEX notify_outbox_due ON notify_outbox (due_micros) WHERE due_micros IS NOT NULL;
DROP INDEX notify_outbox_provider;
CREATE INDEX notify_outbox_provider ON notify_outbox (provider_id) WHERE provider_id IS NOT NULL;
