package io.offsite.examples;

import java.nio.charset.StandardCharsets;

/**
 * The demo's stand-in for a deployment's secret configuration. A real host reads its episode-id key from its
 * secret store (generated once, e.g. {@code openssl rand -base64 32}) and keeps it across restarts: the ids of
 * episodes, and so the idempotency keys of their messages, depend on it.
 */
public final class DemoSecrets {
    private DemoSecrets() {
    }

    /** The demo deployment's episode-id key (32 bytes; public here, secret in a real deployment). */
    public static byte[] episodeIdKey() {
        return "offsite-demo-episode-id-key-0001".getBytes(StandardCharsets.US_ASCII);
    }
}
