package io.offsite.devices.jt808;

import io.offsite.core.InvalidValueException;
import io.offsite.devices.DeviceMessageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Splits the byte stream of one TCP connection into JT/T 808 frames ({@code 0x7E ... 0x7E}, still escaped), however
 * the reads cut it: a frame may arrive across several reads and several frames in one read.
 *
 * <p>Bytes before an opening flag are skipped and reported once the next flag is seen. A frame that grows past
 * {@code maxFrameBytes} escaped bytes without a closing flag is reported and dropped, and the reader resynchronises
 * at the next flag. Because frames are back to back ({@code 7E..7E 7E..7E}), a "frame" shorter than the smallest
 * header (fewer than 13 bytes between the flags: the bytes between a closing flag and junk) is reported as
 * skipped and its closing flag taken as the opening flag of the next frame.
 *
 * <p>Stateful and not thread-safe: one reader per connection, fed from one thread at a time.
 */
public final class Jt808FrameReader {
    /** Fewest bytes between the flags of a real frame: a 2013 header (12) and the check code. */
    static final int MIN_CONTENT = 13;

    private final int maxFrameBytes;
    private byte[] buf = new byte[256];
    private int size;
    private boolean inFrame;
    private boolean overlong;
    private long skipped;
    private long position;

    private Jt808FrameReader(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * A reader for frames of at most {@code maxFrameBytes} escaped bytes including both flags; for a codec use
     * {@code 2 * codec.maxFrameBytes() + 2}, the worst case of escaping.
     *
     * @throws InvalidValueException when {@code maxFrameBytes} is below 15 (the smallest frame)
     */
    public static Jt808FrameReader create(int maxFrameBytes) {
        if (maxFrameBytes < MIN_CONTENT + 2) {
            throw new InvalidValueException("maxFrameBytes " + maxFrameBytes + " is below the smallest frame, "
                    + (MIN_CONTENT + 2));
        }
        return new Jt808FrameReader(maxFrameBytes);
    }

    /** A reader sized for {@code codec}: {@code 2 * codec.maxFrameBytes() + 2} escaped bytes. */
    public static Jt808FrameReader forCodec(Jt808Codec codec) {
        return create(2 * codec.maxFrameBytes() + 2);
    }

    /**
     * The frames completed by these bytes and what was skipped or dropped.
     *
     * @param frames  whole frames including both flags, in stream order, each its own array
     * @param rejects junk skipped before a flag ({@code where} {@code jt808/stream}) and over-long frames dropped
     *                ({@code jt808/frame}), with the stream offset of the problem
     */
    public record Chunk(List<byte[]> frames, List<DeviceMessageException> rejects) {
        public Chunk {
            frames = List.copyOf(frames);
            rejects = List.copyOf(rejects);
        }
    }

    /**
     * Feeds the next bytes read from the connection.
     *
     * @throws IndexOutOfBoundsException when {@code off} and {@code len} do not lie within {@code bytes}
     */
    public Chunk feed(byte[] bytes, int off, int len) {
        Objects.checkFromIndexSize(off, len, Objects.requireNonNull(bytes, "bytes").length);
        List<byte[]> frames = new ArrayList<>(2);
        List<DeviceMessageException> rejects = new ArrayList<>(0);
        for (int i = off; i < off + len; i++, position++) {
            byte b = bytes[i];
            if (b == Jt808Codec.FLAG) {
                if (inFrame && size - 1 >= MIN_CONTENT) {
                    append(b);
                    frames.add(Arrays.copyOf(buf, size));
                    inFrame = false;
                    size = 0;
                    continue;
                }
                if (inFrame && size > 1) {
                    skipped += size;  // too short for a frame: its "opening" flag closed a frame we lost
                }
                reportSkipped(rejects);
                inFrame = true;
                overlong = false;
                size = 0;
                append(b);
            } else if (inFrame) {
                if (size >= maxFrameBytes - 1) {
                    rejects.add(new DeviceMessageException("jt808/frame", -1, position, "frame longer than "
                            + maxFrameBytes + " bytes without a closing flag; dropped, resynchronising at the next"
                            + " flag"));
                    inFrame = false;
                    overlong = true;
                    size = 0;
                } else {
                    append(b);
                }
            } else if (!overlong) {
                skipped++;
            }
        }
        return new Chunk(frames, rejects);
    }

    /** As {@link #feed(byte[], int, int)} for a whole array. */
    public Chunk feed(byte[] bytes) {
        return feed(bytes, 0, Objects.requireNonNull(bytes, "bytes").length);
    }

    /** Bytes held of a frame not yet closed. */
    public int pending() {
        return inFrame ? size : 0;
    }

    private void reportSkipped(List<DeviceMessageException> rejects) {
        if (skipped > 0) {
            rejects.add(new DeviceMessageException("jt808/stream", -1, position - skipped, "skipped " + skipped
                    + " bytes that are not inside a frame before the flag at stream offset " + position));
            skipped = 0;
        }
    }

    private void append(byte b) {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, maxFrameBytes));
        }
        buf[size++] = b;
    }
}
