-- geofence: every flush of the episode store is appended as one packed row (EpisodeLog): whole episodes, removals,
-- histories and last-seen changes, in order; a restore applies the log in seq order over geofence_episode and
-- geofence_history, which keep the state written before this version (geofence_episode.log_seq: the seq of the
-- flush that wrote the row) and are no longer written. From time to time the store folds the log into one row of
-- one record per live episode and history. The last-seen log of V9 becomes this log (its rows, payload version 1,
-- hold last-seen changes only and are still read); "entries" counts records.
ALTER TABLE geofence_last_seen_log RENAME TO geofence_episode_log;
