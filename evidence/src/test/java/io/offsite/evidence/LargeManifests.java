package io.offsite.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Writes bundles whose manifest lists a huge number of (absent) items, generated on the fly into the ZIP so the
 * test JVM never holds the manifest: the fixture bundle's manifest with its items array replaced.
 */
final class LargeManifests {
    private LargeManifests() {
    }

    /** Just the generated manifest of {@link #bundleWithItems}, in memory. */
    static byte[] manifestWithItems(Path dir, int items) throws IOException {
        return Fixtures.entries(bundleWithItems(dir, items)).get(ManifestCodec.MANIFEST);
    }

    /** A bundle whose canonical manifest lists {@code items} generated items, none of them in the ZIP. */
    static Path bundleWithItems(Path dir, int items) throws IOException {
        Path source = dir.resolve("source.zip");
        Fixtures.parkingChain("case-large").exportBundle(source, "officer-7");
        Map<String, byte[]> entries = Fixtures.entries(source);
        String manifest = new String(entries.get(ManifestCodec.MANIFEST), StandardCharsets.UTF_8);
        int open = manifest.indexOf("\"items\":[") + "\"items\":[".length();
        int close = manifest.indexOf("],\"keys\":");
        byte[] prefix = manifest.substring(0, open).getBytes(StandardCharsets.UTF_8);
        byte[] suffix = manifest.substring(close).getBytes(StandardCharsets.UTF_8);
        EvidenceItem template = new EvidenceItem("gXXXXXXX",
                ItemSpec.builder(ItemKind.STILL, "image/jpeg", Fixtures.T0, "c").build(),
                Sha256.hash(new byte[0]), 0, Optional.empty(), Optional.empty());
        String item = new String(CanonicalJson.write(ManifestCodec.itemToJson(template)), StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        long size = 0;
        try (InputStream in = manifest(prefix, item, items, suffix)) {
            byte[] buf = new byte[1 << 16];
            for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
                crc.update(buf, 0, r);
                size += r;
            }
        }
        Path bundle = dir.resolve("large-" + items + ".zip");
        try (OutputStream out = Files.newOutputStream(bundle); InputStream in = manifest(prefix, item, items, suffix)) {
            StoredZipWriter w = new StoredZipWriter(new java.io.BufferedOutputStream(out, 1 << 16));
            w.add(ManifestCodec.MANIFEST, size, crc.getValue(), in);
            w.add(ManifestCodec.MANIFEST_SIG, entries.get(ManifestCodec.MANIFEST_SIG));
            w.add(ManifestCodec.LOG, entries.get(ManifestCodec.LOG));
            w.add(ManifestCodec.PROOFS, entries.get(ManifestCodec.PROOFS));
            w.finish();
        }
        Files.delete(source);
        return bundle;
    }

    private static InputStream manifest(byte[] prefix, String item, int items, byte[] suffix) {
        int chunk = 1_000;
        Enumeration<InputStream> parts = new Enumeration<>() {
            int next = -1; // -1 = prefix, then item chunks, then suffix

            @Override
            public boolean hasMoreElements() {
                return next <= items;
            }

            @Override
            public InputStream nextElement() {
                if (next == -1) {
                    next = 0;
                    return new ByteArrayInputStream(prefix);
                }
                if (next >= items) {
                    next = items + 1;
                    return new ByteArrayInputStream(suffix);
                }
                StringBuilder sb = new StringBuilder(chunk * (item.length() + 1));
                int end = Math.min(items, next + chunk);
                for (int i = next; i < end; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    sb.append(item.replace("gXXXXXXX", String.format("g%07d", i)));
                }
                next = end;
                return new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }
}
