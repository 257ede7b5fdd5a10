package io.offsite.notify;

import io.offsite.core.Masks;
import java.util.Objects;

/**
 * A message to hand to the {@link Outbox}.
 *
 * @param key     idempotency key, unique per episode step (e.g. {@code "ep-42/request-owner-move"}); a second
 *                enqueue with the same key returns the existing message; passed to the gateway for de-duplication
 * @param channel how it is delivered
 * @param to      the address: a phone number (SMS), a push token (PUSH) or a camera device id (VOICE)
 * @param text    the exact text to send or speak
 */
public record OutgoingMessage(String key, Channel channel, String to, String text) {
    /** Largest accepted key, in characters. */
    public static final int MAX_KEY_LENGTH = 200;
    /** Largest accepted text, in characters. */
    public static final int MAX_TEXT_LENGTH = 4_000;

    /** Validates the components. */
    public OutgoingMessage {
        Objects.requireNonNull(channel, "channel");
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH || hasControl(key)) {
            throw new NotifyException("message key must be 1.." + MAX_KEY_LENGTH
                    + " characters without control characters, was " + (key == null ? "null" : "'" + key + "'"));
        }
        if (to == null || to.isBlank() || to.length() > 200 || hasControl(to)) {
            throw new NotifyException("message '" + key + "': recipient address must be non-blank without control "
                    + "characters, was " + (to == null ? "null" : "'" + channel.maskAddress(to) + "'"));
        }
        if (channel == Channel.SMS && !isPhone(to)) {
            throw new NotifyException("message '" + key + "': SMS recipient must be a phone number of 5..20 digits, "
                    + "was '" + Masks.phone(to) + "'");
        }
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            throw new NotifyException("message '" + key + "': text must have 1.." + MAX_TEXT_LENGTH
                    + " characters, had " + (text == null ? "null" : text.length()));
        }
    }

    /** {@code \+?[0-9]{5,20}} without a regex (this runs once per message on the hot path). */
    private static boolean isPhone(String s) {
        int start = s.startsWith("+") ? 1 : 0;
        int digits = s.length() - start;
        if (digits < 5 || digits > 20) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "OutgoingMessage[" + key + ", " + channel + " to " + channel.maskAddress(to) + ", "
                + text.length() + " chars]";
    }
}
