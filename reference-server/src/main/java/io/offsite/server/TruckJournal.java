package io.offsite.server;

import io.offsite.geofence.truck.SiteGateEvent;
import io.offsite.geofence.truck.TruckFinding;
import io.offsite.geofence.truck.TruckFindingKind;
import io.offsite.geofence.truck.TruckPosition;
import io.offsite.store.jdbc.JdbcInputJournal;
import io.offsite.store.jdbc.JournalRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The truck monitor's input in the database ({@link JdbcInputJournal}, stream {@code trucks}): GPS positions, site-gate
 * events and passages, and the findings that became cases, so that after a restart {@link TruckWatch} rebuilds its
 * in-memory monitor by replaying the recent part. Positions are kept for {@link #POSITIONS_KEPT} (longer episodes
 * are recognised at the replay's edge, see {@link TruckWatch}), the rest for {@link TruckWatch#PASSAGE_REACH}.
 * Records are tab-separated fields; a record that does not decode is an error naming it, never skipped.
 */
final class TruckJournal {
    /** How far back positions are replayed (and kept). */
    static final Duration POSITIONS_KEPT = Duration.ofHours(1);
    private static final String POSITION = "position";
    private static final String GATE = "gate";
    private static final String PASSAGE = "passage";
    private static final String FILED = "filed";

    /** What a replay hands back, in arrival order. */
    interface Replay {
        void position(TruckPosition p);

        void gate(SiteGateEvent e);

        void passage(String siteId, String cameraId, Instant time, String plate);

        void filed(String findingId, String truckId, TruckFindingKind kind, String caseId);
    }

    private final JdbcInputJournal journal;
    private Instant lastPrune = Instant.EPOCH;

    TruckJournal(JdbcInputJournal journal) {
        this.journal = journal;
    }

    void positions(List<TruckPosition> ps) {
        List<JournalRecord> rs = new ArrayList<>(ps.size());
        for (TruckPosition p : ps) {
            rs.add(new JournalRecord(POSITION, p.time(), join(p.truckId(), p.time().toString(),
                    Double.toString(p.location().lon()), Double.toString(p.location().lat()),
                    Double.toString(p.speedKmh()), Integer.toString(p.headingDegrees()))));
        }
        journal.append(rs);
    }

    void gate(SiteGateEvent e) {
        journal.append(List.of(new JournalRecord(GATE, e.time(), join(e.siteId(), e.cameraId(), e.time().toString(),
                e.plate(), e.type().name()))));
    }

    void passage(String siteId, String cameraId, Instant time, String plate) {
        journal.append(List.of(new JournalRecord(PASSAGE, time, join(siteId, cameraId, time.toString(), plate))));
    }

    void filed(TruckFinding f, String caseId) {
        journal.append(List.of(new JournalRecord(FILED, f.decidedAt(), join(f.findingId(), f.truckId(),
                f.kind().name(), caseId))));
    }

    /**
     * Replays what is kept as of {@code now}, from no earlier than {@code notBefore} (when the permits in force were
     * written: input before that was judged against other permits).
     *
     * @return how many records were replayed
     */
    long replay(Instant now, Instant notBefore, Replay to) {
        Instant from = later(now.minus(TruckWatch.PASSAGE_REACH), notBefore);
        Instant positionsFrom = later(now.minus(POSITIONS_KEPT), notBefore);
        // the filed findings first: a finding replayed from the positions must know what was filed after them
        journal.replay(FILED, from, r -> decode(r, f -> to.filed(f[0], f[1], TruckFindingKind.valueOf(f[2]), f[3])));
        return journal.replay(from, r -> decode(r, f -> {
            switch (r.kind()) {
                case POSITION -> {
                    if (!r.at().isBefore(positionsFrom)) {
                        to.position(TruckPosition.of(f[0], Instant.parse(f[1]), Double.parseDouble(f[2]),
                                Double.parseDouble(f[3]), Double.parseDouble(f[4]), Integer.parseInt(f[5])));
                    }
                }
                case GATE -> to.gate(new SiteGateEvent(f[0], f[1], Instant.parse(f[2]), f[3],
                        SiteGateEvent.Type.valueOf(f[4])));
                case PASSAGE -> to.passage(f[0], f[1], Instant.parse(f[2]), f[3]);
                case FILED -> { } // handed over in the first pass
                default -> throw new IllegalArgumentException("unknown kind");
            }
        }));
    }

    private static void decode(JournalRecord r, java.util.function.Consumer<String[]> use) {
        try {
            use.accept(r.payload().split("\t", -1));
        } catch (RuntimeException e) {
            throw new IllegalStateException("truck journal record " + r.kind() + " at " + r.at() + " does not"
                    + " decode (" + e.getMessage() + "): " + r.payload().replace('\t', '|'), e);
        }
    }

    /** Deletes what no replay needs any more, at most every ten minutes of {@code now}. */
    void prune(Instant now) {
        if (now.isBefore(lastPrune.plus(Duration.ofMinutes(10)))) {
            return;
        }
        lastPrune = now;
        journal.pruneBefore(POSITION, now.minus(POSITIONS_KEPT));
        journal.pruneBefore(null, now.minus(TruckWatch.PASSAGE_REACH));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String join(String... fields) {
        for (String f : fields) {
            if (f.indexOf('\t') >= 0 || f.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a truck journal field may not hold a tab or newline: "
                        + f.replace('\t', ' ').replace('\n', ' '));
            }
        }
        return String.join("\t", fields);
    }
}
