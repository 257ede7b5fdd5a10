package io.offsite.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offsite.core.internal.json.StrictJson;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical JSON form of everything this module signs or hashes: UTF-8, no insignificant whitespace,
 * object keys sorted by UTF-16 code units, strings with only the escapes RFC 8785 requires ({@code \"},
 * {@code \\}, {@code \b \f \n \r \t}, other controls as lower-case {@code \}{@code u00xx}), integers only (no
 * fractions or exponents — coordinates travel as strings), no duplicate keys. This is the RFC 8785 (JCS)
 * form restricted to integers. A document is accepted only if it is byte-for-byte its own canonical form.
 * Parsing is bounded ({@link #MAX_DEPTH}, {@link #MAX_STRING_CHARS}, {@link #MAX_NUMBER_DIGITS},
 * {@link #MAX_NAME_CHARS}): over a bound is an {@link OverLimitException}.
 */
final class CanonicalJson {
    /** Deepest nesting of objects/arrays accepted (OffSite documents nest at most 6 deep). */
    static final int MAX_DEPTH = 32;
    /** Longest string value accepted, in characters. */
    static final int MAX_STRING_CHARS = 1 << 20;
    /** Longest number accepted, in characters (a 64-bit integer has at most 20). */
    static final int MAX_NUMBER_DIGITS = 32;
    /** Longest object key accepted, in characters. */
    static final int MAX_NAME_CHARS = 1024;
    private static final StrictJson READER = StrictJson.builder().maxNestingDepth(MAX_DEPTH)
            .maxStringChars(MAX_STRING_CHARS).maxNumberChars(MAX_NUMBER_DIGITS).maxNameChars(MAX_NAME_CHARS).build();

    private CanonicalJson() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The canonical UTF-8 bytes of {@code node}. */
    static byte[] write(JsonNode node) {
        StringBuilder sb = new StringBuilder(256);
        write(node, sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses strictly (no duplicate keys, no trailing content). */
    static JsonNode parse(byte[] bytes, String where) {
        return parse(bytes, 0, bytes.length, where);
    }

    /** Parses {@code len} bytes from {@code off} strictly (no duplicate keys, no trailing content, bounded). */
    static JsonNode parse(byte[] bytes, int off, int len, String where) {
        try {
            JsonNode node = READER.read(bytes, off, len);
            if (node == null || node.isMissingNode()) {
                throw new EvidenceException(where + " is empty, expected a JSON document");
            }
            return node;
        } catch (StrictJson.Malformed e) {
            throw failure(e, where, off);
        } catch (UncheckedIOException e) {
            throw new EvidenceException(where + " cannot be read: " + e.getCause().getMessage(), e);
        }
    }

    /** A streaming parser over {@code bytes} with the same bounds and duplicate-key detection. */
    static JsonParser parser(byte[] bytes) {
        try {
            return READER.parser(bytes);
        } catch (UncheckedIOException e) {
            throw new EvidenceException("cannot create a JSON parser: " + e.getMessage(), e);
        }
    }

    /** The module's exception for a parser failure: what, where (byte offset, line, column) and why. */
    static EvidenceException failure(JsonProcessingException e, String where, int baseOffset) {
        return failure(StrictJson.Malformed.of(e), where, baseOffset);
    }

    static EvidenceException failure(StrictJson.Malformed e, String where, int baseOffset) {
        String at = e.byteOffset() < 0 && e.line() < 0 ? "" : " at byte " + (baseOffset + Math.max(0, e.byteOffset()));
        if (e.kind() == StrictJson.Malformed.Kind.LIMIT) {
            return new OverLimitException(where + " is over a parsing limit" + at + ": " + e.reason(), e.getCause());
        }
        return new EvidenceException(where + " is not valid JSON" + at + ": " + e.reason(), e.getCause());
    }

    /** Parses and requires the bytes to be exactly the canonical form. */
    static JsonNode parseCanonical(byte[] bytes, String where) {
        return parseCanonical(bytes, 0, bytes.length, where);
    }

    /** Parses {@code len} bytes from {@code off} and requires them to be exactly the canonical form. */
    static JsonNode parseCanonical(byte[] bytes, int off, int len, String where) {
        JsonNode node = parse(bytes, off, len, where);
        byte[] again;
        try {
            again = write(node);
        } catch (EvidenceException e) {
            throw new EvidenceException(where + ": " + e.getMessage(), e);
        }
        if (!Arrays.equals(again, 0, again.length, bytes, off, off + len)) {
            throw new EvidenceException(where + " is not in canonical JSON form (sorted keys, no whitespace,"
                    + " minimal escapes): it was altered or not written by OffSite");
        }
        return node;
    }

    private static void write(JsonNode node, StringBuilder sb) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> keys = new ArrayList<>();
                Iterator<String> it = node.fieldNames();
                while (it.hasNext()) {
                    keys.add(it.next());
                }
                keys.sort(null); // String.compareTo orders by UTF-16 code units, as RFC 8785 requires
                sb.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    string(keys.get(i), sb);
                    sb.append(':');
                    write(node.get(keys.get(i)), sb);
                }
                sb.append('}');
            }
            case ARRAY -> {
                sb.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(node.get(i), sb);
                }
                sb.append(']');
            }
            case STRING -> string(node.textValue(), sb);
            case BOOLEAN -> sb.append(node.booleanValue());
            case NULL -> sb.append("null");
            case NUMBER -> {
                if (!node.canConvertToExactIntegral() || !node.isIntegralNumber() || !node.canConvertToLong()) {
                    throw new EvidenceException("canonical JSON here allows only integers within 64 bits, found "
                            + node);
                }
                sb.append(node.longValue());
            }
            default -> throw new EvidenceException("unsupported JSON node type " + node.getNodeType());
        }
    }

    /** The canonical UTF-8 bytes of a string (with its quotes). */
    static byte[] stringBytes(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        string(s, sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                        throw new EvidenceException("text contains an unpaired UTF-16 surrogate at position " + i
                                + "; it cannot be encoded as UTF-8");
                    }
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
