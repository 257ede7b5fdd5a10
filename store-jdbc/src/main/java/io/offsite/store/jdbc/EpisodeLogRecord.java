package io.offsite.store.jdbc;

import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.SubjectHistory;

/**
 * One change in the {@code geofence_episode_log}: a whole episode, a change of only its last-seen data, a removal, or
 * a subject history. {@link EpisodeLog} packs many of them into one log row.
 */
sealed interface EpisodeLogRecord {

    /** The (fence, subject) key of an episode record, or {@code null} for a history. */
    EpisodeKey key();

    /** A whole episode (inserted or replaced). */
    record Whole(EpisodeState state) implements EpisodeLogRecord {
        @Override
        public EpisodeKey key() {
            return EpisodeKey.of(state);
        }
    }

    /** The removal of an episode. */
    record Removal(String fenceId, String subject) implements EpisodeLogRecord {
        @Override
        public EpisodeKey key() {
            return new EpisodeKey(fenceId, subject);
        }
    }

    /** A subject or fence history (inserted or replaced). */
    record History(SubjectHistory history) implements EpisodeLogRecord {
        @Override
        public EpisodeKey key() {
            return null;
        }
    }

    /** The last-seen data of an episode (see {@code EpisodeStore.putLastSeen}). */
    record LastSeen(String fenceId, String subject, long lastSeen, double lastX, double lastY, String cameraId,
            double displayConfidence) implements EpisodeLogRecord {

        static LastSeen of(EpisodeState s) {
            return new LastSeen(s.fenceId(), s.subject(), s.lastSeen(), s.lastX(), s.lastY(), s.cameraId(),
                    s.displayConfidence());
        }

        @Override
        public EpisodeKey key() {
            return new EpisodeKey(fenceId, subject);
        }

        /** {@code row} with this record's last-seen data; a value the row cannot take is a corrupt log row. */
        EpisodeState applyTo(EpisodeState row, String logKey) {
            try {
                return new EpisodeState(row.fenceId(), row.subject(), row.display(), displayConfidence, row.phase(),
                        row.firstSeen(), lastSeen, row.anchorX(), row.anchorY(), lastX, lastY, cameraId,
                        row.plateLegible(), row.stepsFired(), row.startedAt(), row.nextStepAt(), row.activeUntil(),
                        row.repeatCount(), row.episodeId(), row.notice(), row.noticeAt(), row.noticeDetail());
            } catch (RuntimeException e) {
                throw new CorruptRowException(EpisodeLog.TABLE, logKey + " entry " + fenceId + "/" + subject,
                        e.getMessage(), e);
            }
        }
    }
}
