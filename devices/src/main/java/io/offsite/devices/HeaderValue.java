package io.offsite.devices;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A header value of the form {@code token; name=value; name="quoted value"} (Content-Type, Content-Disposition):
 * the leading token in lower case and the parameters by lower-case name.
 */
record HeaderValue(String value, Map<String, String> parameters) {
    /** Parses {@code raw}; {@code null} when it is not of that form. */
    static HeaderValue parse(String raw) {
        int semi = raw.indexOf(';');
        String value = (semi < 0 ? raw : raw.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        int i = semi < 0 ? raw.length() : semi + 1;
        while (i < raw.length()) {
            int eq = raw.indexOf('=', i);
            if (eq < 0) {
                if (!raw.substring(i).isBlank() && !raw.substring(i).strip().equals(";")) {
                    return null;
                }
                break;
            }
            String name = raw.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            while (j < raw.length() && raw.charAt(j) == ' ') {
                j++;
            }
            StringBuilder v = new StringBuilder();
            if (j < raw.length() && raw.charAt(j) == '"') {
                j++;
                while (j < raw.length() && raw.charAt(j) != '"') {
                    if (raw.charAt(j) == '\\' && j + 1 < raw.length()) {
                        j++;
                    }
                    v.append(raw.charAt(j++));
                }
                if (j >= raw.length()) {
                    return null; // unterminated quoted string
                }
                j++;
                while (j < raw.length() && raw.charAt(j) != ';') {
                    j++;
                }
            } else {
                while (j < raw.length() && raw.charAt(j) != ';') {
                    v.append(raw.charAt(j++));
                }
            }
            if (name.isEmpty()) {
                return null;
            }
            params.putIfAbsent(name, v.toString().strip());
            i = j + 1;
        }
        return value.isEmpty() ? null : new HeaderValue(value, params);
    }
}
