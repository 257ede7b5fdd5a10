package io.offsite.evidence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An item frozen into a case's chain: its id, what the host said about it, and the SHA-256 and size
 * computed while its bytes streamed into the blob store. A redacted or derived copy is a new item whose
 * {@code derivedFrom} names the original (as C2PA's "ingredient" does).
 *
 * @param id          item id, unique in the case ({@code [A-Za-z0-9._-]}, 1–64 chars)
 * @param spec        metadata supplied at intake
 * @param sha256      digest of the bytes
 * @param sizeBytes   number of bytes
 * @param derivedFrom id of the original when this is a derived/redacted copy
 * @param derivation  how it was derived (e.g. "faces blurred"), when derived
 */
public record EvidenceItem(String id, ItemSpec spec, Sha256 sha256, long sizeBytes, Optional<String> derivedFrom,
        Optional<String> derivation) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public EvidenceItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(derivedFrom, "derivedFrom");
        Objects.requireNonNull(derivation, "derivation");
        requireId(id, "item id");
        if (sizeBytes < 0) {
            throw new EvidenceException("sizeBytes of item " + id + " must be >= 0, was " + sizeBytes);
        }
        if (derivedFrom.isPresent() != derivation.isPresent()) {
            throw new EvidenceException("item " + id + ": derivedFrom and derivation must be given together");
        }
    }

    /** The item's kind. */
    public ItemKind kind() {
        return spec.kind();
    }

    /** When the item was captured. */
    public Instant capturedAt() {
        return spec.capturedAt();
    }

    static String requireId(String id, String what) {
        if (!ID.matcher(id).matches() || ".".equals(id) || "..".equals(id)) {
            throw new EvidenceException(what + " must be 1-64 characters of [A-Za-z0-9._-] (and not '.' or '..'),"
                    + " was \"" + id + "\"");
        }
        return id;
    }
}
