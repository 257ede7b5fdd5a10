package io.offsite.devices;

import io.offsite.core.InvalidValueException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads what a Hikvision device pushes to an alarm server (ISAPI "HTTP listening"): an {@code EventNotificationAlert}
 * XML document alone ({@code application/xml}, {@code text/xml}), or a {@code multipart/form-data} /
 * {@code multipart/mixed} body holding that XML as one part and JPEG pictures (plate close-up, vehicle, scene) as
 * the others. The result is plain records ({@link IsapiMessage}, {@link IsapiAlert}); nothing here depends on the
 * enforcement engine.
 *
 * <pre>{@code
 * IsapiParser parser = IsapiParser.builder().maxBodyBytes(8 << 20).assumeZone(ZoneId.of("Asia/Shanghai")).build();
 * IsapiMessage m = parser.parse(request.header("Content-Type"), request.body());   // InputStream
 * m.alert().anpr().flatMap(AnprRead::licensePlate)                                  // Optional[浙J12345]
 * }</pre>
 *
 * <p>Hostile input: the XML is read with the JDK's StAX parser with DTDs refused, external entities off and no
 * resolver (XXE-safe), with bounded depth and element count; the body is read as a stream and fails as soon as it
 * passes {@code maxBodyBytes}, a part as soon as it passes its limit. Anything malformed, truncated, oversized or of
 * the wrong content type is reported as a {@link DeviceMessageException} naming the element path or part index,
 * and the byte offset in the body when known; an {@code IOException} of the stream is rethrown as
 * {@link UncheckedIOException}.
 *
 * <p>Immutable and thread-safe; build once and share.
 */
public final class IsapiParser {
    /** Default {@link Builder#maxBodyBytes(long)}: 16 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 16L << 20;
    /** Default {@link Builder#maxXmlBytes(int)}: 1 MiB. */
    public static final int DEFAULT_MAX_XML_BYTES = 1 << 20;
    /** Default {@link Builder#maxPictureBytes(int)}: 8 MiB. */
    public static final int DEFAULT_MAX_PICTURE_BYTES = 8 << 20;
    /** Default {@link Builder#maxParts(int)}: 16. */
    public static final int DEFAULT_MAX_PARTS = 16;
    /** Default {@link Builder#maxDepth(int)}: 32 nested elements. */
    public static final int DEFAULT_MAX_DEPTH = 32;
    /** Default {@link Builder#maxElements(int)}: 10,000 elements. */
    public static final int DEFAULT_MAX_ELEMENTS = 10_000;

    private final Limits limits;
    private final Optional<ZoneId> assumeZone;

    private IsapiParser(Builder b) {
        limits = new Limits(b.maxBodyBytes, b.maxXmlBytes, b.maxPictureBytes, b.maxParts, b.maxDepth, b.maxElements);
        assumeZone = Optional.ofNullable(b.assumeZone);
    }

    /** A parser with the default limits and no assumed zone (a {@code dateTime} without offset is refused). */
    public static IsapiParser create() {
        return builder().build();
    }

    /** A builder starting from the default limits. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads one {@code EventNotificationAlert} document.
     *
     * @throws DeviceMessageException when it is larger than {@code maxXmlBytes}, malformed, has a DOCTYPE, is not an
     *         ISAPI alert, or a value breaks its rule
     */
    public IsapiAlert parseXml(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        if (xml.length > limits.maxXmlBytes()) {
            throw new DeviceMessageException("document", -1, limits.maxXmlBytes(),
                    "XML of " + xml.length + " bytes is larger than maxXmlBytes " + limits.maxXmlBytes());
        }
        return AlertReader.read(XmlTree.read(xml, -1, limits), -1, assumeZone);
    }

    /**
     * Reads a body as received with its {@code Content-Type} header: XML alone or multipart with pictures.
     *
     * @param contentType the request's Content-Type, e.g. {@code multipart/form-data; boundary=boundary}
     * @param body        the request body; read up to the closing boundary (or end of input), not closed
     * @throws DeviceMessageException for a missing or unsupported content type, a multipart type without boundary,
     *         a body over {@code maxBodyBytes}, a truncated body, no or two XML parts, a part that is neither XML
     *         nor a picture, or an alert {@link #parseXml(byte[])} refuses
     * @throws UncheckedIOException when reading {@code body} fails
     */
    public IsapiMessage parse(String contentType, InputStream body) {
        Objects.requireNonNull(body, "body");
        HeaderValue type = contentType == null ? null : HeaderValue.parse(contentType);
        if (type == null) {
            throw new DeviceMessageException("Content-Type", -1, -1, "missing or malformed: '" + contentType + "'");
        }
        switch (type.value()) {
            case "application/xml", "text/xml" -> {
                return new IsapiMessage(parseXml(readXml(body)), -1, List.of());
            }
            case "multipart/form-data", "multipart/mixed" -> {
                String boundary = type.parameters().get("boundary");
                if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
                    throw new DeviceMessageException("Content-Type", -1, -1, type.value() + " needs a boundary"
                            + " parameter of 1..70 characters, was " + (boundary == null ? "none" : "'" + boundary
                            + "'"));
                }
                return multipart(boundary, body);
            }
            default -> throw new DeviceMessageException("Content-Type", -1, -1, "'" + type.value()
                    + "' is not supported; expected application/xml, text/xml, multipart/form-data or multipart/mixed");
        }
    }

    /**
     * As {@link #parse(String, InputStream)} for a body already in memory.
     *
     * @throws DeviceMessageException as {@link #parse(String, InputStream)}
     */
    public IsapiMessage parse(String contentType, byte[] body) {
        Objects.requireNonNull(body, "body");
        return parse(contentType, new ByteArrayInputStream(body));
    }

    private byte[] readXml(InputStream body) {
        try {
            byte[] xml = body.readNBytes(limits.maxXmlBytes() + 1);
            if (xml.length > limits.maxXmlBytes()) {
                throw new DeviceMessageException("body", -1, limits.maxXmlBytes(),
                        "XML body is larger than maxXmlBytes " + limits.maxXmlBytes());
            }
            return xml;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the XML body", e);
        }
    }

    private IsapiMessage multipart(String boundary, InputStream body) {
        MultipartReader reader = new MultipartReader(new BufferedInputStream(body), boundary, limits.maxBodyBytes(),
                limits.maxParts());
        IsapiAlert alert = null;
        int xmlPart = -1;
        List<Picture> pictures = new ArrayList<>();
        MultipartReader.Part part;
        while ((part = reader.next(h -> isXml(h) ? limits.maxXmlBytes() : limits.maxPictureBytes())) != null) {
            Map<String, String> h = part.headers();
            HeaderValue disposition = h.containsKey("content-disposition")
                    ? HeaderValue.parse(h.get("content-disposition")) : null;
            String name = disposition == null ? "" : disposition.parameters().getOrDefault("name", "");
            if (isXml(h)) {
                if (alert != null) {
                    throw new DeviceMessageException("part[" + part.index() + "]", part.index(), part.offset(),
                            "a second XML part '" + name + "' (the alert was part " + xmlPart + ")");
                }
                xmlPart = part.index();
                alert = AlertReader.read(XmlTree.read(part.body(), part.index(), limits), part.index(), assumeZone);
            } else {
                String mediaType = mediaType(h);
                if (!mediaType.startsWith("image/")) {
                    throw new DeviceMessageException("part[" + part.index() + "]", part.index(), part.offset(),
                            "part '" + name + "' of type '" + mediaType + "' is neither the XML alert nor a picture");
                }
                Optional<String> fileName = disposition == null ? Optional.empty()
                        : Optional.ofNullable(disposition.parameters().get("filename")).filter(s -> !s.isEmpty());
                Optional<String> contentId = Optional.ofNullable(h.get("content-id"))
                        .map(s -> s.replaceAll("^<|>$", "")).filter(s -> !s.isEmpty());
                pictures.add(new Picture(part.index(), name, fileName, contentId, mediaType, part.body()));
            }
        }
        if (alert == null) {
            throw new DeviceMessageException("body", -1, -1, "multipart body has no XML part (application/xml,"
                    + " text/xml or a name ending in .xml)");
        }
        return new IsapiMessage(alert, xmlPart, pictures);
    }

    private static String mediaType(Map<String, String> headers) {
        String raw = headers.get("content-type");
        HeaderValue v = raw == null ? null : HeaderValue.parse(raw);
        return v == null ? "" : v.value();
    }

    private static boolean isXml(Map<String, String> headers) {
        String type = mediaType(headers);
        if (type.equals("application/xml") || type.equals("text/xml")) {
            return true;
        }
        if (!type.isEmpty() && !type.equals("application/octet-stream")) {
            return false;
        }
        String d = headers.get("content-disposition");
        HeaderValue disposition = d == null ? null : HeaderValue.parse(d);
        if (disposition == null) {
            return false;
        }
        String name = disposition.parameters().getOrDefault("filename",
                disposition.parameters().getOrDefault("name", ""));
        return name.toLowerCase(Locale.ROOT).endsWith(".xml");
    }

    /**
     * Limits and options of an {@link IsapiParser}; each setter rejects a bad value at once with an
     * {@link InvalidValueException} naming the setting and the value.
     */
    public static final class Builder {
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxXmlBytes = DEFAULT_MAX_XML_BYTES;
        private int maxPictureBytes = DEFAULT_MAX_PICTURE_BYTES;
        private int maxParts = DEFAULT_MAX_PARTS;
        private int maxDepth = DEFAULT_MAX_DEPTH;
        private int maxElements = DEFAULT_MAX_ELEMENTS;
        private ZoneId assumeZone;

        private Builder() {
        }

        /** Largest multipart body read, in bytes (default {@value IsapiParser#DEFAULT_MAX_BODY_BYTES}). */
        public Builder maxBodyBytes(long bytes) {
            maxBodyBytes = positive("maxBodyBytes", bytes);
            return this;
        }

        /** Largest XML document (alone or as a part), in bytes (default {@value IsapiParser#DEFAULT_MAX_XML_BYTES}). */
        public Builder maxXmlBytes(int bytes) {
            maxXmlBytes = (int) positive("maxXmlBytes", bytes);
            return this;
        }

        /** Largest picture part, in bytes (default {@value IsapiParser#DEFAULT_MAX_PICTURE_BYTES}). */
        public Builder maxPictureBytes(int bytes) {
            maxPictureBytes = (int) positive("maxPictureBytes", bytes);
            return this;
        }

        /** Most parts in a multipart body (default {@value IsapiParser#DEFAULT_MAX_PARTS}). */
        public Builder maxParts(int parts) {
            maxParts = (int) positive("maxParts", parts);
            return this;
        }

        /** Deepest element nesting in the XML (default {@value IsapiParser#DEFAULT_MAX_DEPTH}). */
        public Builder maxDepth(int depth) {
            maxDepth = (int) positive("maxDepth", depth);
            return this;
        }

        /** Most elements in the XML (default {@value IsapiParser#DEFAULT_MAX_ELEMENTS}). */
        public Builder maxElements(int elements) {
            maxElements = (int) positive("maxElements", elements);
            return this;
        }

        /**
         * The zone a {@code dateTime} without UTC offset is read in (old firmware writes local time); without it such
         * an alert is refused. For Huangyan cameras: {@code Asia/Shanghai}.
         */
        public Builder assumeZone(ZoneId zone) {
            assumeZone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** The parser. */
        public IsapiParser build() {
            return new IsapiParser(this);
        }

        private static long positive(String name, long value) {
            if (value <= 0) {
                throw new InvalidValueException(name + " must be > 0, was " + value);
            }
            return value;
        }
    }
}
