package io.offsite.core.objects;

import io.offsite.core.OffsiteException;
import java.util.Objects;

/**
 * A well-formed managed-object id that the registry, index or file store does not know, e.g. a fence's
 * {@code frontOf} naming a shop that was never registered. The message names the id and where it was used.
 */
public final class UnknownObjectException extends OffsiteException {
    private static final long serialVersionUID = 1L;
    private final String objectId;

    /**
     * @param objectId the id that is not known
     * @param where    what was looked up, e.g. {@code "enterprise file"}
     */
    public UnknownObjectException(String objectId, String where) {
        super(Objects.requireNonNull(where, "where") + ": no managed object with id \""
                + Objects.requireNonNull(objectId, "objectId") + "\"");
        this.objectId = objectId;
    }

    /** The id that is not known. */
    public String objectId() {
        return objectId;
    }
}
