package io.offsite.notify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A message template in Chinese (or any language) with named placeholders such as {@code {plate}} and
 * an optional sign tag rendered as {@code 【sign】} in front of the text; {@code {{} and {@code }}} write
 * literal braces. The template is parsed once when created: an unknown placeholder or an unclosed brace
 * is rejected then, with its position. Rendering checks that every placeholder used has a value and
 * counts the SMS parts, sign tag included. Immutable and thread-safe.
 */
public final class MessageTemplate {
    private final String name;
    private final String sign;
    private final String source;
    private final int maxParts;
    private final List<Object> pieces;
    private final Set<Placeholder> used;

    private MessageTemplate(String name, String sign, String source, int maxParts) {
        this.name = requireText(name, "template name");
        this.sign = Objects.requireNonNull(sign, "sign");
        this.source = Objects.requireNonNull(source, "text");
        if (maxParts < 1) {
            throw new TemplateException("template '" + name + "': maxParts must be >= 1, was " + maxParts);
        }
        if (sign.contains("【") || sign.contains("】") || (!sign.isEmpty() && sign.isBlank())) {
            throw new TemplateException("template '" + name + "': sign must be the bare sign name without 【】, was '"
                    + sign + "'");
        }
        this.maxParts = maxParts;
        this.pieces = new ArrayList<>();
        EnumSet<Placeholder> seen = EnumSet.noneOf(Placeholder.class);
        parse(seen);
        this.used = Set.copyOf(seen);
    }

    /**
     * An SMS template.
     *
     * @param name     a name for errors and logs, e.g. {@code "owner-move"}
     * @param sign     the sign name without brackets (e.g. {@code "黄岩综合执法"}); empty for no sign tag
     * @param text     the text with placeholders
     * @param maxParts the most SMS parts a rendering may take before a warning is attached
     */
    public static MessageTemplate sms(String name, String sign, String text, int maxParts) {
        return new MessageTemplate(name, sign, text, maxParts);
    }

    /** A loudspeaker (voice) template: no sign tag, no part limit that matters (set to a large value). */
    public static MessageTemplate voice(String name, String text) {
        return new MessageTemplate(name, "", text, Integer.MAX_VALUE);
    }

    /** The template's name. */
    public String name() {
        return name;
    }

    /** The sign name without brackets; empty when the template has no sign tag. */
    public String sign() {
        return sign;
    }

    /** The template text as written. */
    public String text() {
        return source;
    }

    /** The most SMS parts a rendering may take before {@link RenderedMessage#warning()} is set. */
    public int maxParts() {
        return maxParts;
    }

    /** The placeholders the text uses. */
    public Set<Placeholder> placeholders() {
        return used;
    }

    /** Renders with values keyed by placeholder token (e.g. {@code "plate"}); unknown keys are rejected. */
    public RenderedMessage render(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        Map<Placeholder, String> byPlaceholder = new java.util.EnumMap<>(Placeholder.class);
        for (Map.Entry<String, String> e : values.entrySet()) {
            Placeholder p = Placeholder.byToken(e.getKey()).orElseThrow(() -> new TemplateException("template '"
                    + name + "': unknown placeholder {" + e.getKey() + "} in values; known: " + tokens()));
            byPlaceholder.put(p, e.getValue());
        }
        return renderWith(byPlaceholder);
    }

    /** Renders with values keyed by placeholder. */
    public RenderedMessage renderWith(Map<Placeholder, String> values) {
        Objects.requireNonNull(values, "values");
        StringBuilder sb = new StringBuilder(source.length() + 32);
        if (!sign.isEmpty()) {
            sb.append('【').append(sign).append('】');
        }
        for (Object piece : pieces) {
            if (piece instanceof Placeholder) {
                Placeholder p = (Placeholder) piece;
                String v = values.get(p);
                if (v == null) {
                    throw new TemplateException("template '" + name + "': no value for placeholder {" + p.token()
                            + "}; the template uses " + usedTokens());
                }
                sb.append(v);
            } else {
                sb.append((String) piece);
            }
        }
        String text = sb.toString();
        SmsSegments seg = SmsSegments.of(text);
        Optional<String> warning = seg.parts() > maxParts
                ? Optional.of("template '" + name + "' rendered into " + seg.parts() + " " + seg.encoding()
                        + " parts (" + seg.units() + " units), more than its maximum of " + maxParts)
                : Optional.empty();
        return new RenderedMessage(name, text, seg, warning);
    }

    private void parse(Set<Placeholder> seen) {
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '{' && i + 1 < source.length() && source.charAt(i + 1) == '{') {
                lit.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < source.length() && source.charAt(i + 1) == '}') {
                lit.append('}');
                i += 2;
            } else if (c == '{') {
                int close = source.indexOf('}', i);
                if (close < 0) {
                    throw new TemplateException("template '" + name + "': unclosed '{' at index " + i);
                }
                String token = source.substring(i + 1, close);
                int at = i;
                Placeholder p = Placeholder.byToken(token).orElseThrow(() -> new TemplateException("template '"
                        + name + "': unknown placeholder {" + token + "} at index " + at
                        + "; known: " + tokens()));
                if (lit.length() > 0) {
                    pieces.add(lit.toString());
                    lit.setLength(0);
                }
                pieces.add(p);
                seen.add(p);
                i = close + 1;
            } else if (c == '}') {
                throw new TemplateException("template '" + name + "': unmatched '}' at index " + i
                        + " (write '}}' for a literal brace)");
            } else {
                lit.append(c);
                i++;
            }
        }
        if (lit.length() > 0) {
            pieces.add(lit.toString());
        }
    }

    private String usedTokens() {
        StringBuilder sb = new StringBuilder();
        for (Placeholder p : used) {
            sb.append(sb.length() == 0 ? "" : ", ").append('{').append(p.token()).append('}');
        }
        return sb.toString();
    }

    private static String tokens() {
        StringBuilder sb = new StringBuilder();
        for (Placeholder p : Placeholder.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append('{').append(p.token()).append('}');
        }
        return sb.toString();
    }

    private static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new TemplateException(what + " must be non-blank, was " + (s == null ? "null" : "'" + s + "'"));
        }
        return s;
    }

    @Override
    public String toString() {
        return "MessageTemplate[" + name + ", sign=" + sign + ", maxParts=" + maxParts + "]";
    }
}
