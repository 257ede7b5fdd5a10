package io.offsite.evidence;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Child-process main for the crash test: streams an endless pseudo-random blob into a
 * {@link FileSystemBlobStore}, printing {@code WRITING} once a few MiB are in the temp file, so the parent
 * can kill it mid-write.
 */
public final class CrashingWriter {
    private CrashingWriter() {
    }

    public static void main(String[] args) {
        FileSystemBlobStore store = FileSystemBlobStore.open(Path.of(args[0]));
        store.put(new InputStream() {
            private long n;
            private long x = 88172645463325252L;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    x ^= x << 13;
                    x ^= x >>> 7;
                    x ^= x << 17;
                    b[off + i] = (byte) x;
                }
                n += len;
                if (n >= (8 << 20) && n - len < (8 << 20)) {
                    System.out.println("WRITING");
                    System.out.flush();
                }
                return len;
            }
        });
    }
}
