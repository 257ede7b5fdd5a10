package io.offsite.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offsite.evidence.spi.BlobStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Streams an export bundle: {@code manifest.json} (canonical JSON: case, items with hashes, file hashes,
 * the signed head, public keys), {@code manifest.sig.json} (Ed25519 over the manifest bytes),
 * {@code custody/log.jsonl} (one canonical entry per line), {@code custody/proofs.json} (inclusion proofs
 * of every item's entry, earlier heads with consistency proofs) and {@code items/<id>}. Before writing,
 * every blob is re-read and its SHA-256 re-checked, so a bundle never ships silently corrupted storage.
 */
final class BundleWriter {

    /** Everything a bundle states. */
    record Content(String caseId, String violationCode, Instant exportedAt, String exportedBy,
            List<EvidenceItem> items, List<CustodyEntry> log, SignedTreeHead head, List<SignedTreeHead> earlierHeads,
            Map<String, PublicKey> keys, Optional<PublicKey> timestampKey, CustodyLog custody,
            Map<String, Long> itemEntrySeq) {
    }

    private BundleWriter() {
    }

    static void write(Content c, BlobStore store, io.offsite.evidence.spi.SigningKeys signer, OutputStream out)
            throws IOException {
        byte[] log = logBytes(c.log());
        byte[] proofs = CanonicalJson.write(proofs(c));
        Map<String, Long> crcs = new HashMap<>();
        byte[] buf = new byte[64 * 1024];
        for (EvidenceItem item : c.items()) {
            crcs.put(item.id(), recheck(item, store, buf));
        }
        ObjectNode m = CanonicalJson.object();
        m.put("format", ManifestCodec.FORMAT);
        m.put("caseId", c.caseId());
        m.put("violationCode", c.violationCode());
        m.put("exportedAt", c.exportedAt().toString());
        m.put("exportedBy", c.exportedBy());
        ArrayNode items = m.putArray("items");
        c.items().forEach(i -> items.add(ManifestCodec.itemToJson(i)));
        ObjectNode files = m.putObject("files");
        fileEntry(files, ManifestCodec.LOG, log);
        fileEntry(files, ManifestCodec.PROOFS, proofs);
        m.set("head", c.head().toJson());
        ObjectNode keys = m.putObject("keys");
        c.keys().forEach((id, k) -> keys.put(id, Ed25519.encodePublic(k)));
        c.timestampKey().ifPresent(k -> m.put("timestampKey", Ed25519.encodePublic(k)));
        byte[] manifest = CanonicalJson.write(m);
        ObjectNode sig = CanonicalJson.object();
        sig.put("algorithm", Ed25519.ALGORITHM);
        sig.put("keyId", c.head().keyId());
        sig.put("signature", Sha256.Hex.encode(signer.sign(c.head().keyId(), manifest)));

        StoredZipWriter zip = new StoredZipWriter(out);
        zip.add(ManifestCodec.MANIFEST, manifest);
        zip.add(ManifestCodec.MANIFEST_SIG, CanonicalJson.write(sig));
        zip.add(ManifestCodec.LOG, log);
        zip.add(ManifestCodec.PROOFS, proofs);
        for (EvidenceItem item : c.items()) {
            try (InputStream in = openBlob(store, item)) {
                zip.add(ManifestCodec.ITEMS_DIR + item.id(), item.sizeBytes(), crcs.get(item.id()), in);
            }
        }
        zip.finish();
    }

    static byte[] logBytes(List<CustodyEntry> log) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(log.size() * 200);
        for (CustodyEntry e : log) {
            b.writeBytes(e.canonicalBytes());
            b.write('\n');
        }
        return b.toByteArray();
    }

    private static ObjectNode proofs(Content c) {
        ObjectNode o = CanonicalJson.object();
        ArrayNode inc = o.putArray("inclusion");
        for (EvidenceItem item : c.items()) {
            long seq = c.itemEntrySeq().get(item.id());
            InclusionProof p = c.custody().inclusionProof(seq, c.head().treeSize());
            ObjectNode e = inc.addObject();
            e.put("item", item.id());
            e.put("seq", seq);
            e.put("treeSize", p.treeSize());
            ArrayNode path = e.putArray("path");
            p.path().forEach(h -> path.add(h.hex()));
        }
        ArrayNode cons = o.putArray("earlierHeads");
        for (SignedTreeHead h : c.earlierHeads()) {
            ObjectNode e = cons.addObject();
            e.set("head", h.toJson());
            ArrayNode path = e.putArray("consistencyPath");
            if (h.treeSize() > 0) {
                c.custody().consistencyProof(h.treeSize(), c.head().treeSize()).path().forEach(x -> path.add(x.hex()));
            }
        }
        return o;
    }

    private static void fileEntry(ObjectNode files, String name, byte[] data) {
        ObjectNode f = files.putObject(name);
        f.put("sha256", Sha256.hash(data).hex());
        f.put("sizeBytes", data.length);
    }

    private static long recheck(EvidenceItem item, BlobStore store, byte[] buf) throws IOException {
        MessageDigest d = Sha256.newDigest();
        CRC32 crc = new CRC32();
        long n = 0;
        try (InputStream in = openBlob(store, item)) {
            int r;
            while ((r = in.read(buf)) >= 0) {
                d.update(buf, 0, r);
                crc.update(buf, 0, r);
                n += r;
            }
        }
        Sha256 got = Sha256.of(d.digest());
        if (!got.equals(item.sha256()) || n != item.sizeBytes()) {
            throw new EvidenceException("item " + item.id() + ": stored bytes no longer match the hash recorded at"
                    + " collection (recorded " + item.sha256() + ", " + item.sizeBytes() + " bytes; now " + got
                    + ", " + n + " bytes); refusing to export");
        }
        return crc.getValue();
    }

    private static InputStream openBlob(BlobStore store, EvidenceItem item) {
        return store.open(item.sha256()).orElseThrow(() -> new EvidenceException("item " + item.id()
                + ": blob " + item.sha256() + " is missing from the blob store; refusing to export"));
    }

    /** Writes through a temp file beside {@code file}, moved into place atomically when complete. */
    static SignedTreeHead toFile(Path file, Function<OutputStream, SignedTreeHead> writer) {
        Objects.requireNonNull(file, "file");
        Path tmp = file.toAbsolutePath().getParent().resolve(file.getFileName() + ".partial");
        try {
            SignedTreeHead head;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                head = writer.apply(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return head;
        } catch (IOException e) {
            throw new EvidenceException("cannot write bundle " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                LoggerFactory.getLogger(BundleWriter.class).warn("could not delete temp file {}", tmp, e);
            }
        }
    }
}
