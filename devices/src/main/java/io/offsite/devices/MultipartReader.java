package io.offsite.devices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Reads a MIME multipart body (RFC 2046) part by part from a stream: each part's headers, then its body up to the
 * next delimiter. Lines may end in CRLF or a bare LF (some firmware sends either). The body is never read past
 * {@code maxBodyBytes}, a part never past the limit chosen for it from its headers, so an oversized or endless body
 * fails as soon as it crosses a limit.
 */
final class MultipartReader {
    private static final int MAX_LINE = 8192;
    private static final int MAX_HEADERS = 32;

    /** One part: index, byte offset of its headers in the body, headers by lower-case name, body bytes. */
    record Part(int index, long offset, Map<String, String> headers, byte[] body) {
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final String boundary;
    private final long maxBodyBytes;
    private final int maxParts;
    private long position;
    private int nextIndex;
    private boolean done;

    MultipartReader(InputStream in, String boundary, long maxBodyBytes, int maxParts) {
        this.in = in;
        this.boundary = boundary;
        this.delimiter = ("\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.maxBodyBytes = maxBodyBytes;
        this.maxParts = maxParts;
    }

    /**
     * The next part, its body limited to {@code partLimit.applyAsInt(headers)} bytes, or {@code null} after the
     * closing delimiter.
     */
    Part next(ToIntFunction<Map<String, String>> partLimit) {
        if (done) {
            return null;
        }
        if (nextIndex == 0) {
            skipPreamble();
            if (done) {
                throw new DeviceMessageException("body", -1, position, "multipart body has no parts");
            }
        }
        int index = nextIndex++;
        if (index >= maxParts) {
            throw new DeviceMessageException("part[" + index + "]", index, position,
                    "more than " + maxParts + " parts (maxParts)");
        }
        long offset = position;
        Map<String, String> headers = headers(index);
        int limit = partLimit.applyAsInt(headers);
        byte[] body = body(index, limit);
        afterDelimiter(index);
        return new Part(index, offset, headers, body);
    }

    private void skipPreamble() {
        String open = "--" + boundary;
        while (true) {
            String line = line(-1, "opening boundary --" + boundary + " (missing boundary?)");
            String t = stripTrailing(line);
            if (t.equals(open)) {
                return;
            }
            if (t.equals(open + "--")) {
                done = true;
                return;
            }
        }
    }

    private Map<String, String> headers(int index) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int n = 0;; n++) {
            String line = stripTrailing(line(index, "end of the part's headers"));
            if (line.isEmpty()) {
                return headers;
            }
            if (n >= MAX_HEADERS) {
                throw new DeviceMessageException("part[" + index + "]", index, position,
                        "more than " + MAX_HEADERS + " header lines");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new DeviceMessageException("part[" + index + "]", index, position,
                        "header line '" + clip(line) + "' has no name: value form");
            }
            headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip());
        }
    }

    private byte[] body(int index, int limit) {
        byte[] buf = new byte[Math.min(8192, limit + delimiter.length + 1)];
        int len = 0;
        byte last = delimiter[delimiter.length - 1];
        while (true) {
            int b = read();
            if (b < 0) {
                throw new DeviceMessageException("part[" + index + "]", index, position,
                        "body ended inside the part, before the next boundary (truncated)");
            }
            if (len == buf.length) {
                if (len >= limit + delimiter.length + 1) {
                    throw new DeviceMessageException("part[" + index + "]", index, position,
                            "part is larger than its limit of " + limit + " bytes");
                }
                buf = Arrays.copyOf(buf, (int) Math.min((long) limit + delimiter.length + 1, 2L * len));
            }
            buf[len++] = (byte) b;
            if (b == last && len >= delimiter.length
                    && Arrays.equals(buf, len - delimiter.length, len, delimiter, 0, delimiter.length)) {
                int end = len - delimiter.length;
                if (end > 0 && buf[end - 1] == '\r') {
                    end--;
                }
                if (end > limit) {
                    throw new DeviceMessageException("part[" + index + "]", index, position,
                            "part is larger than its limit of " + limit + " bytes");
                }
                return Arrays.copyOf(buf, end);
            }
        }
    }

    /** After a delimiter: {@code --} closes the body, else the rest of the line must be blank. */
    private void afterDelimiter(int index) {
        String rest = stripTrailing(line(index, "end of the boundary line"));
        if (rest.startsWith("--")) {
            done = true;
        } else if (!rest.isBlank()) {
            throw new DeviceMessageException("part[" + index + "]", index, position,
                    "boundary line continues with '" + clip(rest) + "'");
        }
    }

    /** One line without its LF, decoded as UTF-8; end of input is an error naming what was expected. */
    private String line(int index, String expected) {
        byte[] buf = new byte[128];
        int len = 0;
        while (true) {
            int b = read();
            if (b < 0) {
                throw new DeviceMessageException(index < 0 ? "body" : "part[" + index + "]", index, position,
                        "body ended before the " + expected + " (truncated)");
            }
            if (b == '\n') {
                return new String(buf, 0, len, StandardCharsets.UTF_8);
            }
            if (len == MAX_LINE) {
                throw new DeviceMessageException(index < 0 ? "body" : "part[" + index + "]", index, position,
                        "line longer than " + MAX_LINE + " bytes while looking for the " + expected);
            }
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(MAX_LINE, len * 2));
            }
            buf[len++] = (byte) b;
        }
    }

    private int read() {
        int b;
        try {
            b = in.read();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the multipart body at byte " + position, e);
        }
        if (b >= 0 && ++position > maxBodyBytes) {
            throw new DeviceMessageException("body", nextIndex - 1, position,
                    "body is larger than maxBodyBytes " + maxBodyBytes);
        }
        return b;
    }

    private static String stripTrailing(String s) {
        return s.stripTrailing();
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
