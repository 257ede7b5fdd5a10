package io.offsite.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.offsite.core.Masks;
import io.offsite.geofence.Plates;
import io.offsite.geofence.truck.DisposalSite;
import io.offsite.geofence.truck.SiteGateEvent;
import io.offsite.geofence.truck.TruckFinding;
import io.offsite.geofence.truck.TruckFindingKind;
import io.offsite.geofence.truck.TruckMonitor;
import io.offsite.geofence.truck.TruckPermit;
import io.offsite.geofence.truck.TruckPosition;
import io.offsite.store.jdbc.JdbcDocuments;
import io.offsite.store.jdbc.JdbcInputJournal;
import io.offsite.store.jdbc.StaleDocumentException;
import io.offsite.store.jdbc.StoredDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Construction-waste trucks (渣土车): the permits (approved corridors, sites, hours) in the database (document
 * {@code truck-permits}; imported once from an older data directory's {@code trucks.json}), a geofence
 * {@link TruckMonitor} over them fed by {@code POST /trucks/positions}, site-gate camera events
 * and the JT/T 808 listener, and the findings it makes. Every finding about a permitted truck becomes a case through
 * the {@link CaseDesk} with the hashed GPS track as evidence. Not thread-safe: {@link Enforcement} calls it under its
 * lock. Replacing the permits starts a new monitor (open off-corridor or stop episodes start again).
 */
final class TruckWatch {
    private static final Logger LOG = LoggerFactory.getLogger(TruckWatch.class);
    /** Findings kept for {@code GET /trucks/findings}, newest last. */
    static final int MAX_FINDINGS = 2_000;
    /** How long before a finding a gate passage still ties the truck to its site (one working shift). */
    static final Duration PASSAGE_REACH = Duration.ofHours(12);

    /** A truck seen by a site-gate camera: where, by which camera, when. */
    record GatePassage(String siteId, String cameraId, Instant time) {
    }

    /** The permits' document in the database. */
    static final String PERMITS = "truck-permits";
    private final JdbcDocuments docs;
    private long version;
    private final ObjectMapper mapper;
    private final CaseDesk desk;
    private final Consumer<ServerEvent> events;
    private final Deque<TruckFinding> findings = new ArrayDeque<>();
    private final Map<String, String> caseOfFinding = new ConcurrentHashMap<>();
    private final Map<String, String> byDigits = new HashMap<>();
    private final Map<String, GatePassage> lastPassage = new HashMap<>();
    private Set<String> permitPlates = Set.of();
    private Set<String> siteIds = Set.of();
    private List<PermitBodies.PermitBody> bodies;
    private TruckMonitor monitor;
    private final TruckJournal journal;
    /** Replay only: each truck's first replayed position, and "truckId TAB kind" of findings filed in the window. */
    private final Map<String, Instant> firstReplayed = new HashMap<>();
    private final Set<String> filedKinds = new HashSet<>();
    private boolean replaying;

    /**
     * The permits from the database (seeded from {@code seedPermits} or an older data directory's file), and the
     * monitor rebuilt by replaying {@code journal} as of {@code now}.
     */
    TruckWatch(JdbcDocuments docs, JdbcInputJournal journal, Instant now, Path dataDir, String seedPermits,
            ObjectMapper mapper, CaseDesk desk, Consumer<ServerEvent> events) {
        this.docs = docs;
        this.journal = new TruckJournal(journal);
        this.mapper = mapper;
        this.desk = desk;
        this.events = events;
        StoredDocument stored = Documents.seedOnce(docs, PERMITS, dataDir.resolve("trucks.json"), seedPermits);
        PermitBodies.PermitBody[] read;
        try {
            read = mapper.readValue(stored.body(), PermitBodies.PermitBody[].class);
        } catch (IOException e) {
            throw new IllegalArgumentException("document " + PERMITS + ": " + e.getMessage(), e);
        }
        List<TruckPermit> permits = new ArrayList<>();
        for (int i = 0; i < read.length; i++) {
            permits.add(PermitBodies.permit(read[i], PERMITS + "[" + i + "]"));
        }
        this.bodies = List.of(read);
        this.version = stored.version();
        this.monitor = monitor(permits);
        replay(now, stored.updatedAt());
    }

    /**
     * Feeds the journalled input back into the fresh monitor. Findings already filed are not filed or announced
     * again; pending ones (decided but not yet filed at the crash) are. An episode that began before the replayed
     * positions restarts at the truck's first replayed position: a finding starting exactly there, of a kind already
     * filed for the truck in the replay window, is taken as that episode's continuation and not filed again.
     */
    private void replay(Instant now, Instant permitsSince) {
        replaying = true;
        try {
            long n = journal.replay(now, permitsSince, new TruckJournal.Replay() {
                @Override
                public void position(TruckPosition p) {
                    firstReplayed.putIfAbsent(p.truckId(), p.time());
                    monitor.accept(p);
                }

                @Override
                public void gate(SiteGateEvent e) {
                    monitor.accept(e);
                }

                @Override
                public void passage(String siteId, String cameraId, Instant time, String plate) {
                    keepPassage(siteId, cameraId, time, plate);
                }

                @Override
                public void filed(String findingId, String truckId, TruckFindingKind kind, String caseId) {
                    caseOfFinding.putIfAbsent(findingId, caseId);
                    filedKinds.add(truckId + "\t" + kind);
                }
            });
            monitor.advanceTo(now.minus(Duration.ofMinutes(1)));
            if (n > 0) {
                LOG.info("truck monitor rebuilt from {} journalled records", n);
            }
        } finally {
            replaying = false;
            firstReplayed.clear();
        }
    }

    private TruckMonitor monitor(List<TruckPermit> permits) {
        byDigits.clear();
        permits.forEach(p -> byDigits.put(digits(p.truckId()), p.truckId()));
        permitPlates = permits.stream().map(TruckPermit::plate).collect(Collectors.toUnmodifiableSet());
        siteIds = permits.stream().flatMap(p -> p.sites().stream()).map(DisposalSite::id)
                .collect(Collectors.toUnmodifiableSet());
        lastPassage.keySet().retainAll(permitPlates);
        return TruckMonitor.builder().permits(permits).zone(CaseDesk.HUANGYAN).findings(this::found).build();
    }

    private void found(TruckFinding f) {
        if (caseOfFinding.containsKey(f.findingId())) {
            if (replaying) { // filed before the restart: listed again, not filed or announced again
                findings.addLast(f);
            }
            return;
        }
        if (replaying && f.start().equals(firstReplayed.get(f.truckId()))
                && filedKinds.contains(f.truckId() + "\t" + f.kind())) {
            LOG.info("finding {} continues an episode filed before the restart: not filed again", f.findingId());
            return;
        }
        findings.addLast(f);
        while (findings.size() > MAX_FINDINGS) {
            findings.removeFirst();
        }
        events.accept(new ServerEvent(f.decidedAt(), "TruckFinding", f.findingId(), f.kind() + " "
                + (f.plate().isEmpty() ? "terminal " + Masks.phone(f.truckId()) : Masks.plate(f.plate())) + " at "
                + f.placeId() + ", track of " + f.track().positions().size() + " positions sha256 "
                + f.track().sha256Hex().substring(0, 12) + "…"));
        if (f.kind() != TruckFindingKind.UNKNOWN_TRUCK) {
            desk.findings().fileFinding(f, gateStill(f)).ifPresent(caseId -> {
                caseOfFinding.put(f.findingId(), caseId);
                filedKinds.add(f.truckId() + "\t" + f.kind());
                journal.filed(f, caseId);
            });
        }
    }

    /** Replaces every permit (already validated by the caller); the new monitor starts empty. */
    void replace(List<PermitBodies.PermitBody> all) {
        List<TruckPermit> permits = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            permits.add(PermitBodies.permit(all.get(i), "/permits/" + i));
        }
        TruckMonitor next = monitor(permits);
        String json;
        try {
            json = mapper.writeValueAsString(all);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the permits as JSON: " + e.getMessage(), e);
        }
        version = replaceLastWriterWins(json);
        monitor.flush();
        monitor = next;
        bodies = List.copyOf(all);
    }

    /** A whole replacement: when another server wrote since this one read, its version is overwritten. */
    private long replaceLastWriterWins(String json) {
        long expected = version;
        for (int tries = 1;; tries++) {
            try {
                return docs.replace(PERMITS, expected, json).version();
            } catch (StaleDocumentException e) {
                if (tries == 5) {
                    throw e;
                }
                expected = e.actual();
            }
        }
    }

    List<PermitBodies.PermitBody> permits() {
        return bodies;
    }

    /** Journals the positions (one transaction), then feeds them to the monitor; outcomes in order. */
    List<TruckMonitor.Outcome> acceptAll(List<TruckPosition> ps) {
        journal.positions(ps);
        List<TruckMonitor.Outcome> out = new ArrayList<>(ps.size());
        for (TruckPosition p : ps) {
            out.add(accept(p));
        }
        return out;
    }

    private TruckMonitor.Outcome accept(TruckPosition p) {
        String permitted = byDigits.get(digits(p.truckId()));
        if (permitted != null && !permitted.equals(p.truckId())) {
            p = new TruckPosition(permitted, p.time(), p.location(), p.speedKmh(), p.headingDegrees());
        }
        return monitor.accept(p);
    }

    /**
     * A terminal phone without its leading zeros: JT/T 808-2013 terminals send 12 BCD digits, 2019 ones 20, so one
     * permit's {@code 013305760001} is also {@code 00000000013305760001}.
     */
    /** Refuses a site no permit names, saying how a site becomes known through the API. */
    private void requireSite(String siteId) {
        if (!siteIds.contains(siteId)) {
            throw ApiException.field("/siteId", "site \"" + siteId + "\" is not a site of any permit; a site is"
                    + " registered with the permit that names it (\"sites\" of a permit in PUT /api/v1/trucks/permits)");
        }
    }

    private static String digits(String phone) {
        int i = 0;
        while (i < phone.length() - 1 && phone.charAt(i) == '0') {
            i++;
        }
        return phone.substring(i);
    }

    /**
     * A site gate event, journalled and fed to the monitor.
     *
     * @throws ApiException naming {@code /siteId} when the site is not in any permit (checked before the journal, so
     *                      a refused event is not replayed after a restart)
     */
    boolean gate(SiteGateEvent e) {
        requireSite(e.siteId());
        journal.gate(e);
        return monitor.accept(e);
    }

    /**
     * A site-gate camera's plain passage record (出入口过车记录): no violation, but the picture ties the truck to the
     * site it left, which the completeness rules for construction waste ask of every case. Only the newest passage of
     * each permitted plate is kept (in memory, like the monitor); a plate without permit is not kept.
     *
     * @return true when kept; false for a plate without permit or a passage not newer than the one kept
     * @throws ApiException naming {@code /siteId} or {@code /plate} when the site is not in any permit or the plate
     *                      is not a plate
     */
    boolean passage(String siteId, String cameraId, Instant time, String plate) {
        requireSite(siteId);
        String p = Plates.normalize(plate);
        Plates.problem(p).ifPresent(why -> {
            throw ApiException.field("/plate", "not a plate: " + why);
        });
        if (!permitPlates.contains(p) || !keepPassage(siteId, cameraId, time, p)) {
            return false;
        }
        journal.passage(siteId, cameraId, time, p);
        return true;
    }

    /** Keeps a passage of a permitted plate if it is the plate's newest. */
    private boolean keepPassage(String siteId, String cameraId, Instant time, String plate) {
        GatePassage kept = lastPassage.get(plate);
        if (!permitPlates.contains(plate) || kept != null && !time.isAfter(kept.time())) {
            return false;
        }
        lastPassage.put(plate, new GatePassage(siteId, cameraId, time));
        return true;
    }

    /**
     * The gate picture a finding's case gets: the finding's own gate camera for gate findings, else the truck's
     * newest passage through a site gate in the {@link #PASSAGE_REACH} before the finding started.
     */
    private Optional<GatePassage> gateStill(TruckFinding f) {
        if (!f.cameraId().isEmpty()) {
            return Optional.of(new GatePassage(f.placeId(), f.cameraId(), f.start()));
        }
        GatePassage p = lastPassage.get(f.plate());
        if (p == null || p.time().isAfter(f.start()) || p.time().isBefore(f.start().minus(PASSAGE_REACH))) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** Event time moves on with the server's clock (less a minute for late reports): findings due are released. */
    void advanceTo(Instant now) {
        monitor.advanceTo(now.minus(Duration.ofMinutes(1)));
        journal.prune(now);
    }

    List<TruckFinding> findings() {
        return new ArrayList<>(findings);
    }

    String caseOf(String findingId) {
        return caseOfFinding.get(findingId);
    }

    long outOfOrder() {
        return monitor.outOfOrderCount();
    }
}
