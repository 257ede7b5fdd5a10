package io.offsite.geofence;

import java.util.AbstractList;
import java.util.List;

/**
 * What {@link GeofenceEngine#submitAll(List)} did with each detection of a batch: the {@link Intake} of the
 * detection at each index, and how many got each intake. Immutable; one array per batch (no object per detection).
 */
public final class Batch {
    private static final Intake[] INTAKES = Intake.values();
    private final Intake[] intakes;
    private final int[] counts = new int[INTAKES.length];

    Batch(Intake[] intakes) {
        this.intakes = intakes;
        for (Intake in : intakes) {
            counts[in.ordinal()]++;
        }
    }

    /** Number of detections in the batch. */
    public int size() {
        return intakes.length;
    }

    /**
     * The intake of the detection at {@code index}.
     *
     * @throws IndexOutOfBoundsException when {@code index} is outside {@code [0, size())}
     */
    public Intake intake(int index) {
        return intakes[index];
    }

    /** The intakes in batch order (an unmodifiable view). */
    public List<Intake> intakes() {
        return new AbstractList<>() {
            @Override
            public Intake get(int i) {
                return intakes[i];
            }

            @Override
            public int size() {
                return intakes.length;
            }
        };
    }

    /** How many detections of the batch got {@code intake}. */
    public int count(Intake intake) {
        return counts[intake.ordinal()];
    }

    /** Whether every detection was {@link Intake#ACCEPTED}. */
    public boolean allAccepted() {
        return counts[Intake.ACCEPTED.ordinal()] == intakes.length;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Batch[").append(intakes.length).append(" detections");
        for (Intake in : INTAKES) {
            if (counts[in.ordinal()] > 0) {
                b.append(", ").append(in).append('=').append(counts[in.ordinal()]);
            }
        }
        return b.append(']').toString();
    }
}
