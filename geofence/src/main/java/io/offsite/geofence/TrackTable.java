package io.offsite.geofence;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The engine's tracked subjects: by subject key, and by a small reusable slot number used as timer key. */
final class TrackTable {
    private final Map<String, Track> byKey;
    private Track[] slots = new Track[1024];
    private int[] freeSlots = new int[64];
    private int freeCount;
    private int nextSlot;

    TrackTable(int expected) {
        byKey = new HashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
    }

    /** The track of {@code key}, created when absent. */
    Track getOrCreate(String key) {
        Track t = byKey.get(key);
        if (t == null) {
            int slot;
            if (freeCount > 0) {
                slot = freeSlots[--freeCount];
            } else {
                slot = nextSlot++;
                if (slot == slots.length) {
                    slots = Arrays.copyOf(slots, slots.length * 2);
                }
            }
            t = new Track(key, slot);
            slots[slot] = t;
            byKey.put(key, t);
        }
        return t;
    }

    /** The track holding {@code slot}, or null. */
    Track bySlot(int slot) {
        return slot < slots.length ? slots[slot] : null;
    }

    /** Forgets an idle track and frees its slot. */
    void release(Track t) {
        byKey.remove(t.subject);
        slots[t.slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = t.slot;
    }

    int size() {
        return byKey.size();
    }

    Collection<Track> all() {
        return byKey.values();
    }
}
