package io.offsite.store.jdbc;

import io.offsite.geofence.EpisodeState;

/**
 * The (fence, subject) key of an episode in the episode store's maps. Its hash is computed once, and equal keys
 * usually share their strings (the engine's), so a lookup seldom compares characters.
 */
final class EpisodeKey {
    private final String fenceId;
    private final String subject;
    private final int hash;

    EpisodeKey(String fenceId, String subject) {
        this.fenceId = fenceId;
        this.subject = subject;
        this.hash = 31 * fenceId.hashCode() + subject.hashCode();
    }

    static EpisodeKey of(EpisodeState s) {
        return new EpisodeKey(s.fenceId(), s.subject());
    }

    String fenceId() {
        return fenceId;
    }

    String subject() {
        return subject;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EpisodeKey k && hash == k.hash && fenceId.equals(k.fenceId) && subject.equals(k.subject);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return fenceId + "/" + subject;
    }
}
