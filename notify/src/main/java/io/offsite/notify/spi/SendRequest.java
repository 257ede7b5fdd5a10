package io.offsite.notify.spi;

import io.offsite.notify.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * One gateway call.
 *
 * @param key     the idempotency key; identical on every attempt of the same message
 * @param channel the channel
 * @param to      phone number, push token or camera id
 * @param text    the text
 * @param attempt 1 for the first call, 2 for the first retry, ...
 * @param at      the outbox clock's time of the call
 */
public record SendRequest(String key, Channel channel, String to, String text, int attempt, Instant at) {
    /** Validates the components. */
    public SendRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        if (attempt < 1) {
            throw new io.offsite.notify.NotifyException("send request attempt must be >= 1, was " + attempt);
        }
    }

    @Override
    public String toString() {
        return "SendRequest[" + key + ", " + channel + " to " + channel.maskAddress(to) + ", attempt " + attempt
                + "]";
    }
}
