package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.notify.Channel;
import io.offsite.notify.MessageStatus;
import io.offsite.notify.OutgoingMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code outbox-retention}: read from the options, and purging only texts final for longer than it. */
class OutboxRetentionTest {

    @Test
    void retentionOption_defaultsToKeep_readsIsoDurations_andRefusesMalformedOrShorterThanADay() {
        assertThat(ServerOptions.parse(new String[0], Map.of()).outboxRetention()).isEmpty();
        assertThat(ServerOptions.parse(new String[0], Map.of("OFFSITE_OUTBOX_RETENTION", "keep")).outboxRetention())
                .isEmpty();
        assertThat(ServerOptions.parse(new String[0], Map.of("OFFSITE_OUTBOX_RETENTION", "P180D")).outboxRetention())
                .contains(Duration.ofDays(180));
        assertThatThrownBy(() -> ServerOptions.parse(new String[0], Map.of("OFFSITE_OUTBOX_RETENTION", "180 days")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outbox-retention")
                .hasMessageContaining("'180 days'");
        assertThatThrownBy(() -> ServerOptions.parse(new String[0], Map.of("OFFSITE_OUTBOX_RETENTION", "PT12H")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least a day")
                .hasMessageContaining("PT12H");
    }

    @Test
    void serverWithARetention_purgesOnItsOwnThread_whichEndsWhenTheServerCloses() {
        java.nio.file.Path dir = Fixture.newDir();
        ServerOptions o = ServerOptions.parse(new String[] {"--port", "0", "--data", dir.toString(), "--clock",
                "manual"}, Map.of("OFFSITE_OUTBOX_RETENTION", "P30D"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        OffsiteServer server = OffsiteServer.start(o, new java.io.PrintStream(out, true,
                java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("outbox: delivered and dead-lettered texts are purged P30D after their outcome");
            assertThat(server.purging()).as("waiting for its next hour").isTrue();
        } finally {
            server.close();
        }
        assertThat(server.purging()).as("woken and ended by close, not left sleeping").isFalse();
        assertThat(OutboxPurger.iso(Duration.ofHours(36))).isEqualTo("PT36H");
    }

    @Test
    void purge_removesOnlyTextsFinalLongerThanTheRetention_andLeavesPendingOnes() {
        try (Fixture f = new Fixture()) {
            f.enforcement.outbox().enqueue(new OutgoingMessage("retention/delivered", Channel.SMS, "13857612345",
                    "【黄岩综合执法】sample"));
            f.enforcement.pump();
            f.clock.set(f.clock.instant().plusSeconds(10));
            f.enforcement.pump();
            assertThat(f.enforcement.outbox().find("retention/delivered")).map(m -> m.status())
                    .contains(MessageStatus.DELIVERED);

            f.clock.set(f.clock.instant().plus(Duration.ofHours(23)));
            assertThat(f.enforcement.purgeOutbox(Duration.ofDays(1))).as("delivered 23 h ago").isZero();
            f.enforcement.outbox().enqueue(new OutgoingMessage("retention/pending", Channel.SMS, "13857612346",
                    "【黄岩综合执法】sample"));
            f.clock.set(f.clock.instant().plus(Duration.ofHours(2)));
            assertThat(f.enforcement.purgeOutbox(Duration.ofDays(1))).isEqualTo(1);
            assertThat(f.enforcement.outbox().find("retention/delivered")).isEmpty();
            assertThat(f.enforcement.outbox().find("retention/pending")).map(m -> m.status())
                    .isEqualTo(Optional.of(MessageStatus.PENDING));
        }
    }
}
