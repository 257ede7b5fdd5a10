package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.testkit.PublicTypes;
import org.junit.jupiter.api.Test;

/**
 * The module's public surface, pinned: the API packages and {@code spi}; engines (journal codecs, file-format
 * readers and writers, schedulers' queues, parsers, checks) stay package-private. A type that becomes public
 * (or stops being public) fails this test until the list, the docs and the changelog say so.
 */
class PublicSurfaceTest {
    @Test
    void publicTypes_areExactlyTheDocumentedApiAndSpi() {
        assertThat(PublicTypes.under(Outbox.class, "io.offsite.notify")).containsExactlyInAnyOrder(
            "Channel", "DispatchReport", "EffectNotifier", "EffectOutcome", "ElectronicService", "EnqueueResult",
            "FileJournalStore", "HttpGateway", "MessageStatus", "MessageTemplate", "NotifyException", "Outbox",
            "OutboxBuilder", "OutboxMessage", "OutboxScheduler", "OutboxStoreException", "OutboxStores",
            "OutgoingMessage", "Placeholder", "RateLimit", "Receipt", "ReceiptOutcome", "Recipients",
            "RenderedMessage", "Resolution", "RetryPolicy", "ServiceAddress", "SimulatedGateway", "SmsEncoding",
            "SmsSegments", "TemplateException", "ViolationTemplates", "spi.Gateway", "spi.OutboxListener",
            "spi.OutboxStore", "spi.PartyDirectory", "spi.PlaceNames", "spi.SendRequest", "spi.SendResult",
            "spi.VehicleRegistry");
    }
}
