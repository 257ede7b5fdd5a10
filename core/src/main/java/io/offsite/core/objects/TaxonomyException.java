package io.offsite.core.objects;

import io.offsite.core.OffsiteException;

/**
 * An industry taxonomy document could not be read: the message names the JSON path (or line and column)
 * and what is wrong, e.g. {@code industries[3].subclasses[1].code "H621" is used twice}.
 */
public final class TaxonomyException extends OffsiteException {
    private static final long serialVersionUID = 1L;
    private final String path;

    /**
     * @param path    JSON path of the offending member, {@code $} for the document
     * @param problem what is wrong with it
     */
    public TaxonomyException(String path, String problem) {
        super("industry taxonomy: " + path + ": " + problem);
        this.path = path;
    }

    /** JSON path of the offending member, e.g. {@code industries[3].subclasses[1].code}. */
    public String path() {
        return path;
    }
}
