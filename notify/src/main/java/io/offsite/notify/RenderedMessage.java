package io.offsite.notify;

import java.util.Objects;
import java.util.Optional;

/**
 * A template rendered with values: the exact text to send, its SMS segmentation, and a warning when the
 * text needs more parts than the template allows (the message is still usable; the caller decides).
 *
 * @param templateName the template it came from
 * @param text         the full text, sign tag included
 * @param segments     SMS encoding and part count of {@code text}
 * @param warning      present when {@code segments.parts()} exceeds the template's maximum
 */
public record RenderedMessage(String templateName, String text, SmsSegments segments, Optional<String> warning) {
    /** Validates the components. */
    public RenderedMessage {
        Objects.requireNonNull(templateName, "templateName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(warning, "warning");
    }

    /** Whether the rendered text needs more parts than the template allows. */
    public boolean exceedsMaxParts() {
        return warning.isPresent();
    }
}
