package io.offsite.evidence;

import io.offsite.evidence.spi.BlobRef;
import io.offsite.evidence.spi.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A content-addressed {@link BlobStore} in one directory: each blob is the file named by its SHA-256 (64
 * hex digits). A write goes to a {@code .incoming-*.tmp} file in the same directory, is fsynced, moved
 * atomically to its hash name, and the directory is fsynced; so after a crash a blob is either complete
 * under its name or absent. {@link #open(Path)} deletes temp files left by a crash. Thread-safe; several
 * processes may share a directory (identical content races to the same name harmlessly).
 */
public final class FileSystemBlobStore implements BlobStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemBlobStore.class);
    private static final String TMP_PREFIX = ".incoming-";
    private static final String TMP_SUFFIX = ".tmp";
    private final Path dir;

    private FileSystemBlobStore(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating if needed) a store in {@code dir}, deleting temp files a crash may have left. */
    public static FileSystemBlobStore open(Path dir) {
        Objects.requireNonNull(dir, "dir");
        try {
            Files.createDirectories(dir);
            int removed = 0;
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, TMP_PREFIX + "*" + TMP_SUFFIX)) {
                for (Path p : ds) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
            if (removed > 0) {
                LOG.warn("blob store {}: deleted {} incomplete temp file(s) left by an interrupted write", dir,
                        removed);
                fsyncDirectory(dir);
            }
        } catch (IOException e) {
            throw new EvidenceException("cannot open blob store directory " + dir + ": " + e.getMessage(), e);
        }
        return new FileSystemBlobStore(dir);
    }

    /** The store's directory. */
    public Path directory() {
        return dir;
    }

    @Override
    public BlobRef put(InputStream content) {
        Objects.requireNonNull(content, "content");
        Path tmp = dir.resolve(TMP_PREFIX + UUID.randomUUID() + TMP_SUFFIX);
        try {
            BlobRef ref;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                ref = StreamingSha256.create().copy(content, out);
                out.flush();
                ch.force(true);
            }
            Path target = dir.resolve(ref.sha256().hex());
            if (Files.exists(target)) {
                Files.delete(tmp);
                return ref;
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
                return ref;
            } catch (AtomicMoveNotSupportedException e) {
                throw new EvidenceException("blob store " + dir + " is on a file system without atomic rename;"
                        + " refusing to store blobs that could be seen half-written", e);
            }
            fsyncDirectory(dir);
            return ref;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof EvidenceException) {
                throw (EvidenceException) e;
            }
            throw new EvidenceException("cannot store blob in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<InputStream> open(Sha256 sha256) {
        Objects.requireNonNull(sha256, "sha256");
        try {
            return Optional.of(Files.newInputStream(dir.resolve(sha256.hex())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new EvidenceException("cannot read blob " + sha256 + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<BlobRef> find(Sha256 sha256) {
        Objects.requireNonNull(sha256, "sha256");
        Path p = dir.resolve(sha256.hex());
        try {
            return Optional.of(new BlobRef(sha256, Files.size(p)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new EvidenceException("cannot stat blob " + sha256 + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Re-reads a stored blob and checks its content still has its name's hash (bit rot, tampering).
     * Returns false if the blob is absent or its content no longer matches.
     */
    public boolean verify(Sha256 sha256) {
        Optional<InputStream> in = open(sha256);
        if (in.isEmpty()) {
            return false;
        }
        try (InputStream s = in.get()) {
            return StreamingSha256.create().hash(s).sha256().equals(sha256);
        } catch (IOException e) {
            throw new EvidenceException("cannot re-read blob " + sha256 + ": " + e.getMessage(), e);
        }
    }


    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
                throw e;
            }
        }
    }
}
