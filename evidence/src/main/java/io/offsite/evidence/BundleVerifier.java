package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.offsite.evidence.VerificationProblem.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The independent verifier: checks a bundle without any access to the system that made it. It reports
 * every problem it can name — a changed byte anywhere (ZIP headers included), a missing or extra item, a
 * removed, reordered or altered custody entry, a bad signature, proof or timestamp. Optionally it
 * requires the signing key to be one of the agency's published keys ({@link BundleVerifierBuilder#trustKey(Sha256)}).
 * Items are streamed, never loaded whole; the manifest is read item by item (at most {@link #MAX_MANIFEST_BYTES},
 * {@value BundleModel#MAX_ITEMS} items), the custody log line by line and the proofs one at a time, so memory stays
 * bounded (about 3 × the manifest size plus a few hundred bytes per item and tens per log line). Stateless after building;
 * thread-safe.
 */
public final class BundleVerifier {
    /** Largest manifest read (16 MiB): it is held in memory for its Ed25519 signature check. */
    public static final long MAX_MANIFEST_BYTES = 16L << 20;
    /** Largest custody log or proofs file read (64 MiB each, one at a time). */
    public static final long MAX_JSON_BYTES = 64L << 20;
    /** Largest manifest signature file read. */
    static final long MAX_SMALL_JSON_BYTES = 64L << 10;
    /** Most problems a report lists; the rest are counted in one last problem. */
    public static final int MAX_PROBLEMS = 1_000;
    private static final Set<String> FIXED_FILES = Set.of(ManifestCodec.MANIFEST, ManifestCodec.MANIFEST_SIG,
            ManifestCodec.LOG, ManifestCodec.PROOFS);
    private final Set<Sha256> trusted;
    private final Progress progress;

    /** Receives progress while item bytes are checked. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} item bytes are verified. */
        void update(long done, long total);
    }

    BundleVerifier(BundleVerifierBuilder b) {
        this.trusted = Set.copyOf(b.trusted);
        this.progress = b.progress;
    }

    /** A verifier trusting any key the bundle carries (it reports their fingerprints in the notes). */
    public static BundleVerifier create() {
        return builder().build();
    }

    /** Starts a configured verifier. */
    public static BundleVerifierBuilder builder() {
        return new BundleVerifierBuilder();
    }

    /**
     * Verifies the bundle file. Never throws for a bad bundle: every finding is in the report. Whatever is not a
     * detected alteration — a bundle over this verifier's limits, an unreadable file, or a failure of the verifier
     * itself (an unexpected exception, out of memory, stack overflow) — is reported as
     * {@link VerificationProblem.Kind#CANNOT_CHECK} ({@link VerificationReport#cannotCheck()}), never as tampering.
     */
    public VerificationReport verify(Path bundle) {
        Objects.requireNonNull(bundle, "bundle");
        Run run = new Run();
        try {
            run.verify(bundle);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            run.problems.clear(); // free what we can; nothing is claimed about the bundle
            run.add(Kind.CANNOT_CHECK, bundle.toString(), "the verifier failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + Json.clip(e.getMessage())) + "); nothing is claimed about"
                    + " the bundle");
        }
        return run.report();
    }

    /** Verification without the safety net of {@link #verify}: for fuzzing, where any escape is a finding. */
    VerificationReport verifyUnguarded(Path bundle) {
        Run run = new Run();
        run.verify(bundle);
        return run.report();
    }

    /** One verification; collects findings (at most {@link #MAX_PROBLEMS} listed). */
    private final class Run implements ProblemSink {
        final List<VerificationProblem> problems = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        String caseId = "";
        long suppressed;
        final byte[] buf = new byte[64 * 1024];
        long itemBytesDone;
        long itemBytesTotal;

        @Override
        public void add(Kind k, String where, String msg) {
            if (k == Kind.CANNOT_CHECK || problems.size() < MAX_PROBLEMS) {
                problems.add(new VerificationProblem(k, where, msg));
            } else {
                suppressed++;
            }
        }

        VerificationReport report() {
            List<VerificationProblem> out = new ArrayList<>(problems);
            if (suppressed > 0) {
                out.add(new VerificationProblem(out.get(out.size() - 1).kind(), "bundle", suppressed
                        + " more problems were found but not listed (the report lists at most " + MAX_PROBLEMS + ")"));
            }
            return new VerificationReport(caseId, out, notes);
        }

        void verify(Path bundle) {
            try (FileChannel ch = FileChannel.open(bundle, StandardOpenOption.READ)) {
                verify(ch);
            } catch (IOException e) {
                add(Kind.CANNOT_CHECK, bundle.toString(), "cannot read the bundle: " + e.getMessage());
            }
        }

        void verify(FileChannel ch) throws IOException {
            List<StrictZipReader.Entry> entries;
            try {
                entries = StrictZipReader.read(ch);
            } catch (OverLimitException e) {
                add(Kind.CANNOT_CHECK, "bundle", e.getMessage());
                return;
            } catch (EvidenceException e) {
                add(Kind.ZIP_STRUCTURE, "bundle", e.getMessage());
                return;
            }
            Map<String, StrictZipReader.Entry> byName = new LinkedHashMap<>();
            entries.forEach(e -> byName.put(e.name(), e));
            for (StrictZipReader.Entry e : entries) {
                if (e.name().startsWith(ManifestCodec.ITEMS_DIR)) {
                    itemBytesTotal += e.size();
                }
            }
            byte[] raw = read(ch, byName, ManifestCodec.MANIFEST, Kind.MANIFEST, MAX_MANIFEST_BYTES);
            if (raw == null) {
                return;
            }
            BundleModel model;
            try {
                model = BundleModel.parse(raw, item -> checkItem(ch, byName, item));
            } catch (OverLimitException e) {
                add(Kind.CANNOT_CHECK, ManifestCodec.MANIFEST, e.getMessage());
                return;
            } catch (EvidenceException e) {
                add(Kind.MANIFEST, ManifestCodec.MANIFEST, e.getMessage());
                return;
            }
            caseId = model.caseId();
            notes.add("case " + model.caseId() + " (" + model.violationCode() + "), " + model.items().size()
                    + " items, custody log of " + model.head().treeSize() + " entries, exported "
                    + model.exportedAt() + " by " + model.exportedBy());
            checkKeys(model);
            checkManifestSignature(ch, byName, model);
            checkHead(model);
            for (String name : byName.keySet()) {
                boolean item = name.startsWith(ManifestCodec.ITEMS_DIR)
                        && model.items().containsKey(name.substring(ManifestCodec.ITEMS_DIR.length()));
                if (!item && !FIXED_FILES.contains(name)) {
                    add(Kind.EXTRA_FILE, name, "file is in the bundle but not listed in the signed manifest");
                }
            }
            MerkleTree tree = checkLog(ch, byName, model);
            checkProofs(ch, byName, model, tree);
        }
        private void checkKeys(BundleModel model) {
            for (Map.Entry<String, PublicKey> k : model.keys().entrySet()) {
                Sha256 fp = Ed25519.fingerprint(k.getValue());
                notes.add("signing key " + k.getKey() + " fingerprint (SHA-256 of X.509 key) " + fp);
                if (!trusted.isEmpty() && !trusted.contains(fp)) {
                    add(Kind.SIGNATURE, "key " + k.getKey(), "key fingerprint " + fp
                            + " is not among the trusted keys given to the verifier");
                }
            }
        }

        private void checkManifestSignature(FileChannel ch, Map<String, StrictZipReader.Entry> byName,
                BundleModel model) throws IOException {
            JsonNode sig = json(ch, byName, ManifestCodec.MANIFEST_SIG, Kind.SIGNATURE);
            if (sig == null) {
                return;
            }
            String where = ManifestCodec.MANIFEST_SIG;
            try {
                Json.allowOnly(sig, where, "algorithm", "keyId", "signature");
                if (!Ed25519.ALGORITHM.equals(Json.requireText(sig, "algorithm", where))) {
                    throw new EvidenceException(where + ": algorithm must be Ed25519");
                }
                String keyId = Json.requireText(sig, "keyId", where);
                PublicKey key = model.keys().get(keyId);
                if (key == null) {
                    throw new EvidenceException("manifest is signed with key \"" + keyId
                            + "\" which the manifest does not carry");
                }
                byte[] s = Sha256.Hex.decode(Json.requireText(sig, "signature", where), where + ".signature");
                if (!Ed25519.verify(key, model.manifestBytes(), s)) {
                    add(Kind.SIGNATURE, ManifestCodec.MANIFEST, "the manifest's Ed25519 signature does not verify:"
                            + " the manifest or its signature was changed");
                }
            } catch (EvidenceException e) {
                add(Kind.SIGNATURE, where, e.getMessage());
            }
        }

        private void checkHead(BundleModel model) {
            SignedTreeHead head = model.head();
            PublicKey key = model.keys().get(head.keyId());
            if (key == null) {
                add(Kind.SIGNATURE, "tree head", "signed with key \"" + head.keyId() + "\" which the bundle lacks");
            } else if (!head.verifySignature(key)) {
                add(Kind.SIGNATURE, "tree head", "the tree head signature does not verify");
            }
            if (!head.caseId().equals(model.caseId())) {
                add(Kind.MANIFEST, "tree head", "head is for case " + head.caseId() + ", manifest for "
                        + model.caseId());
            }
            head.timestamp().ifPresentOrElse(t -> {
                if (!t.messageImprint().equals(head.imprint())) {
                    add(Kind.TIMESTAMP, "tree head", "the timestamp is for a different tree head");
                } else if (LocalTimestampAuthority.FORMAT.equals(t.format())) {
                    if (model.timestampKey().isEmpty()) {
                        add(Kind.TIMESTAMP, "tree head", "local timestamp present but no timestampKey to check it");
                    } else if (!LocalTimestampAuthority.verify(t, model.timestampKey().get())) {
                        add(Kind.TIMESTAMP, "tree head", "the timestamp signature does not verify");
                    } else {
                        notes.add("timestamp " + t.genTime() + " by " + t.authority() + " (local test double, "
                                + "NOT an RFC 3161 token; key fingerprint "
                                + Ed25519.fingerprint(model.timestampKey().get()) + ")");
                    }
                } else {
                    notes.add("timestamp of format " + t.format() + " by " + t.authority() + " at " + t.genTime()
                            + " is present; this verifier does not check its signature: verify it with the TSA's"
                            + " tools against imprint " + t.messageImprint());
                }
            }, () -> notes.add("no trusted timestamp on the tree head"));
        }

        private void checkItem(FileChannel ch, Map<String, StrictZipReader.Entry> byName, EvidenceItem item)
                throws IOException {
            String name = ManifestCodec.ITEMS_DIR + item.id();
            StrictZipReader.Entry e = byName.get(name);
            if (e == null) {
                add(Kind.ITEM_MISSING, name, "item " + item.id() + " (" + item.kind()
                        + ") is listed in the manifest but absent from the bundle");
                return;
            }
            MessageDigest d = Sha256.newDigest();
            CRC32 crc = new CRC32();
            long n = 0;
            try (InputStream in = StrictZipReader.open(ch, e)) {
                int r;
                while ((r = in.read(buf)) >= 0) {
                    d.update(buf, 0, r);
                    crc.update(buf, 0, r);
                    n += r;
                    if (progress != null && (n & ((1 << 26) - 1)) < r) {
                        progress.update(itemBytesDone + n, itemBytesTotal);
                    }
                }
            }
            itemBytesDone += n;
            Sha256 got = Sha256.of(d.digest());
            if (!got.equals(item.sha256()) || n != item.sizeBytes()) {
                add(Kind.ITEM_CHANGED, name, "content differs from the hash recorded at collection: SHA-256 "
                        + got + " (" + n + " bytes), recorded " + item.sha256() + " (" + item.sizeBytes() + " bytes)");
            } else if (crc.getValue() != e.crc()) {
                add(Kind.ZIP_STRUCTURE, name, "ZIP CRC-32 field does not match the content");
            }
            if (progress != null) {
                progress.update(itemBytesDone, itemBytesTotal);
            }
        }

        private MerkleTree checkLog(FileChannel ch, Map<String, StrictZipReader.Entry> byName, BundleModel model)
                throws IOException {
            byte[] raw = file(ch, byName, ManifestCodec.LOG, model, Kind.CUSTODY_LOG);
            if (raw == null) {
                return null;
            }
            try {
                return CustodyLogCheck.check(raw, model, this);
            } catch (OverLimitException e) {
                add(Kind.CANNOT_CHECK, ManifestCodec.LOG, e.getMessage());
                return null;
            }
        }

        private void checkProofs(FileChannel ch, Map<String, StrictZipReader.Entry> byName, BundleModel model,
                MerkleTree tree) throws IOException {
            byte[] raw = file(ch, byName, ManifestCodec.PROOFS, model, Kind.PROOF);
            if (raw == null) {
                return;
            }
            try {
                ProofCheck.check(raw, model, tree, this);
            } catch (OverLimitException e) {
                add(Kind.CANNOT_CHECK, ManifestCodec.PROOFS, e.getMessage());
            } catch (EvidenceException e) {
                add(Kind.PROOF, ManifestCodec.PROOFS, e.getMessage());
            }
        }

        /** A file listed in manifest.files, checked against its recorded hash. */
        private byte[] file(FileChannel ch, Map<String, StrictZipReader.Entry> byName, String name, BundleModel model,
                Kind kind) throws IOException {
            byte[] raw = read(ch, byName, name, kind, MAX_JSON_BYTES);
            if (raw == null) {
                return null;
            }
            BundleModel.FileRef ref = model.files().get(name);
            if (ref == null) {
                add(Kind.MANIFEST, name, "the manifest does not record this file's hash");
            } else if (!Sha256.hash(raw).equals(ref.sha256()) || raw.length != ref.sizeBytes()) {
                add(kind, name, "file differs from the hash recorded in the signed manifest");
            }
            return raw;
        }

        /** A parsed canonical JSON file, or null (reported) when it is missing, over the limit or malformed. */
        private JsonNode json(FileChannel ch, Map<String, StrictZipReader.Entry> byName, String name, Kind kind)
                throws IOException {
            byte[] raw = read(ch, byName, name, kind, MAX_SMALL_JSON_BYTES);
            if (raw == null) {
                return null;
            }
            try {
                return CanonicalJson.parseCanonical(raw, name);
            } catch (OverLimitException ex) {
                add(Kind.CANNOT_CHECK, name, ex.getMessage());
            } catch (EvidenceException ex) {
                add(kind, name, ex.getMessage());
            }
            return null;
        }

        /** An entry's bytes, or null (reported) when it is missing or over {@code max} bytes; CRC-checked. */
        private byte[] read(FileChannel ch, Map<String, StrictZipReader.Entry> byName, String name, Kind kind,
                long max) throws IOException {
            StrictZipReader.Entry e = byName.get(name);
            if (e == null) {
                add(kind, name, "file is missing from the bundle");
                return null;
            }
            if (e.size() > max) {
                add(Kind.CANNOT_CHECK, name, "file is " + e.size() + " bytes, over this verifier's limit of " + max
                        + " bytes for it");
                return null;
            }
            byte[] out = new byte[(int) e.size()];
            try (InputStream in = StrictZipReader.open(ch, e)) {
                if (in.readNBytes(out, 0, out.length) != out.length) {
                    throw new IOException("entry " + name + " ends early");
                }
            }
            CRC32 crc = new CRC32();
            crc.update(out);
            if (crc.getValue() != e.crc()) {
                add(Kind.ZIP_STRUCTURE, e.name(), "ZIP CRC-32 does not match the content: the file was changed");
            }
            return out;
        }
    }
}
