package io.offsite.evidence;

import io.offsite.core.violation.Violation;
import io.offsite.evidence.spi.BlobStore;
import io.offsite.evidence.spi.ChainJournal;
import io.offsite.evidence.spi.SigningKeys;
import io.offsite.evidence.spi.TimestampAuthority;
import java.time.Clock;
import java.util.Objects;

/** Builds an {@link EvidenceChain}: validating setters; only the signing keys are required. Not thread-safe. */
public final class EvidenceChainBuilder {
    final String caseId;
    final String violationCode;
    BlobStore store = InMemoryBlobStore.create();
    SigningKeys keys;
    TimestampAuthority tsa;
    Clock clock = Clock.systemUTC();
    WitnessRegistry witnesses = WitnessRegistry.inMemory();
    ChainJournal journal = InMemoryChainJournal.create();

    EvidenceChainBuilder(String caseId, Violation violation) {
        this.caseId = EvidenceItem.requireId(Objects.requireNonNull(caseId, "caseId"), "case id");
        this.violationCode = Objects.requireNonNull(violation, "violation").code();
    }

    /** Where item bytes go (default: a new in-memory store). */
    public EvidenceChainBuilder blobStore(BlobStore store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    /** The signing keys for tree heads and manifests (required). */
    public EvidenceChainBuilder signingKeys(SigningKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
        return this;
    }

    /** A trusted timestamp authority for every signed head (default: none). */
    public EvidenceChainBuilder timestampAuthority(TimestampAuthority tsa) {
        this.tsa = Objects.requireNonNull(tsa, "tsa");
        return this;
    }

    /** The clock custody entries and heads are dated with (default: system UTC). */
    public EvidenceChainBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** The witness registry statements are checked against (default: a new in-memory registry). */
    public EvidenceChainBuilder witnesses(WitnessRegistry witnesses) {
        this.witnesses = Objects.requireNonNull(witnesses, "witnesses");
        return this;
    }

    /**
     * Where the chain's state is journaled (default: in memory). A chain built over a non-empty journal
     * resumes where it left off, after checking every journaled head against the rebuilt log.
     */
    public EvidenceChainBuilder journal(ChainJournal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
        return this;
    }

    /** Builds the chain, replaying the journal if it has records. */
    public EvidenceChain build() {
        if (keys == null) {
            throw new EvidenceException("signingKeys are required: heads and manifests must be signed");
        }
        return new EvidenceChain(this);
    }
}
