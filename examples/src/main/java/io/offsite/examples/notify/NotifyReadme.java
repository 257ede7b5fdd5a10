package io.offsite.examples.notify;

import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.notify.Channel;
import io.offsite.notify.EffectNotifier;
import io.offsite.notify.EffectOutcome;
import io.offsite.notify.Outbox;
import io.offsite.notify.OutboxStores;
import io.offsite.notify.Recipients;
import io.offsite.notify.RetryPolicy;
import io.offsite.notify.SimulatedGateway;
import java.time.Instant;
import java.util.Optional;

/** The README snippet for the notify module, compiled so it cannot rot. */
public final class NotifyReadme {
    private NotifyReadme() {
    }

    /** Hands one owner "please move" request to a durable outbox and sends it. */
    public static EffectOutcome snippet(Instant now) {
        // --- README snippet (notify) ---
        Outbox outbox = Outbox.builder(OutboxStores.inMemory())          // or FileJournalStore.open(path)
                .gateway(Channel.SMS, SimulatedGateway.builder().build())   // or HttpGateway.builder(url)...
                .retry(RetryPolicy.builder().maxAttempts(5).build()).build();
        Recipients recipients = Recipients.builder()
                .vehicleRegistry(plate -> Optional.of("13812345678")).build();
        EffectNotifier notifier = EffectNotifier.builder(outbox, recipients).sign("黄岩综合执法").build();
        EffectOutcome outcome = notifier.handle(new RequestOwnerMove("ep-1", now, "fence-7", CellId.of("c-1"),
                "浙J12345", GeoPoint.of(121.2655, 28.6301), "cam-1", java.time.Duration.ofMinutes(10), now.plusSeconds(300)));
        outbox.dispatchDue(); // sends; feed delivery receipts to outbox.onReceipt(receipt)
        // --- end of snippet ---
        return outcome;
    }
}
