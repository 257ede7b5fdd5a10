package io.offsite.server;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code --demo} printout: each server event as a timeline line (local time in Huangyan), in time order. Events
 * reach the listeners in the order the server decides them, and some carry an earlier time than events published
 * before them (evidence collected a few seconds after the case's legal filing time, an episode resolved as of when
 * the car was last seen, a truck finding emitted only with its 2-minute after-track). So a line is held until the
 * latest time seen ({@link #advance}, or a later event) is {@link #HOLD} past it, then printed sorted by time, equal
 * times in the order they arrived; {@link #flush()} prints whatever is held. A line that arrives after a later one was
 * already printed is marked {@code (reported late)} rather than printed out of order silently.
 */
final class DemoTimeline implements Consumer<ServerEvent> {
    /** How long a line is held for earlier ones still to come: longer than the truck finding's 2-minute after-track. */
    static final Duration HOLD = Duration.ofMinutes(3);
    private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private final PrintStream out;
    private final List<ServerEvent> held = new ArrayList<>(); // in arrival order
    private Instant latest = Instant.EPOCH;
    private Instant printedUpTo = Instant.EPOCH;

    DemoTimeline(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(ServerEvent e) {
        held.add(e);
        advance(e.at());
    }

    /** Notes that the clock reached {@code now} and prints the lines held {@link #HOLD} or more before it. */
    synchronized void advance(Instant now) {
        if (now.isAfter(latest)) {
            latest = now;
        }
        release(latest.minus(HOLD));
    }

    /** Prints every line still held, in time order. */
    synchronized void flush() {
        release(Instant.MAX);
    }

    private void release(Instant upTo) {
        List<ServerEvent> due = new ArrayList<>();
        List<ServerEvent> keep = new ArrayList<>();
        for (ServerEvent e : held) {
            (e.at().isAfter(upTo) ? keep : due).add(e);
        }
        if (due.isEmpty()) {
            return;
        }
        held.clear();
        held.addAll(keep);
        due.sort(Comparator.comparing(ServerEvent::at)); // stable: equal times keep their arrival order
        for (ServerEvent e : due) {
            boolean late = e.at().isBefore(printedUpTo);
            out.println(line(e) + (late ? "  (reported late)" : ""));
            if (!late) {
                printedUpTo = e.at();
            }
        }
    }

    static String line(ServerEvent e) {
        return HHMMSS.format(e.at()) + "  " + pad(e.kind()) + " " + (e.episodeId().isEmpty() ? ""
                : "[" + e.episodeId().substring(0, Math.min(8, e.episodeId().length())) + "] ") + e.text();
    }

    private static String pad(String s) {
        return s.length() >= 18 ? s : s + " ".repeat(18 - s.length());
    }
}
