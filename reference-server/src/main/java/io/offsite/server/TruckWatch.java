package io.offsite.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.offsite.core.Masks;
import io.offsite.geofence.Plates;
import io.offsite.geofence.truck.DisposalSite;
import io.offsite.geofence.truck.PermitWindow;
import io.offsite.geofence.truck.RouteCorridor;
import io.offsite.geofence.truck.SiteGateEvent;
import io.offsite.geofence.truck.TruckFinding;
import io.offsite.geofence.truck.TruckFindingKind;
import io.offsite.geofence.truck.TruckMonitor;
import io.offsite.geofence.truck.TruckPermit;
import io.offsite.geofence.truck.TruckPosition;
import io.offsite.store.jdbc.JdbcDocuments;
import io.offsite.store.jdbc.StaleDocumentException;
import io.offsite.store.jdbc.StoredDocument;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Construction-waste trucks (渣土车): the permits (approved corridors, sites, hours) in the database (document
 * {@code truck-permits}; imported once from an older data directory's {@code trucks.json}), a geofence {@link TruckMonitor} over them fed by {@code POST /trucks/positions}, site-gate camera events
 * and the JT/T 808 listener, and the findings it makes. Every finding about a permitted truck becomes a case through
 * the {@link CaseDesk} with the hashed GPS track as evidence. Not thread-safe: {@link Enforcement} calls it under its
 * lock. Replacing the permits starts a new monitor (open off-corridor or stop episodes start again).
 */
final class TruckWatch {
    /** Findings kept for {@code GET /trucks/findings}, newest last. */
    static final int MAX_FINDINGS = 2_000;
    /** How long before a finding a gate passage still ties the truck to its site (one working shift). */
    static final Duration PASSAGE_REACH = Duration.ofHours(12);

    /** A truck seen by a site-gate camera: where, by which camera, when. */
    record GatePassage(String siteId, String cameraId, Instant time) {
    }

    /** One permit as the API and {@code trucks.json} carry it. */
    record PermitBody(@NotBlank @Pattern(regexp = "\\d{11,20}", message = "must be the terminal phone (11-20 digits)")
            String truckId, @NotBlank @Size(max = 16) String plate, @NotBlank @Size(max = 64) String permitNumber,
            @NotNull @NotEmpty @Size(max = 50) List<@NotNull @Valid Corridor> corridors,
            @Size(max = 50) List<@NotNull @Valid Site> sites,
            @NotNull @NotEmpty @Size(max = 20) List<@NotNull @Valid Window> windows) {
    }

    /** A route corridor: a lon/lat polyline and its half-width. */
    record Corridor(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 128) String name,
            @NotNull @Size(min = 2, max = 10_000) List<@NotNull @Size(min = 2, max = 2) List<@NotNull Double>> line,
            @Positive double halfWidthMeters) {
    }

    /** A disposal (消纳场), loading or depot site: a closed lon/lat ring. */
    record Site(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 128) String name,
            @NotNull @Pattern(regexp = "DISPOSAL|LOADING|DEPOT") String role,
            @NotNull @Size(min = 4, max = 10_000) List<@NotNull @Size(min = 2, max = 2) List<@NotNull Double>> ring) {
    }

    /** Permitted hours: local times in Asia/Shanghai, {@code to <= from} crosses midnight. */
    record Window(@Size(max = 7) List<@NotNull @Pattern(regexp = "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY")
            String> days, @NotBlank String from, @NotBlank String to, @NotBlank String validFrom,
            @NotBlank String validTo) {
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
    private List<PermitBody> bodies;
    private TruckMonitor monitor;

    TruckWatch(JdbcDocuments docs, Path dataDir, String seedPermits, ObjectMapper mapper, CaseDesk desk,
            Consumer<ServerEvent> events) {
        this.docs = docs;
        this.mapper = mapper;
        this.desk = desk;
        this.events = events;
        StoredDocument stored = Documents.seedOnce(docs, PERMITS, dataDir.resolve("trucks.json"), seedPermits);
        PermitBody[] read;
        try {
            read = mapper.readValue(stored.body(), PermitBody[].class);
        } catch (IOException e) {
            throw new IllegalArgumentException("document " + PERMITS + ": " + e.getMessage(), e);
        }
        List<TruckPermit> permits = new ArrayList<>();
        for (int i = 0; i < read.length; i++) {
            permits.add(permit(read[i], PERMITS + "[" + i + "]"));
        }
        this.bodies = List.of(read);
        this.version = stored.version();
        this.monitor = monitor(permits);
    }

    /** Converts and checks one permit; errors name {@code where} and the field. */
    static TruckPermit permit(PermitBody b, String where) {
        TruckPermit.Builder tp;
        try {
            tp = TruckPermit.builder(b.truckId(), b.plate(), b.permitNumber());
        } catch (RuntimeException e) {
            throw ApiException.field(where, e.getMessage());
        }
        for (int i = 0; i < b.corridors().size(); i++) {
            Corridor c = b.corridors().get(i);
            try {
                tp.corridor(RouteCorridor.of(c.id(), c.name(), c.halfWidthMeters(), flat(c.line())));
            } catch (RuntimeException e) {
                throw ApiException.field(where + "/corridors/" + i, e.getMessage());
            }
        }
        List<Site> sites = b.sites() == null ? List.of() : b.sites();
        for (int i = 0; i < sites.size(); i++) {
            Site s = sites.get(i);
            try {
                double[] ring = flat(s.ring());
                tp.site(switch (s.role()) {
                    case "LOADING" -> DisposalSite.loading(s.id(), s.name(), ring);
                    case "DEPOT" -> DisposalSite.depot(s.id(), s.name(), ring);
                    default -> DisposalSite.disposal(s.id(), s.name(), ring);
                });
            } catch (RuntimeException e) {
                throw ApiException.field(where + "/sites/" + i, e.getMessage());
            }
        }
        for (int i = 0; i < b.windows().size(); i++) {
            Window w = b.windows().get(i);
            try {
                EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                if (w.days() == null || w.days().isEmpty()) {
                    days = EnumSet.allOf(DayOfWeek.class);
                } else {
                    for (String d : w.days()) {
                        days.add(DayOfWeek.valueOf(d));
                    }
                }
                tp.window(new PermitWindow(days, LocalTime.parse(w.from()), LocalTime.parse(w.to()),
                        LocalDate.parse(w.validFrom()), LocalDate.parse(w.validTo())));
            } catch (RuntimeException e) {
                throw ApiException.field(where + "/windows/" + i, e.getMessage());
            }
        }
        try {
            return tp.build();
        } catch (RuntimeException e) {
            throw ApiException.field(where, e.getMessage());
        }
    }

    private static double[] flat(List<List<Double>> points) {
        double[] out = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            out[2 * i] = points.get(i).get(0);
            out[2 * i + 1] = points.get(i).get(1);
        }
        return out;
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
        findings.addLast(f);
        while (findings.size() > MAX_FINDINGS) {
            findings.removeFirst();
        }
        events.accept(new ServerEvent(f.decidedAt(), "TruckFinding", f.findingId(), f.kind() + " "
                + (f.plate().isEmpty() ? "terminal " + Masks.phone(f.truckId()) : Masks.plate(f.plate())) + " at "
                + f.placeId() + ", track of " + f.track().positions().size() + " positions sha256 "
                + f.track().sha256Hex().substring(0, 12) + "…"));
        if (f.kind() != TruckFindingKind.UNKNOWN_TRUCK) {
            desk.fileFinding(f, gateStill(f)).ifPresent(caseId -> caseOfFinding.put(f.findingId(), caseId));
        }
    }

    /** Replaces every permit (already validated by the caller); the new monitor starts empty. */
    void replace(List<PermitBody> all) {
        List<TruckPermit> permits = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            permits.add(permit(all.get(i), "/permits/" + i));
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

    List<PermitBody> permits() {
        return bodies;
    }

    TruckMonitor.Outcome accept(TruckPosition p) {
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
    private static String digits(String phone) {
        int i = 0;
        while (i < phone.length() - 1 && phone.charAt(i) == '0') {
            i++;
        }
        return phone.substring(i);
    }

    boolean gate(SiteGateEvent e) {
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
        if (!siteIds.contains(siteId)) {
            throw ApiException.field("/siteId", "site \"" + siteId + "\" is not a site of any permit");
        }
        String p = Plates.normalize(plate);
        Plates.problem(p).ifPresent(why -> {
            throw ApiException.field("/plate", "not a plate: " + why);
        });
        if (!permitPlates.contains(p)) {
            return false;
        }
        GatePassage kept = lastPassage.get(p);
        if (kept != null && !time.isAfter(kept.time())) {
            return false;
        }
        lastPassage.put(p, new GatePassage(siteId, cameraId, time));
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
