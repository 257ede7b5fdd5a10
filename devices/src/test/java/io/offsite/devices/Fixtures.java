package io.offsite.devices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures under src/test/resources/isapi/. */
final class Fixtures {
    static final String MULTIPART = "multipart/form-data; boundary=boundary";

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/isapi/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture isapi/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A multipart body with CRLF lines from (headers, body) pairs. */
    static byte[] multipart(String boundary, String eol, Object... headersAndBodies) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < headersAndBodies.length; i += 2) {
            out.writeBytes(utf8("--" + boundary + eol + ((String) headersAndBodies[i]).replace("\n", eol) + eol + eol));
            Object body = headersAndBodies[i + 1];
            out.writeBytes(body instanceof byte[] b ? b : utf8((String) body));
            out.writeBytes(utf8(eol));
        }
        out.writeBytes(utf8("--" + boundary + "--" + eol));
        return out.toByteArray();
    }
}
