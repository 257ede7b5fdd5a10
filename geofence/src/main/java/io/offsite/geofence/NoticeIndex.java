package io.offsite.geofence;

/**
 * Finds the track of an episode whose owner text awaits delivery, by episode id, without parsing the id (it may
 * be an opaque hash): an open-addressing table of 64-bit id hashes → track slots, holding entries only while an
 * episode awaits delivery (about 24 bytes each at the table's load), so parked cars whose owner was told cost
 * nothing here. Hash collisions are harmless: the caller confirms a candidate by comparing the episode's id.
 * Episodes that stopped waiting (told, unreachable, ended) go to a fixed ring of the last {@value #SETTLED}
 * settlements, so a repeated or late signal gets a precise answer (duplicate, too late) for a while, and
 * "unknown episode" after that. Confined to the engine's thread.
 */
final class NoticeIndex {
    /** How many settled episodes are remembered. */
    static final int SETTLED = 4096;
    static final byte TOLD = 1;
    static final byte UNREACHABLE = 2;
    static final byte ENDED = 3;
    private static final int MIN_CAPACITY = 16;

    private long[] hashes = new long[MIN_CAPACITY];
    private int[] slots = new int[MIN_CAPACITY];
    private int size;
    private final long[] settledHash = new long[SETTLED];
    private final byte[] settledHow = new byte[SETTLED];
    private int settledNext;

    /** A 64-bit hash of an episode id, never 0 (0 marks an empty table entry). */
    static long hash(String id) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h == 0 ? 1 : h;
    }

    int size() {
        return size;
    }

    /** Table slots allocated (monitoring: the index shrinks back when the episodes it holds are told). */
    int capacity() {
        return hashes.length;
    }

    /** Records that the episode with id hash {@code h} on track {@code slot} awaits delivery. */
    void add(long h, int slot) {
        if ((size + 1) * 2 > hashes.length) {
            resize(hashes.length * 2);
        }
        insert(h, slot);
        size++;
    }

    /** Track slots of entries with hash {@code h}, written to {@code out}; returns how many (at most out.length). */
    int find(long h, int[] out) {
        int n = 0;
        int mask = hashes.length - 1;
        for (int i = mix(h) & mask; hashes[i] != 0 && n < out.length; i = (i + 1) & mask) {
            if (hashes[i] == h) {
                out[n++] = slots[i];
            }
        }
        return n;
    }

    /** Removes the entry (h, slot) if present and remembers how the episode settled. */
    void settle(long h, int slot, byte how) {
        int mask = hashes.length - 1;
        for (int i = mix(h) & mask; hashes[i] != 0; i = (i + 1) & mask) {
            if (hashes[i] == h && slots[i] == slot) {
                delete(i);
                size--;
                if (size * 8 < hashes.length && hashes.length > MIN_CAPACITY) {
                    resize(hashes.length / 2);
                }
                break;
            }
        }
        settledHash[settledNext] = h;
        settledHow[settledNext] = how;
        settledNext = (settledNext + 1) % SETTLED;
    }

    /** How the episode with id hash {@code h} settled recently ({@link #TOLD}, …), or 0 when not remembered. */
    byte settled(long h) {
        for (int k = 1; k <= SETTLED; k++) {
            int i = (settledNext - k + SETTLED) % SETTLED;
            if (settledHash[i] == h) {
                return settledHow[i];
            }
        }
        return 0;
    }

    private static int mix(long h) {
        return (int) (h ^ (h >>> 32));
    }

    private void insert(long h, int slot) {
        int mask = hashes.length - 1;
        int i = mix(h) & mask;
        while (hashes[i] != 0) {
            i = (i + 1) & mask;
        }
        hashes[i] = h;
        slots[i] = slot;
    }

    private void delete(int i) {
        // backward-shift deletion keeps every remaining entry reachable from its home position
        int mask = hashes.length - 1;
        int gap = i;
        for (int j = (i + 1) & mask; hashes[j] != 0; j = (j + 1) & mask) {
            int home = mix(hashes[j]) & mask;
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                hashes[gap] = hashes[j];
                slots[gap] = slots[j];
                gap = j;
            }
        }
        hashes[gap] = 0;
    }

    private void resize(int capacity) {
        long[] oldH = hashes;
        int[] oldS = slots;
        hashes = new long[capacity];
        slots = new int[capacity];
        for (int i = 0; i < oldH.length; i++) {
            if (oldH[i] != 0) {
                insert(oldH[i], oldS[i]);
            }
        }
    }
}
