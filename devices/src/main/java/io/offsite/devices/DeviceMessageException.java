package io.offsite.devices;

import io.offsite.core.OffsiteException;

/**
 * A message pushed by a device could not be read: malformed, truncated, oversized, of the wrong content type, or
 * with a value outside its domain. The message names where (the element path such as
 * {@code EventNotificationAlert/ANPR/confidenceLevel}, or {@code part[2]} of a multipart body), what and why, and
 * carries the multipart part index and the byte offset in the body when they are known, e.g.
 * {@code EventNotificationAlert/ANPR/confidenceLevel: 140 outside 0..100 (part 0)}.
 *
 * <p>It is the only exception the parsers throw for bad input; {@link NullPointerException} is thrown only for a
 * {@code null} argument. The value records ({@link ImageBox}, {@link RegionPoint}, ...) and the builder setters
 * refuse bad values built by hand with core's {@link io.offsite.core.InvalidValueException}.
 */
public final class DeviceMessageException extends OffsiteException {
    private static final long serialVersionUID = 1L;
    private final String where;
    private final int partIndex;
    private final long byteOffset;

    /**
     * @param where      element path or part name of the offending item ({@code body} for the message as a whole)
     * @param partIndex  index of the multipart part (0-based), or -1 when not in a multipart body
     * @param byteOffset offset in the body (or the XML document) where the problem was seen, or -1 when unknown
     * @param problem    what is wrong, with the value seen and the rule it breaks
     */
    public DeviceMessageException(String where, int partIndex, long byteOffset, String problem) {
        this(where, partIndex, byteOffset, problem, null);
    }

    /**
     * As {@link #DeviceMessageException(String, int, long, String)}, with the low-level cause (an XML parser error).
     *
     * @param where      element path or part name of the offending item
     * @param partIndex  multipart part index, or -1
     * @param byteOffset byte offset, or -1
     * @param problem    what is wrong
     * @param cause      the underlying failure, may be {@code null}
     */
    public DeviceMessageException(String where, int partIndex, long byteOffset, String problem, Throwable cause) {
        super(where + ": " + problem + (partIndex >= 0 ? " (part " + partIndex : "")
                + (byteOffset >= 0 ? (partIndex >= 0 ? ", " : " (") + "byte offset " + byteOffset : "")
                + (partIndex >= 0 || byteOffset >= 0 ? ")" : ""), cause);
        this.where = where;
        this.partIndex = partIndex;
        this.byteOffset = byteOffset;
    }

    /** Element path ({@code EventNotificationAlert/ANPR/licensePlate}), part name or {@code body}. */
    public String where() {
        return where;
    }

    /** Index (0-based) of the multipart part the problem is in, or -1. */
    public int partIndex() {
        return partIndex;
    }

    /** Byte offset in the body or XML document where the problem was seen, or -1 when unknown. */
    public long byteOffset() {
        return byteOffset;
    }
}
