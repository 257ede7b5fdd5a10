package io.offsite.evidence;

import java.util.Objects;

/**
 * One thing wrong with a bundle.
 *
 * @param kind    category
 * @param where   the file, item or log line concerned
 * @param message what is wrong, in words a court clerk can follow
 */
public record VerificationProblem(Kind kind, String where, String message) {
    /** Problem categories. */
    public enum Kind {
        /** The ZIP container itself was altered (header bytes, truncation, appended data). */
        ZIP_STRUCTURE,
        /** The manifest is unreadable, not canonical or inconsistent. */
        MANIFEST,
        /** A signature (manifest or tree head) does not verify, or its key is not trusted. */
        SIGNATURE,
        /** An item's bytes differ from the hash recorded at collection. */
        ITEM_CHANGED,
        /** An item listed in the manifest or logged as added is missing. */
        ITEM_MISSING,
        /** A file is present that the manifest does not list. */
        EXTRA_FILE,
        /** The custody log was altered: entries removed, reordered, changed or inserted. */
        CUSTODY_LOG,
        /** An inclusion or consistency proof does not verify. */
        PROOF,
        /** The trusted timestamp does not match or does not verify. */
        TIMESTAMP,
        /**
         * Not a finding about the bundle: it is over the verifier's limits, unreadable, or the verifier itself
         * failed. Nothing is claimed about the bundle's integrity (the command-line verifier exits with 2).
         */
        CANNOT_CHECK
    }

    public VerificationProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return kind + " " + where + ": " + message;
    }
}
