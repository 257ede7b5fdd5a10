package io.offsite.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * <b>Internal, not API</b>: the one strict, bounded JSON reader every OffSite module builds its data-file and
 * bundle parsers on (core GeoJSON and taxonomy, cases calendars and penalty tables, evidence manifests). It
 * lives in {@code io.offsite.core.internal.json}, which no module exports to integrators: it may change in
 * any release, and it is the only place Jackson appears in a signature.
 *
 * <p>Every reader refuses a duplicate key (while streaming and in the tree), anything after the document and
 * comments, and bounds nesting, number, string, key and document length. A failure to parse is a
 * {@link Malformed} carrying the kind (syntax, unusable number, over a limit), the location and Jackson's
 * reason; each module turns it into its own exception with its own what/where/why. Instances are immutable
 * and thread-safe.
 */
public final class StrictJson {
    private final ObjectMapper mapper;

    private StrictJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A builder with Jackson's default limits except as set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configured mapper, for writing trees and for streaming parsers (internal use only). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** Reads one document from {@code in}; I/O failures are {@link UncheckedIOException}s. */
    public JsonNode read(Reader in) {
        return parse(m -> m.readTree(in));
    }

    /** Reads one UTF-8 document from {@code in}; I/O failures are {@link UncheckedIOException}s. */
    public JsonNode read(InputStream in) {
        return parse(m -> m.readTree(in));
    }

    /** Reads one document from {@code json}. */
    public JsonNode read(String json) {
        return parse(m -> m.readTree(json));
    }

    /** One parse from any source, every failure mapped the same way. */
    private JsonNode parse(Source source) {
        try {
            return source.read(mapper);
        } catch (JsonProcessingException e) {
            throw Malformed.of(e);
        } catch (NumberFormatException e) {
            throw Malformed.number(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Source {
        JsonNode read(ObjectMapper mapper) throws IOException;
    }

    /** Reads one UTF-8 document from {@code len} bytes of {@code bytes} starting at {@code off}. */
    public JsonNode read(byte[] bytes, int off, int len) {
        return parse(m -> m.readTree(bytes, off, len));
    }

    /** A streaming parser over {@code bytes} with the same limits and duplicate-key detection. */
    public JsonParser parser(byte[] bytes) {
        try {
            return mapper.createParser(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why a document was refused. Internal, like {@link StrictJson}. */
    public static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** What kind of failure. */
        public enum Kind {
            /** Not well-formed JSON, a duplicate key, trailing content. */
            SYNTAX,
            /** A number literal Jackson cannot convert (e.g. an exponent too large). */
            NUMBER,
            /** Over one of the reader's limits (nesting, number, string, key or document length). */
            LIMIT
        }

        private final Kind kind;
        private final long line;
        private final long column;
        private final long byteOffset;

        private Malformed(Kind kind, String reason, long line, long column, long byteOffset, Throwable cause) {
            super(reason, cause);
            this.kind = kind;
            this.line = line;
            this.column = column;
            this.byteOffset = byteOffset;
        }

        /** A failure from a Jackson parser (for callers that stream with {@link #parser(byte[])}). */
        public static Malformed of(JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Kind kind = e instanceof StreamConstraintsException ? Kind.LIMIT : Kind.SYNTAX;
            return new Malformed(kind, e.getOriginalMessage(), at == null ? -1 : at.getLineNr(),
                    at == null ? -1 : at.getColumnNr(), at == null ? -1 : at.getByteOffset(), e);
        }

        static Malformed number(NumberFormatException e) {
            return new Malformed(Kind.NUMBER, String.valueOf(e.getMessage()), -1, -1, -1, e);
        }

        /** The kind of failure. */
        public Kind kind() {
            return kind;
        }

        /** Jackson's reason, without location. */
        public String reason() {
            return getMessage();
        }

        /** 1-based line of the failure, or -1 if unknown. */
        public long line() {
            return line;
        }

        /** 1-based column of the failure, or -1 if unknown. */
        public long column() {
            return column;
        }

        /** Byte offset of the failure in a byte input, or -1 if unknown. */
        public long byteOffset() {
            return byteOffset;
        }

        /** {@code " at line L, column C"}, or empty when the location is unknown. */
        public String atLineColumn() {
            return line < 0 ? "" : " at line " + line + ", column " + column;
        }
    }

    /** Limits and options of a {@link StrictJson}. Not thread-safe. */
    public static final class Builder {
        private final StreamReadConstraints.Builder limits = StreamReadConstraints.builder();
        private boolean bigDecimals;
        private boolean indent;

        private Builder() {
        }

        /** Deepest nesting of objects and arrays read. */
        public Builder maxNestingDepth(int depth) {
            limits.maxNestingDepth(depth);
            return this;
        }

        /** Longest number literal read, in characters. */
        public Builder maxNumberChars(int chars) {
            limits.maxNumberLength(chars);
            return this;
        }

        /** Longest string value read, in characters. */
        public Builder maxStringChars(int chars) {
            limits.maxStringLength(chars);
            return this;
        }

        /** Longest object key read, in characters. */
        public Builder maxNameChars(int chars) {
            limits.maxNameLength(chars);
            return this;
        }

        /** Largest document read, in characters (bytes for byte input). */
        public Builder maxDocumentChars(long chars) {
            limits.maxDocumentLength(chars);
            return this;
        }

        /** Reads fractions as exact decimals instead of doubles. */
        public Builder exactDecimals() {
            bigDecimals = true;
            return this;
        }

        /** Writes indented output (for files people read). */
        public Builder indentOutput() {
            indent = true;
            return this;
        }

        /** The reader. */
        public StrictJson build() {
            JsonMapper.Builder b = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits.build())
                            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .disable(JsonParser.Feature.ALLOW_COMMENTS);
            if (bigDecimals) {
                b.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
            }
            if (indent) {
                b.enable(SerializationFeature.INDENT_OUTPUT);
            }
            return new StrictJson(b.build());
        }
    }
}
