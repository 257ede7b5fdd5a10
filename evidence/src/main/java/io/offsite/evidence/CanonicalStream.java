package io.offsite.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/**
 * Reads a canonical JSON object (see {@link CanonicalJson}) held in memory without building its tree: the
 * top-level fields one at a time, an array field element by element. Each object/array value is parsed from its
 * own byte slice only after its length was checked against a bound, and every byte between values is compared
 * with the canonical form, so the whole document is accepted only if it is exactly canonical (keys strictly
 * ascending, hence no duplicates; nothing after the closing brace). Memory: one value's tree at a time.
 * Not thread-safe.
 */
final class CanonicalStream {
    private static final byte[] OPEN = {'{'};
    private static final byte[] CLOSE = {'}'};
    private static final byte[] COMMA = {','};
    private static final byte[] COLON = {':'};
    private static final byte[] OPEN_ARRAY = {'['};
    private static final byte[] CLOSE_ARRAY = {']'};
    private final byte[] raw;
    private final String where;
    private final JsonParser parser;
    private int cursor;
    private String field;
    private boolean firstElement;
    private int elementIndex;
    private int sliceOffset;
    private int sliceLength;

    CanonicalStream(byte[] raw, String where) {
        this.raw = raw;
        this.where = where;
        this.parser = CanonicalJson.parser(raw);
        if (next() != JsonToken.START_OBJECT) {
            throw new EvidenceException(where + " must be a JSON object");
        }
        expect(OPEN);
    }

    /** The next top-level field's name, or {@code null} after the closing brace (nothing may follow it). */
    String nextField() {
        JsonToken t = next();
        if (t == JsonToken.END_OBJECT) {
            expect(CLOSE);
            if (next() != null || cursor != raw.length) {
                throw new EvidenceException(where + " has content after the end of the JSON object at byte " + cursor);
            }
            return null;
        }
        String name = name();
        if (field != null && name.compareTo(field) <= 0) {
            throw new EvidenceException(where + ": field \"" + Json.clip(name) + "\" at byte " + cursor
                    + (name.equals(field) ? " appears twice" : " is out of canonical (sorted) order"));
        }
        if (field != null) {
            expect(COMMA);
        }
        field = name;
        expect(CanonicalJson.stringBytes(name));
        expect(COLON);
        return name;
    }

    /** The current field's value; an object or array longer than {@code maxBytes} is an {@link OverLimitException}. */
    JsonNode value(int maxBytes) {
        return element(next(), maxBytes, where + "." + field);
    }

    /** Starts reading the current field's value as an array. */
    void enterArray() {
        if (next() != JsonToken.START_ARRAY) {
            throw new EvidenceException(where + "." + field + " must be an array");
        }
        expectAt(OPEN_ARRAY);
        firstElement = true;
        elementIndex = 0;
    }

    /** The next element of the array entered last, or {@code null} after its closing bracket. */
    JsonNode nextElement(int maxBytes) {
        JsonToken t = next();
        if (t == JsonToken.END_ARRAY) {
            expect(CLOSE_ARRAY);
            return null;
        }
        if (!firstElement) {
            expect(COMMA);
        }
        firstElement = false;
        return element(t, maxBytes, where + "." + field + "[" + elementIndex++ + "]");
    }

    /** Byte offset of the last object/array value or element returned. */
    int sliceOffset() {
        return sliceOffset;
    }

    /** Byte length of the last object/array value or element returned. */
    int sliceLength() {
        return sliceLength;
    }

    private JsonNode element(JsonToken t, int maxBytes, String w) {
        if (t == null) {
            throw new EvidenceException(w + ": the document ends early at byte " + cursor);
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            int start = tokenOffset();
            if (start != cursor) {
                throw notCanonical();
            }
            try {
                parser.skipChildren();
            } catch (JsonProcessingException e) {
                throw CanonicalJson.failure(e, where, 0);
            } catch (IOException e) {
                throw new EvidenceException(where + " cannot be read: " + e.getMessage(), e);
            }
            long end = parser.currentLocation().getByteOffset();
            if (end - start > maxBytes) {
                throw new OverLimitException(w + " is " + (end - start) + " bytes, over this reader's limit of "
                        + maxBytes + " bytes for one value");
            }
            sliceOffset = start;
            sliceLength = (int) (end - start);
            JsonNode node = CanonicalJson.parseCanonical(raw, start, sliceLength, w);
            cursor = (int) end;
            return node;
        }
        JsonNode node = scalar(t, w);
        expect(CanonicalJson.write(node));
        return node;
    }

    private JsonNode scalar(JsonToken t, String w) {
        try {
            return switch (t) {
                case VALUE_STRING -> JsonNodeFactory.instance.textNode(parser.getText());
                case VALUE_NUMBER_INT -> {
                    if (parser.getNumberType() != JsonParser.NumberType.INT
                            && parser.getNumberType() != JsonParser.NumberType.LONG) {
                        throw new EvidenceException(w + ": integer at byte " + cursor + " does not fit in 64 bits");
                    }
                    yield JsonNodeFactory.instance.numberNode(parser.getLongValue());
                }
                case VALUE_TRUE, VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(t == JsonToken.VALUE_TRUE);
                case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
                default -> throw new EvidenceException(w + ": only integers are allowed here, found a "
                        + t + " at byte " + cursor);
            };
        } catch (JsonProcessingException e) {
            throw CanonicalJson.failure(e, where, 0);
        } catch (IOException e) {
            throw new EvidenceException(where + " cannot be read: " + e.getMessage(), e);
        }
    }

    private String name() {
        try {
            return parser.currentName();
        } catch (IOException e) {
            throw new EvidenceException(where + " cannot be read: " + e.getMessage(), e);
        }
    }

    private JsonToken next() {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw CanonicalJson.failure(e, where, 0);
        } catch (IOException e) {
            throw new EvidenceException(where + " cannot be read: " + e.getMessage(), e);
        }
    }

    private int tokenOffset() {
        return (int) parser.currentTokenLocation().getByteOffset();
    }

    private void expectAt(byte[] b) {
        if (tokenOffset() != cursor) {
            throw notCanonical();
        }
        expect(b);
    }

    private void expect(byte[] b) {
        if (cursor + b.length > raw.length
                || !java.util.Arrays.equals(raw, cursor, cursor + b.length, b, 0, b.length)) {
            throw notCanonical();
        }
        cursor += b.length;
    }

    private EvidenceException notCanonical() {
        return new EvidenceException(where + " is not in canonical JSON form near byte " + cursor + " (expected "
                + "sorted keys, no whitespace, minimal escapes): it was altered or not written by OffSite");
    }

}
