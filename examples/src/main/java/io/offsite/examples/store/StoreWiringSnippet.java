package io.offsite.examples.store;

import io.offsite.cases.spi.CaseStore;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.spi.OfficerDirectory;
import io.offsite.evidence.WitnessRegistry;
import io.offsite.evidence.spi.ChainJournal;
import io.offsite.examples.DemoSecrets;
import io.offsite.geofence.CollectingSink;
import io.offsite.geofence.FenceRegistry;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.notify.Channel;
import io.offsite.notify.Outbox;
import io.offsite.notify.SimulatedGateway;
import io.offsite.store.jdbc.JdbcCaseStore;
import io.offsite.store.jdbc.JdbcChainJournals;
import io.offsite.store.jdbc.JdbcEpisodeStore;
import io.offsite.store.jdbc.JdbcOutboxStore;
import io.offsite.store.jdbc.JdbcWitnessStore;
import io.offsite.store.jdbc.OffsiteDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The README's store wiring: every library's state on one database — here the zero-set-up embedded H2 file; in
 * production {@code OffsiteDatabase.builder(hikariPool).open()} on PostgreSQL 15+ (the same stores, the same schema).
 */
public final class StoreWiringSnippet {
    private StoreWiringSnippet() {
    }

    /** Wires every store on an embedded database in {@code dataDir}; returns the database's health line. */
    public static String run(Path dataDir, Clock clock) {
        try (OffsiteDatabase db = OffsiteDatabase.embedded(dataDir, clock)) {          // migrates the schema on open
            GeofenceEngine engine = GeofenceEngine.builder(FenceRegistry.of(List.of()),
                            OfficerDirectory.of(Map.of(CellId.of("huangyan-xicheng-7"), OfficerId.of("HYZF-1001"))))
                    .store(JdbcEpisodeStore.create(db, "engine-1"))                   // episodes, histories, watermark
                    .effects(new CollectingSink()).episodeIdKey(DemoSecrets.episodeIdKey()).clock(clock).build();
            Outbox outbox = Outbox.builder(JdbcOutboxStore.create(db))                // several processes may share it
                    .holder("server-1").leaseDuration(Duration.ofMinutes(2))
                    .gateway(Channel.SMS, SimulatedGateway.builder().build()).clock(clock).build();
            JdbcChainJournals journals = JdbcChainJournals.create(db);
            ChainJournal journal = journals.journal("331003-2026-000042");             // EvidenceChain.builder(…).journal(journal)
            WitnessRegistry witnesses = WitnessRegistry.over(JdbcWitnessStore.create(db));
            CaseStore cases = JdbcCaseStore.create(db);                               // optimistic versions per case
            engine.checkpoint();
            return db.health().detail() + "; outbox " + outbox.size() + " messages; journal " + journal.readAll().size()
                    + " records; cases filed " + cases.findByState(io.offsite.cases.CaseState.FILED, 10).size()
                    + "; witnesses " + witnesses.withRole(io.offsite.evidence.WitnessRole.PROPERTY_MANAGER).size();
        }
    }
}
