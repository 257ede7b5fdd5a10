package io.offsite.geofence;

import java.util.Arrays;

/** Growable int array used while building indexes. */
final class IntList {
    int[] data = new int[64];
    int size;

    void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = v;
    }

    int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
