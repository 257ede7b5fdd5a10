package io.offsite.geofence;

/**
 * The tracks with an open episode, by the OCR-confusion match key of their plate ({@link PackedPlate#matchBits}):
 * consulted only when a plate read has no open episode of its own (a miss), to find an episode already open at
 * about the same position that the read may be a misread of. Open addressing with linear probing over the tracks
 * alone (an entry's key is recomputed from its track's packed plate with a few table lookups, so no key array);
 * several tracks may share a key (浙JB1234 and 浙J81234 parked side by side), so a lookup walks the whole probe run.
 * Only packed plates are indexed. Confined to the engine's thread; allocates only when it grows.
 */
final class ConfusionIndex {
    private Track[] tracks = new Track[64];
    private int mask = 63;
    private int size;

    /** Number of indexed tracks. */
    int size() {
        return size;
    }

    /** Adds {@code t} (packed plate key {@code t.key != 0}), which must not be in the index. */
    void add(Track t) {
        long k = PackedPlate.matchBits(t.key);
        if (++size > tracks.length >>> 1) {
            grow();
        }
        insert(k, t);
    }

    private void insert(long k, Track t) {
        int i = PackedPlate.hash(k) & mask;
        while (tracks[i] != null) {
            i = (i + 1) & mask;
        }
        tracks[i] = t;
    }

    private void grow() {
        Track[] old = tracks;
        tracks = new Track[old.length * 2];
        mask = tracks.length - 1;
        for (Track t : old) {
            if (t != null) {
                insert(PackedPlate.matchBits(t.key), t);
            }
        }
    }

    /** Removes {@code t}; no-op when absent. */
    void remove(Track t) {
        long k = PackedPlate.matchBits(t.key);
        int i = PackedPlate.hash(k) & mask;
        while (tracks[i] != t) {
            if (tracks[i] == null) {
                return;
            }
            i = (i + 1) & mask;
        }
        // backward-shift deletion keeps every remaining entry reachable from its home position
        int gap = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            Track u = tracks[j];
            if (u == null) {
                break;
            }
            int home = PackedPlate.hash(PackedPlate.matchBits(u.key)) & mask;
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                tracks[gap] = u;
                gap = j;
            }
        }
        tracks[gap] = null;
        size--;
    }

    /** The first slot at or after {@code from} in {@code matchBits}' probe run holding that key, or -1. */
    int find(long matchBits, int from) {
        for (int i = from & mask; tracks[i] != null; i = (i + 1) & mask) {
            if (PackedPlate.matchBits(tracks[i].key) == matchBits) {
                return i;
            }
        }
        return -1;
    }

    /** The home slot of {@code matchBits} (where {@link #find} starts). */
    int home(long matchBits) {
        return PackedPlate.hash(matchBits) & mask;
    }

    /** The track in {@code slot}. */
    Track at(int slot) {
        return tracks[slot];
    }
}
