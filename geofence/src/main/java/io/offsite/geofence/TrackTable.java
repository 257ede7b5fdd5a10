package io.offsite.geofence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The engine's tracked subjects: an open-addressing (linear probing) table of tracks keyed by subject key —
 * no per-entry node; the hash is recomputed from the packed key when needed — and a slot number per track, reused after release,
 * that serves as the timer key.
 */
final class TrackTable {
    private Track[] table;
    private int mask;
    private int size;
    private Track[] slots = new Track[1024];
    private int[] freeSlots = new int[64];
    private int freeCount;
    private int nextSlot;

    TrackTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        table = new Track[cap];
        mask = cap - 1;
    }

    private static int hash(Track t) {
        return hash(t.key, t.keyString);
    }

    private static int hash(long bits, String key) {
        if (bits != 0) {
            return PackedPlate.hash(bits);
        }
        int h = key.hashCode();
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    /** The track of {@code key} (packed as {@code bits}, or 0 when it does not pack), or null. */
    Track get(long bits, String key) {
        int h = hash(bits, key);
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Track t = table[i];
            if (t == null) {
                return null;
            }
            if (bits != 0 ? t.key == bits : t.key == 0 && t.keyString.equals(key)) {
                return t;
            }
        }
    }

    /** The track in {@code key}'s home slot, or null: a cheap look-ahead load that brings it into cache. */
    Track home(long bits, String key) {
        return table[hash(bits, key) & mask];
    }

    /** A new track for {@code key} (packed as {@code bits}, or 0), which must be absent. */
    Track create(long bits, String key) {
        int h = hash(bits, key);
        int i = h & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            slot = nextSlot++;
            if (slot == slots.length) {
                slots = Arrays.copyOf(slots, slots.length * 2);
            }
        }
        Track t = new Track(bits, key, slot);
        slots[slot] = t;
        table[i] = t;
        if (++size > table.length >>> 1) {
            grow();
        }
        return t;
    }

    private void grow() {
        Track[] old = table;
        table = new Track[old.length * 2];
        mask = table.length - 1;
        for (Track t : old) {
            if (t != null) {
                int i = hash(t) & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = t;
            }
        }
    }

    /** The track holding {@code slot}, or null. */
    Track bySlot(int slot) {
        return slot < slots.length ? slots[slot] : null;
    }

    /** Forgets an idle track and frees its slot. */
    void release(Track t) {
        int i = hash(t) & mask;
        while (table[i] != t) {
            i = (i + 1) & mask;
        }
        // backward-shift deletion keeps every remaining key reachable from its home position
        int gap = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            Track u = table[j];
            if (u == null) {
                break;
            }
            int home = hash(u) & mask;
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                table[gap] = u;
                gap = j;
            }
        }
        table[gap] = null;
        size--;
        slots[t.slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = t.slot;
    }

    int size() {
        return size;
    }

    List<Track> all() {
        List<Track> out = new ArrayList<>(size);
        for (Track t : table) {
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
