-- geofence: every flush of the episode store is appended as packed rows (EpisodeLog): whole episodes, removals,
-- histories and last-seen changes, in order; a restore applies the log in seq order over geofence_episode and
-- geofence_history, which keep the state written before this version (geofence_episode.log_seq: the seq of the
-- flush that wrote the row) and are no longer written. From time to time the store folds the log into one record
-- per live episode and history. The last-seen log of V9 becomes this log (its rows, payload version 1,
-- hold last-seen changes only and are still read); "entries" counts records.
-- (H2; PostgreSQL's V13 differs only in how the old key is dropped.) A flush's or fold's records may span several
-- rows of one seq, numbered by part (a fold of a large engine stays in rows of bounded size).
ALTER TABLE geofence_last_seen_log RENAME TO geofence_episode_log;
ALTER TABLE geofence_episode_log ADD COLUMN part INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE geofence_episode_log DROP PRIMARY KEY;
ALTER TABLE geofence_episode_log ADD PRIMARY KEY (engine_id, seq, part);
