-- geofence: every flush of the episode store is appended as one packed row (EpisodeLog): whole episodes, removals,
-- histories and last-seen changes, in order. The episode and history tables hold the state as of the last fold
-- (geofence_episode.log_seq: the seq of the flush or fold that wrote the row); a restore applies the log over them
-- in seq order, and the store folds the log into the tables from time to time. The last-seen log of V9 becomes this
-- log (its rows, payload version 1, hold last-seen changes only and are still read); "entries" counts records.
ALTER TABLE geofence_last_seen_log RENAME TO geofence_episode_log;
