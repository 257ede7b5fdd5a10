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
import java.util.HashSet;
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
 * requires the signing key to be one of the agency's published keys ({@link Builder#trustKey(Sha256)}).
 * Items are streamed, never loaded whole. Stateless after building; thread-safe.
 */
public final class BundleVerifier {
    private static final long MAX_JSON_BYTES = 256L << 20;
    private final Set<Sha256> trusted;
    private final Progress progress;

    /** Receives progress while item bytes are checked. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} item bytes are verified. */
        void update(long done, long total);
    }

    private BundleVerifier(Builder b) {
        this.trusted = Set.copyOf(b.trusted);
        this.progress = b.progress;
    }

    /** A verifier trusting any key the bundle carries (it reports their fingerprints in the notes). */
    public static BundleVerifier create() {
        return builder().build();
    }

    /** Starts a configured verifier. */
    public static Builder builder() {
        return new Builder();
    }

    /** Verifies the bundle file. Never throws for a bad bundle: every finding is in the report. */
    public VerificationReport verify(Path bundle) {
        Objects.requireNonNull(bundle, "bundle");
        Run run = new Run();
        try (FileChannel ch = FileChannel.open(bundle, StandardOpenOption.READ)) {
            run.verify(ch);
        } catch (IOException e) {
            run.problem(Kind.ZIP_STRUCTURE, bundle.toString(), "cannot check: cannot read the bundle: " + e.getMessage());
        } catch (RuntimeException e) {
            // Safety net: a malformed bundle must be reported, never crash the verifier.
            run.problem(Kind.MANIFEST, bundle.toString(), "unreadable content (" + e.getClass().getSimpleName()
                    + "): " + e.getMessage());
        }
        return new VerificationReport(run.caseId, run.problems, run.notes);
    }

    private record Parsed(JsonNode node, byte[] raw) {
    }

    /** One verification; collects findings. */
    private final class Run {
        final List<VerificationProblem> problems = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        String caseId = "";
        final byte[] buf = new byte[64 * 1024];

        void problem(Kind k, String where, String msg) {
            problems.add(new VerificationProblem(k, where, msg));
        }

        void verify(FileChannel ch) throws IOException {
            List<StrictZipReader.Entry> entries;
            try {
                entries = StrictZipReader.read(ch);
            } catch (EvidenceException e) {
                problem(Kind.ZIP_STRUCTURE, "bundle", e.getMessage());
                return;
            }
            Map<String, StrictZipReader.Entry> byName = new LinkedHashMap<>();
            entries.forEach(e -> byName.put(e.name(), e));
            Parsed m = json(ch, byName, ManifestCodec.MANIFEST, Kind.MANIFEST);
            if (m == null) {
                return;
            }
            BundleModel model;
            try {
                model = BundleModel.parse(m.node(), m.raw());
            } catch (EvidenceException e) {
                problem(Kind.MANIFEST, ManifestCodec.MANIFEST, e.getMessage());
                return;
            }
            caseId = model.caseId();
            notes.add("case " + model.caseId() + " (" + model.violationCode() + "), " + model.items().size()
                    + " items, custody log of " + model.head().treeSize() + " entries, exported "
                    + model.exportedAt() + " by " + model.exportedBy());
            checkKeys(model);
            checkManifestSignature(ch, byName, model);
            checkHead(model);
            Set<String> expected = new HashSet<>(List.of(ManifestCodec.MANIFEST, ManifestCodec.MANIFEST_SIG,
                    ManifestCodec.LOG, ManifestCodec.PROOFS));
            model.items().forEach(i -> expected.add(ManifestCodec.ITEMS_DIR + i.id()));
            for (String name : byName.keySet()) {
                if (!expected.contains(name)) {
                    problem(Kind.EXTRA_FILE, name, "file is in the bundle but not listed in the signed manifest");
                }
            }
            checkItems(ch, byName, model);
            List<byte[]> lines = checkLog(ch, byName, model);
            checkProofs(ch, byName, model, lines);
        }

        private void checkKeys(BundleModel model) {
            for (Map.Entry<String, PublicKey> k : model.keys().entrySet()) {
                Sha256 fp = Ed25519.fingerprint(k.getValue());
                notes.add("signing key " + k.getKey() + " fingerprint (SHA-256 of X.509 key) " + fp);
                if (!trusted.isEmpty() && !trusted.contains(fp)) {
                    problem(Kind.SIGNATURE, "key " + k.getKey(), "key fingerprint " + fp
                            + " is not among the trusted keys given to the verifier");
                }
            }
        }

        private void checkManifestSignature(FileChannel ch, Map<String, StrictZipReader.Entry> byName,
                BundleModel model) throws IOException {
            Parsed parsed = json(ch, byName, ManifestCodec.MANIFEST_SIG, Kind.SIGNATURE);
            if (parsed == null) {
                return;
            }
            JsonNode sig = parsed.node();
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
                    problem(Kind.SIGNATURE, ManifestCodec.MANIFEST, "the manifest's Ed25519 signature does not verify:"
                            + " the manifest or its signature was changed");
                }
            } catch (EvidenceException e) {
                problem(Kind.SIGNATURE, where, e.getMessage());
            }
        }

        private void checkHead(BundleModel model) {
            SignedTreeHead head = model.head();
            PublicKey key = model.keys().get(head.keyId());
            if (key == null) {
                problem(Kind.SIGNATURE, "tree head", "signed with key \"" + head.keyId() + "\" which the bundle lacks");
            } else if (!head.verifySignature(key)) {
                problem(Kind.SIGNATURE, "tree head", "the tree head signature does not verify");
            }
            if (!head.caseId().equals(model.caseId())) {
                problem(Kind.MANIFEST, "tree head", "head is for case " + head.caseId() + ", manifest for "
                        + model.caseId());
            }
            head.timestamp().ifPresentOrElse(t -> {
                if (!t.messageImprint().equals(head.imprint())) {
                    problem(Kind.TIMESTAMP, "tree head", "the timestamp is for a different tree head");
                } else if (LocalTimestampAuthority.FORMAT.equals(t.format())) {
                    if (model.timestampKey().isEmpty()) {
                        problem(Kind.TIMESTAMP, "tree head", "local timestamp present but no timestampKey to check it");
                    } else if (!LocalTimestampAuthority.verify(t, model.timestampKey().get())) {
                        problem(Kind.TIMESTAMP, "tree head", "the timestamp signature does not verify");
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

        private void checkItems(FileChannel ch, Map<String, StrictZipReader.Entry> byName, BundleModel model)
                throws IOException {
            long total = 0;
            for (EvidenceItem i : model.items()) {
                total += i.sizeBytes();
            }
            long done = 0;
            for (EvidenceItem item : model.items()) {
                String name = ManifestCodec.ITEMS_DIR + item.id();
                StrictZipReader.Entry e = byName.get(name);
                if (e == null) {
                    problem(Kind.ITEM_MISSING, name, "item " + item.id() + " (" + item.kind()
                            + ") is listed in the manifest but absent from the bundle");
                    continue;
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
                            progress.update(done + n, total);
                        }
                    }
                }
                done += item.sizeBytes();
                Sha256 got = Sha256.of(d.digest());
                if (!got.equals(item.sha256()) || n != item.sizeBytes()) {
                    problem(Kind.ITEM_CHANGED, name, "content differs from the hash recorded at collection: SHA-256 "
                            + got + " (" + n + " bytes), recorded " + item.sha256() + " (" + item.sizeBytes()
                            + " bytes)");
                } else if (crc.getValue() != e.crc()) {
                    problem(Kind.ZIP_STRUCTURE, name, "ZIP CRC-32 field does not match the content");
                }
                if (progress != null) {
                    progress.update(done, total);
                }
            }
        }

        private List<byte[]> checkLog(FileChannel ch, Map<String, StrictZipReader.Entry> byName, BundleModel model)
                throws IOException {
            byte[] raw = file(ch, byName, ManifestCodec.LOG, model, Kind.CUSTODY_LOG);
            if (raw == null) {
                return null;
            }
            CustodyLogCheck check = CustodyLogCheck.check(raw, model);
            check.problems().forEach(p -> problem(Kind.CUSTODY_LOG, p[0], p[1]));
            for (String[] p : check.missingItems()) {
                problem(Kind.ITEM_MISSING, p[0], p[1]);
            }
            return check.lines();
        }

        private void checkProofs(FileChannel ch, Map<String, StrictZipReader.Entry> byName, BundleModel model,
                List<byte[]> lines) throws IOException {
            byte[] raw = file(ch, byName, ManifestCodec.PROOFS, model, Kind.PROOF);
            if (raw == null) {
                return;
            }
            try {
                JsonNode p = CanonicalJson.parseCanonical(raw, ManifestCodec.PROOFS);
                ProofCheck.check(p, model, lines).forEach(s -> problem(Kind.PROOF, s[0], s[1]));
            } catch (EvidenceException e) {
                problem(Kind.PROOF, ManifestCodec.PROOFS, e.getMessage());
            }
        }

        /** A small file listed in manifest.files, checked against its recorded hash. */
        private byte[] file(FileChannel ch, Map<String, StrictZipReader.Entry> byName, String name, BundleModel model,
                Kind kind) throws IOException {
            StrictZipReader.Entry e = byName.get(name);
            if (e == null) {
                problem(kind, name, "file is missing from the bundle");
                return null;
            }
            byte[] raw = read(ch, e, kind);
            if (raw == null) {
                return null;
            }
            BundleModel.FileRef ref = model.files().get(name);
            if (ref == null) {
                problem(Kind.MANIFEST, name, "the manifest does not record this file's hash");
            } else if (!Sha256.hash(raw).equals(ref.sha256()) || raw.length != ref.sizeBytes()) {
                problem(kind, name, "file differs from the hash recorded in the signed manifest");
            }
            return raw;
        }

        private Parsed json(FileChannel ch, Map<String, StrictZipReader.Entry> byName, String name, Kind kind)
                throws IOException {
            StrictZipReader.Entry e = byName.get(name);
            if (e == null) {
                problem(kind, name, "file is missing from the bundle");
                return null;
            }
            byte[] raw = read(ch, e, kind);
            if (raw == null) {
                return null;
            }
            try {
                return new Parsed(CanonicalJson.parseCanonical(raw, name), raw);
            } catch (EvidenceException ex) {
                problem(kind, name, ex.getMessage());
                return null;
            }
        }

        private byte[] read(FileChannel ch, StrictZipReader.Entry e, Kind kind) throws IOException {
            if (e.size() > MAX_JSON_BYTES) {
                problem(kind, e.name(), "file is " + e.size() + " bytes, more than this verifier reads into memory");
                return null;
            }
            byte[] out;
            try (InputStream in = StrictZipReader.open(ch, e)) {
                out = in.readAllBytes();
            }
            CRC32 crc = new CRC32();
            crc.update(out);
            if (crc.getValue() != e.crc()) {
                problem(Kind.ZIP_STRUCTURE, e.name(), "ZIP CRC-32 does not match the content: the file was changed");
            }
            return out;
        }
    }

    /** Configures a {@link BundleVerifier}. */
    public static final class Builder {
        private final Set<Sha256> trusted = new HashSet<>();
        private Progress progress;

        private Builder() {
        }

        /**
         * Requires every signing key in the bundle to have this fingerprint (SHA-256 of its X.509 encoding,
         * as published by the agency); may be called several times.
         */
        public Builder trustKey(Sha256 fingerprint) {
            trusted.add(Objects.requireNonNull(fingerprint, "fingerprint"));
            return this;
        }

        /** Receives progress while item bytes are verified. */
        public Builder progress(Progress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Builds the verifier. */
        public BundleVerifier build() {
            return new BundleVerifier(this);
        }
    }
}
