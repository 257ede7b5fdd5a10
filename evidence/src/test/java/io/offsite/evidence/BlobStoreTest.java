package io.offsite.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.evidence.spi.BlobRef;
import io.offsite.evidence.spi.BlobStore;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
    @TempDir
    Path dir;

    static final String ABC_SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void put_returnsSha256AndSize_andServesTheBytes_inBothStores() throws IOException {
        for (BlobStore s : List.of(InMemoryBlobStore.create(), FileSystemBlobStore.open(dir.resolve("s")))) {
            BlobRef ref = s.put(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)));
            assertThat(ref.sha256().hex()).isEqualTo(ABC_SHA);
            assertThat(ref.sizeBytes()).isEqualTo(3);
            try (InputStream in = s.open(ref.sha256()).orElseThrow()) {
                assertThat(in.readAllBytes()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
            }
            assertThat(s.find(ref.sha256())).contains(ref);
            assertThat(s.open(Sha256.hash(new byte[] {1}))).isEmpty();
            assertThat(s.put(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(ref);
        }
        assertThat(Files.list(dir.resolve("s")).map(p -> p.getFileName().toString())).containsExactly(ABC_SHA);
    }

    @Test
    void failingSourceStream_leavesNoBlobAndNoTempFile() throws IOException {
        FileSystemBlobStore s = FileSystemBlobStore.open(dir);
        InputStream broken = new InputStream() {
            int n;

            @Override
            public int read() throws IOException {
                if (n++ > 100_000) {
                    throw new IOException("camera connection reset");
                }
                return 7;
            }
        };
        assertThatThrownBy(() -> s.put(broken)).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("camera connection reset");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void verify_detectsBitRotInStoredBlob() throws IOException {
        FileSystemBlobStore s = FileSystemBlobStore.open(dir);
        BlobRef ref = s.put(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)));
        assertThat(s.verify(ref.sha256())).isTrue();
        Files.writeString(dir.resolve(ref.sha256().hex()), "abd");
        assertThat(s.verify(ref.sha256())).isFalse();
        assertThat(s.verify(Sha256.hash(new byte[0]))).isFalse();
    }

    @Test
    void killedMidWrite_thenReopened_servesNoPartialBlob_andStillWorks() throws Exception {
        Path store = dir.resolve("store");
        Files.createDirectories(store);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), store.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.equals("WRITING")) {
                // skip JVM chatter
            }
            assertThat(line).as("child reached the middle of its write").isEqualTo("WRITING");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (Stream<Path> files = Files.list(store)) {
            List<Path> left = files.toList();
            assertThat(left).as("the killed write left only a temp file").allMatch(p -> p.getFileName().toString()
                    .startsWith(".incoming-"));
            assertThat(left).isNotEmpty();
        }
        FileSystemBlobStore reopened = FileSystemBlobStore.open(store);
        try (Stream<Path> files = Files.list(store)) {
            assertThat(files).as("stray temp files deleted on open").isEmpty();
        }
        BlobRef ref = reopened.put(new ByteArrayInputStream("after restart".getBytes(StandardCharsets.UTF_8)));
        assertThat(reopened.verify(ref.sha256())).isTrue();
        try (Stream<Path> files = Files.list(store)) {
            assertThat(files).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                    .isEqualTo(ref.sha256().hex()));
        }
    }

    @Test
    void streamingSha256_matchesMessageDigest_andCopiesExactly() throws IOException {
        byte[] data = new byte[300_001];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        BlobRef ref = StreamingSha256.withBuffer(4096).copy(new ByteArrayInputStream(data), out);
        assertThat(ref.sha256()).isEqualTo(Sha256.hash(data));
        assertThat(ref.sizeBytes()).isEqualTo(data.length);
        assertThat(out.toByteArray()).isEqualTo(data);
        assertThatThrownBy(() -> StreamingSha256.withBuffer(10)).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("bufferBytes");
    }

    @Test
    void sha256Parse_acceptsOnlyLowerCaseHex() {
        assertThat(Sha256.parse(ABC_SHA).hex()).isEqualTo(ABC_SHA);
        assertThatThrownBy(() -> Sha256.parse(ABC_SHA.toUpperCase())).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("lower-case hex");
        assertThatThrownBy(() -> Sha256.parse("abc")).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("64");
    }
}
