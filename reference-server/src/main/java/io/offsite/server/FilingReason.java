package io.offsite.server;

import io.offsite.cases.PenaltyCase;
import java.util.Optional;

/**
 * What a case's filing reason names: the server files every episode's case with a reason that starts
 * {@code episode <episode id> fence <fence id>:}, so the case leads back to its episode and fence.
 */
final class FilingReason {
    private FilingReason() {
    }

    /** The episode a case was filed for (its filing reason starts {@code episode <id> fence <id>:}), if any. */
    static Optional<String> episodeOf(PenaltyCase c) {
        return filedFor(c, 1);
    }

    /** The fence of the episode a case was filed for, if any. */
    static Optional<String> fenceOf(PenaltyCase c) {
        return filedFor(c, 3);
    }

    private static Optional<String> filedFor(PenaltyCase c, int word) {
        String reason = c.timeline().get(0).reason();
        int colon = reason.indexOf(':');
        if (!reason.startsWith("episode ") || colon < 0) {
            return Optional.empty();
        }
        String[] words = reason.substring(0, colon).split(" ");
        return words.length == 4 && words[2].equals("fence") ? Optional.of(words[word]) : Optional.empty();
    }
}
