package io.offsite.store.jdbc;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.violation.Violation;
import io.offsite.evidence.DeviceReview;
import io.offsite.evidence.EvidenceChain;
import io.offsite.evidence.InMemorySigningKeys;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.ItemSpec;
import io.offsite.evidence.spi.BlobStore;
import io.offsite.testkit.SettableClock;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/** Evidence chains on a database's journal, and SQL as a tamperer (or a test) would run it. */
final class ChainFixtures {
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    final InMemorySigningKeys keys = InMemorySigningKeys.generate("agency-2026");
    final SettableClock clock = SettableClock.at(T0.plusSeconds(3600));
    final BlobStore blobs;

    ChainFixtures(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** Builds (or, when the case is journaled, rebuilds) the chain of {@code caseId} on {@code db}'s journal. */
    EvidenceChain chain(OffsiteDatabase db, String caseId) {
        return EvidenceChain.builder(caseId, Violation.PARKING)
                .journal(JdbcChainJournals.create(db).journal(caseId))
                .blobStore(blobs).signingKeys(keys).clock(clock).build();
    }

    static ItemSpec still(int minute) {
        return ItemSpec.builder(ItemKind.STILL, "image/jpeg", T0.plusSeconds(60L * minute), "33100300001321000001")
                .location(GeoPoint.of(121.2551, 28.6341)).deviceReview(DeviceReview.REVIEWED).stationary(true)
                .plateLegible(true).subject("浙J12345").build();
    }

    static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs one statement with parameters outside any store, returning the update count. */
    static int exec(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
