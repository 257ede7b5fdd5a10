package io.offsite.evidence;

import io.offsite.core.violation.Violation;
import io.offsite.evidence.spi.BlobRef;
import io.offsite.evidence.spi.BlobStore;
import io.offsite.evidence.spi.SigningKeys;
import io.offsite.evidence.spi.TimestampAuthority;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One case's evidence chain: items streamed into a {@link BlobStore} with their SHA-256 recorded at
 * collection, every action logged in an append-only {@link CustodyLog}, signed tree heads, sealing, and
 * export as a self-verifying bundle. Build with {@link #builder(String, Violation)}. Thread-safe (methods
 * synchronise on the chain; hashing a large item happens before the lock is taken).
 *
 * <pre>{@code
 * EvidenceChain chain = EvidenceChain.builder("case-1", "PARKING")
 *         .signingKeys(InMemorySigningKeys.generate("agency-2026")).build();
 * EvidenceItem still = chain.add(spec, in, "officer-7");
 * chain.seal("officer-7");
 * chain.exportBundle(Path.of("case-1.zip"), "officer-7");
 * }</pre>
 */
public final class EvidenceChain {
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceChain.class);
    private final String caseId;
    private final String violationCode;
    private final BlobStore store;
    private final SigningKeys keys;
    private final Optional<TimestampAuthority> tsa;
    private final Clock clock;
    private final WitnessRegistry witnesses;
    private final ChainJournalPosition journal;
    private final CustodyLog log = CustodyLog.ownedByChain();
    private final Map<String, EvidenceItem> items = new TreeMap<>();
    private final Map<String, Long> itemEntrySeq = new HashMap<>();
    private final List<SignedTreeHead> heads = new ArrayList<>();
    private final Map<String, PublicKey> usedKeys = new LinkedHashMap<>();
    private boolean sealed;

    EvidenceChain(EvidenceChainBuilder b) {
        this.caseId = b.caseId;
        this.violationCode = b.violationCode;
        this.store = b.store;
        this.keys = b.keys;
        this.tsa = Optional.ofNullable(b.tsa);
        this.clock = b.clock;
        this.witnesses = b.witnesses;
        this.journal = new ChainJournalPosition(b.journal, caseId);
        List<byte[]> records = journal.open(JournalCodec.caseRecord(caseId, violationCode));
        if (!records.isEmpty()) {
            replay(records);
        }
    }

    /** Rebuilds state from the journal, checking every head against the rebuilt log. */
    private void replay(List<byte[]> records) {
        JournalCodec.replay(records, caseId, violationCode, store, keys, log, new JournalCodec.Sink() {
            @Override
            public void item(EvidenceItem item, long seq) {
                items.put(item.id(), item);
                itemEntrySeq.put(item.id(), seq);
            }

            @Override
            public void sealed() {
                sealed = true;
            }

            @Override
            public void head(SignedTreeHead head, PublicKey key) {
                usedKeys.put(head.keyId(), key);
                heads.add(head);
            }
        });
        LOG.info("case {}: restored {} items, {} custody entries, {} heads from the journal", caseId, items.size(),
                log.size(), heads.size());
    }

    /**
     * The clock's time, but never earlier than the last entry: if the host clock steps back (NTP), the
     * log stays in order and the step is logged rather than failing every later action.
     */
    private Instant now() {
        Instant t = clock.instant();
        if (log.size() > 0) {
            Instant last = log.entry(log.size() - 1).at();
            if (t.isBefore(last)) {
                LOG.warn("case {}: clock stepped back from {} to {}; dating the entry {}", caseId, last, t, last);
                return last;
            }
        }
        return t;
    }

    /** Prepares an entry, journals it (with its item), then applies it: a journal failure changes nothing. */
    private CustodyEntry append(String actor, CustodyAction action, Optional<EvidenceItem> item, Optional<String> itemId,
            Optional<Sha256> sha, String detail) {
        CustodyEntry e = log.prepare(now(), actor, action, itemId, sha, detail,
                item.map(ItemSeal::fields).orElseGet(java.util.TreeMap::new));
        journal.append(JournalCodec.entryRecord(e, item));
        log.commit(e);
        item.ifPresent(it -> {
            items.put(it.id(), it);
            itemEntrySeq.put(it.id(), e.seq());
        });
        return e;
    }

    /** Starts a chain for case {@code caseId} of {@code violation} (e.g. {@link Violation#PARKING}). */
    public static EvidenceChainBuilder builder(String caseId, Violation violation) {
        return new EvidenceChainBuilder(caseId, violation);
    }

    /** The case id. */
    public String caseId() {
        return caseId;
    }

    /** The violation the case is about; selects the completeness rule set. */
    public Violation violation() {
        return Violation.of(violationCode);
    }

    /**
     * Streams {@code content} into the blob store (hashing it on the way), records the item and logs
     * {@link CustodyAction#ADDED}. Rejected once the case is sealed.
     */
    public EvidenceItem add(ItemSpec spec, InputStream content, String actor) {
        Objects.requireNonNull(spec, "spec");
        requireActor(actor);
        synchronized (this) {
            requireOpen("add an item");
        }
        BlobRef ref = store.put(Objects.requireNonNull(content, "content"));
        synchronized (this) {
            requireOpen("add an item");
            EvidenceItem item = new EvidenceItem(nextId(), spec, ref.sha256(), ref.sizeBytes(), Optional.empty(),
                    Optional.empty());
            record(item, CustodyAction.ADDED, actor, spec.kind() + " " + spec.mediaType() + " captured by "
                    + spec.capturedBy());
            return item;
        }
    }

    /**
     * Adds a derived or redacted copy of {@code originalId} as a new item naming its original, and logs
     * {@link CustodyAction#DERIVED}. The original and its hash are kept unchanged. Allowed after sealing
     * (a redacted copy for publication) because it changes nothing already frozen.
     */
    public EvidenceItem derive(String originalId, ItemSpec spec, InputStream content, String actor,
            String derivation) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(derivation, "derivation");
        requireActor(actor);
        if (derivation.isBlank()) {
            throw new EvidenceException("derivation must say how the copy was made (e.g. \"faces blurred\")");
        }
        requireItem(originalId);
        BlobRef ref = store.put(Objects.requireNonNull(content, "content"));
        synchronized (this) {
            EvidenceItem item = new EvidenceItem(nextId(), spec, ref.sha256(), ref.sizeBytes(),
                    Optional.of(originalId), Optional.of(derivation));
            record(item, CustodyAction.DERIVED, actor, "from " + originalId + ": " + derivation);
            return item;
        }
    }

    /**
     * Adds a witness's statement (the witness must be registered in the chain's {@link WitnessRegistry}),
     * naming the items it corroborates. The chain records only the witness id and hashes; the witness's
     * personal data stay in the registry.
     */
    public EvidenceItem addWitnessStatement(WitnessId witness, ItemSpec spec, InputStream content,
            List<String> corroborates, String actor) {
        Objects.requireNonNull(witness, "witness");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(corroborates, "corroborates");
        if (spec.kind() != ItemKind.WITNESS_STATEMENT) {
            throw new EvidenceException("a witness statement must have kind WITNESS_STATEMENT, was " + spec.kind());
        }
        if (witnesses.find(witness).isEmpty()) {
            throw new EvidenceException("witness " + witness + " is not registered; register the witness first");
        }
        corroborates.forEach(this::requireItem);
        EvidenceItem statement = add(spec.withFact(ItemSpec.WITNESS_ID, witness.value()), content, actor);
        synchronized (this) {
            append(actor, CustodyAction.WITNESS_LINKED, Optional.empty(), Optional.of(statement.id()),
                    Optional.of(statement.sha256()), "witness " + witness.value() + " corroborates "
                            + String.join(",", corroborates));
        }
        return statement;
    }

    /** Logs that {@code actor} viewed item {@code itemId}. */
    public synchronized CustodyEntry recordView(String itemId, String actor) {
        EvidenceItem i = requireItem(itemId);
        return append(requireActor(actor), CustodyAction.VIEWED, Optional.empty(), Optional.of(i.id()),
                Optional.of(i.sha256()), "");
    }

    /**
     * Logs that {@code actor} viewed each of these items, in this order (an id may repeat), as one batch: the entries
     * are all dated now and journaled together with one
     * {@link io.offsite.evidence.spi.ChainJournal#appendAll} (one transaction on a database journal), so a high rate
     * of views costs one commit per batch rather than one per view. Returns the
     * entries in order. When the journal fails, no entry it did not store is logged: after a journal that appends
     * all or none, the chain is unchanged; after a partial append (the SPI's default appends one record at a time)
     * the chain re-reads the journal and keeps exactly the entries that reached it, and if even that read fails it
     * refuses every later change until it is rebuilt from its journal. The exception propagates in every case.
     */
    public synchronized List<CustodyEntry> recordViews(List<String> itemIds, String actor) {
        Objects.requireNonNull(itemIds, "itemIds");
        requireActor(actor);
        List<EvidenceItem> viewed = new ArrayList<>(itemIds.size());
        itemIds.forEach(id -> viewed.add(requireItem(id)));
        if (viewed.isEmpty()) {
            return List.of();
        }
        journal.requireKnown();
        List<CustodyEntry> entries = new ArrayList<>(viewed.size());
        List<byte[]> records = new ArrayList<>(viewed.size());
        Instant at = now();
        for (EvidenceItem i : viewed) {
            CustodyEntry e = entries.isEmpty()
                    ? log.prepare(at, actor, CustodyAction.VIEWED, Optional.of(i.id()), Optional.of(i.sha256()), "")
                    : new CustodyEntry(entries.get(0).seq() + entries.size(), at, actor, CustodyAction.VIEWED,
                            Optional.of(i.id()), Optional.of(i.sha256()), "", new TreeMap<>());
            entries.add(e);
            records.add(JournalCodec.entryRecord(e, Optional.empty()));
        }
        journal.appendAll(records, landed -> entries.subList(0, landed).forEach(log::commit));
        entries.forEach(log::commit);
        return List.copyOf(entries);
    }

    /**
     * Opens an item's bytes for {@code actor} and logs the view first, so no view goes unrecorded. The
     * caller closes the stream.
     */
    public InputStream openItem(String itemId, String actor) {
        EvidenceItem i;
        synchronized (this) {
            i = requireItem(itemId);
            recordView(itemId, actor);
        }
        return store.open(i.sha256()).orElseThrow(() -> new EvidenceException("item " + itemId + ": blob "
                + i.sha256() + " is missing from the blob store"));
    }

    /** Logs that {@code actor} shared item {@code itemId} with {@code recipient}. */
    public synchronized CustodyEntry recordShare(String itemId, String actor, String recipient) {
        EvidenceItem i = requireItem(itemId);
        Objects.requireNonNull(recipient, "recipient");
        if (recipient.isBlank()) {
            throw new EvidenceException("recipient of a share must be named");
        }
        return append(requireActor(actor), CustodyAction.SHARED, Optional.empty(), Optional.of(i.id()),
                Optional.of(i.sha256()), "to " + recipient);
    }

    /** Freezes the case: logs {@link CustodyAction#SEALED} and signs the head. No item can be added after. */
    public synchronized SignedTreeHead seal(String actor) {
        requireOpen("seal");
        append(requireActor(actor), CustodyAction.SEALED, Optional.empty(), Optional.empty(), Optional.empty(),
                items.size() + " items");
        sealed = true;
        return signHead();
    }

    /** Whether the case is sealed. */
    public synchronized boolean isSealed() {
        return sealed;
    }

    /** Signs (and timestamps, when an authority is configured) the log's current head. */
    public synchronized SignedTreeHead signHead() {
        String keyId = keys.currentKeyId();
        PublicKey pub = keys.publicKey(keyId).orElseThrow(() -> new EvidenceException("signing keys have no public"
                + " key for their current key id \"" + keyId + "\""));
        long size = log.size();
        Sha256 root = log.root();
        Instant at = now();
        byte[] sig = keys.sign(keyId, SignedTreeHead.signedBytes(caseId, size, root, at, keyId));
        SignedTreeHead unstamped = new SignedTreeHead(caseId, size, root, at, keyId, sig, Optional.empty());
        if (!unstamped.verifySignature(pub)) {
            throw new EvidenceException("signing key \"" + keyId + "\" produced a signature its public key rejects");
        }
        SignedTreeHead head = tsa.map(t -> new SignedTreeHead(caseId, size, root, at, keyId, sig,
                Optional.of(t.timestamp(unstamped.imprint())))).orElse(unstamped);
        journal.append(JournalCodec.headRecord(head));
        usedKeys.put(keyId, pub);
        heads.add(head);
        return head;
    }

    /** All heads signed so far, oldest first. */
    public synchronized List<SignedTreeHead> heads() {
        return List.copyOf(heads);
    }

    /** The item with this id, if any. */
    public synchronized Optional<EvidenceItem> item(String itemId) {
        return Optional.ofNullable(items.get(itemId));
    }

    /** All items, ordered by id. */
    public synchronized List<EvidenceItem> items() {
        return List.copyOf(items.values());
    }

    /** The custody log, for reading and proofs; its {@code append} is refused (record through the chain). */
    public CustodyLog custodyLog() {
        return log;
    }

    /** The log position of the entry that added {@code itemId}. */
    public synchronized long entrySeqOf(String itemId) {
        requireItem(itemId);
        return itemEntrySeq.get(itemId);
    }

    /**
     * Logs {@link CustodyAction#EXPORTED}, signs a new head and streams the bundle to {@code out} (not
     * closed). Returns the head the bundle carries.
     */
    public synchronized SignedTreeHead exportBundle(OutputStream out, String actor) {
        Objects.requireNonNull(out, "out");
        append(requireActor(actor), CustodyAction.EXPORTED, Optional.empty(), Optional.empty(), Optional.empty(),
                "bundle of " + items.size() + " items");
        List<SignedTreeHead> earlier = List.copyOf(heads);
        SignedTreeHead head = signHead();
        BundleWriter.Content c = new BundleWriter.Content(caseId, violationCode, head.signedAt(), actor,
                List.copyOf(items.values()), log.entries(), head, earlier, Map.copyOf(usedKeys),
                tsa.flatMap(TimestampAuthority::verificationKey), log, Map.copyOf(itemEntrySeq));
        try {
            BundleWriter.write(c, store, keys, out);
        } catch (IOException e) {
            throw new EvidenceException("export of case " + caseId + " failed: " + e.getMessage(), e);
        }
        LOG.info("case {}: exported {} items, log size {}", caseId, items.size(), head.treeSize());
        return head;
    }

    /** Exports to a file, written to a temp file beside it and moved into place when complete. */
    public SignedTreeHead exportBundle(Path file, String actor) {
        return BundleWriter.toFile(file, out -> exportBundle(out, actor));
    }

    private void record(EvidenceItem item, CustodyAction action, String actor, String detail) {
        append(actor, action, Optional.of(item), Optional.of(item.id()), Optional.of(item.sha256()), detail);
    }

    private String nextId() {
        return String.format("item-%04d", items.size() + 1);
    }

    private synchronized EvidenceItem requireItem(String itemId) {
        Objects.requireNonNull(itemId, "itemId");
        EvidenceItem i = items.get(itemId);
        if (i == null) {
            throw new EvidenceException("case " + caseId + " has no item \"" + itemId + "\"");
        }
        return i;
    }

    private void requireOpen(String what) {
        if (sealed) {
            throw new EvidenceException("case " + caseId + " is sealed; cannot " + what
                    + " (nothing may be written after freezing)");
        }
    }

    private static String requireActor(String actor) {
        Objects.requireNonNull(actor, "actor");
        if (actor.isBlank()) {
            throw new EvidenceException("actor must name who acted (officer or system id)");
        }
        return actor;
    }
}
