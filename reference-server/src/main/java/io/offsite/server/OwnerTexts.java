package io.offsite.server;

import io.offsite.core.Masks;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.geofence.NoticeResult;
import io.offsite.notify.MessageStatus;
import io.offsite.notify.Outbox;
import io.offsite.notify.OutboxMessage;
import io.offsite.notify.spi.OutboxListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner texts (the "move your vehicle" SMS) and the engine's window rule: a delivery receipt starts the window, a
 * dead letter sends the officer to handle it on site. As an outbox listener it hands each outcome to the engine and
 * the event stream; {@link #resignal} tells a restarted engine the outcomes the outbox already holds for the episodes
 * it resumed.
 */
final class OwnerTexts implements OutboxListener {
    /** The outbox key suffix of an owner text; the key starts with the episode id. */
    static final String SUFFIX = "/request-owner-move";
    private static final Logger LOG = LoggerFactory.getLogger(OwnerTexts.class);

    private final GeofenceEngine engine;
    private final Consumer<ServerEvent> publish;
    private final Clock clock;

    OwnerTexts(GeofenceEngine engine, Consumer<ServerEvent> publish, Clock clock) {
        this.engine = engine;
        this.publish = publish;
        this.clock = clock;
    }

    /**
     * The delivered or dead-lettered owner texts of the episodes the engine resumed ({@code openEpisodeIds}), told to
     * it again: an outcome after the engine's last checkpoint died with a crash, a repeat answers DUPLICATE. Texts of
     * other episodes are not read (the engine would answer UNKNOWN_EPISODE), so a restart reads one row per open
     * episode, not the outbox's history.
     */
    static void resignal(Outbox outbox, GeofenceEngine engine, Collection<String> openEpisodeIds) {
        List<String> keys = new ArrayList<>(openEpisodeIds.size());
        openEpisodeIds.forEach(id -> keys.add(id + SUFFIX));
        for (OutboxMessage m : outbox.findAll(keys).values()) {
            if (m.status() == MessageStatus.DELIVERED) {
                engine.ownerNotified(episodeOf(m), m.deliveredAt().orElseThrow());
            } else if (m.status() == MessageStatus.DEAD_LETTER) {
                engine.ownerUnreachable(episodeOf(m), m.deadLetteredAt().orElseThrow(),
                        "SMS dead-lettered: " + m.deadLetterReason().orElse("dead letter"));
            }
        }
    }

    @Override
    public void onDelivered(OutboxMessage m) {
        publish.accept(new ServerEvent(m.deliveredAt().orElse(clock.instant()), "SmsDelivered", episodeIdOrEmpty(m),
                "to " + Masks.phone(m.message().to())));
        if (m.key().endsWith(SUFFIX)) {
            NoticeResult n = engine.ownerNotified(episodeOf(m), m.deliveredAt().orElseThrow());
            LOG.debug("owner text {} delivered: {}", m.key(), n.outcome());
        }
    }

    @Override
    public void onDeadLettered(OutboxMessage m) {
        String why = m.deadLetterReason().orElse("dead letter");
        publish.accept(new ServerEvent(m.deadLetteredAt().orElse(clock.instant()), "SmsDeadLettered",
                episodeIdOrEmpty(m), "to " + Masks.phone(m.message().to()) + ": " + Masks.inText(why)));
        if (m.key().endsWith(SUFFIX)) {
            engine.ownerUnreachable(episodeOf(m), m.deadLetteredAt().orElseThrow(), "SMS dead-lettered: " + why);
        }
    }

    private static String episodeOf(OutboxMessage m) {
        return m.key().substring(0, m.key().length() - SUFFIX.length());
    }

    private static String episodeIdOrEmpty(OutboxMessage m) {
        int slash = m.key().indexOf('/');
        return slash < 0 ? "" : m.key().substring(0, slash);
    }
}
