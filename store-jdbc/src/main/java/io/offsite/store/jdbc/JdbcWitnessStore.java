package io.offsite.store.jdbc;

import io.offsite.evidence.EvidenceException;
import io.offsite.evidence.PersonalDetails;
import io.offsite.evidence.Witness;
import io.offsite.evidence.WitnessId;
import io.offsite.evidence.WitnessRole;
import io.offsite.evidence.spi.WitnessStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The witness registry's {@link WitnessStore} in an {@link OffsiteDatabase}: witnesses in {@code evidence_witness},
 * their personal details in {@code evidence_witness_personal}, so erasure deletes the personal data only and the
 * pseudonymous record stays. The primary key decides a duplicate id, also between processes sharing the database.
 * Every call is one transaction; nothing is cached. Thread-safe.
 *
 * <pre>{@code
 * WitnessRegistry witnesses = WitnessRegistry.over(JdbcWitnessStore.create(db));
 * }</pre>
 */
public final class JdbcWitnessStore implements WitnessStore {
    static final String WITNESS = "evidence_witness";
    static final String PERSONAL = "evidence_witness_personal";
    private static final String DUPLICATE_KEY = "23505";

    private final Sql sql;

    private JdbcWitnessStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * The witness store in {@code db}.
     *
     * @throws StoreException if the database cannot hold UTF-8 text faithfully (a PostgreSQL database whose
     *                        encoding is not UTF8)
     */
    public static JdbcWitnessStore create(OffsiteDatabase db) {
        Objects.requireNonNull(db, "db");
        Utf8Database.require(db, "the witness store");
        return new JdbcWitnessStore(db.sql());
    }

    @Override
    public boolean insert(Witness witness, PersonalDetails details) {
        Objects.requireNonNull(witness, "witness");
        Objects.requireNonNull(details, "details");
        try {
            return sql.inTransaction("registering witness " + witness.id(), c -> insert(c, witness, details));
        } catch (DuplicateId e) {
            return false; // rolled back: the first registration stays as it was
        }
    }

    private static boolean insert(Connection c, Witness witness, PersonalDetails details) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + WITNESS
                + " (witness_id, witness_role, registered_at) VALUES (?, ?, ?)")) {
            ps.setString(1, witness.id().value());
            ps.setString(2, witness.role().name());
            ps.setString(3, witness.registeredAt().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                throw new DuplicateId(); // PostgreSQL has aborted the transaction: roll it back, never commit
            }
            throw e;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + PERSONAL
                + " (witness_id, full_name, phone, address) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, witness.id().value());
            ps.setString(2, details.name());
            ps.setString(3, details.phone());
            ps.setString(4, details.address());
            ps.executeUpdate();
        }
        return true;
    }

    @Override
    public Optional<Witness> find(WitnessId id) {
        Objects.requireNonNull(id, "id");
        return sql.inTransaction("finding witness " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT witness_id, witness_role, registered_at FROM "
                    + WITNESS + " WHERE witness_id = ?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(witness(rs)) : Optional.<Witness>empty();
                }
            }
        });
    }

    @Override
    public Optional<PersonalDetails> personalDetails(WitnessId id) {
        Objects.requireNonNull(id, "id");
        return sql.inTransaction("reading the personal details of witness " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT full_name, phone, address FROM " + PERSONAL
                    + " WHERE witness_id = ?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<PersonalDetails>empty();
                    }
                    try {
                        return Optional.of(new PersonalDetails(rs.getString(1), rs.getString(2), rs.getString(3)));
                    } catch (EvidenceException | NullPointerException e) {
                        // no cause and no values: the validation message would repeat the personal data
                        throw new CorruptRowException(PERSONAL, id.value(), "the stored personal details fail"
                                + " validation (blank name or malformed phone); the values are not repeated here");
                    }
                }
            }
        });
    }

    @Override
    public boolean erasePersonalDetails(WitnessId id) {
        Objects.requireNonNull(id, "id");
        return sql.inTransaction("erasing the personal details of witness " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + PERSONAL + " WHERE witness_id = ?")) {
                ps.setString(1, id.value());
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<Witness> withRole(WitnessRole role) {
        Objects.requireNonNull(role, "role");
        return sql.inTransaction("listing witnesses with role " + role, c -> {
            List<Witness> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT witness_id, witness_role, registered_at FROM "
                    + WITNESS + " WHERE witness_role = ? ORDER BY stored_order")) {
                ps.setString(1, role.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(witness(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Signals a taken id out of the transaction, which is then rolled back. */
    private static final class DuplicateId extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateId() {
            super(null, null, false, false);
        }
    }

    private static Witness witness(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        try {
            return new Witness(new WitnessId(id), WitnessRole.valueOf(rs.getString(2)), Instant.parse(rs.getString(3)));
        } catch (EvidenceException | IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new CorruptRowException(WITNESS, id, e.getMessage(), e);
        }
    }
}
