package io.offsite.examples.notify;

import io.offsite.core.Masks;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.effect.VoiceWarning;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.violation.Violation;
import io.offsite.testkit.SettableClock;
import io.offsite.notify.Channel;
import io.offsite.notify.EffectNotifier;
import io.offsite.notify.EffectOutcome;
import io.offsite.notify.MessageStatus;
import io.offsite.notify.Outbox;
import io.offsite.notify.OutboxMessage;
import io.offsite.notify.OutboxStores;
import io.offsite.notify.Receipt;
import io.offsite.notify.Recipients;
import io.offsite.notify.RetryPolicy;
import io.offsite.notify.SimulatedGateway;
import io.offsite.notify.spi.Gateway;
import io.offsite.core.spi.OfficerDirectory;
import io.offsite.notify.spi.OutboxListener;
import io.offsite.notify.spi.SendResult;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The geofence engine's effects handed to the outbox and coming out sent and receipted: an owner SMS
 * (RequestOwnerMove), an officer SMS (DispatchOfficer) and a loudspeaker command (VoiceWarning), over a
 * seeded simulated gateway whose first SMS call fails, so one message is visibly retried.
 */
public final class NotifyDemo {
    private NotifyDemo() {
    }

    /** Runs the demo against a simulated clock and gateway, printing to {@code out}. */
    public static void run(PrintStream out) {
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T02:00:00Z"));
        SimulatedGateway sms = SimulatedGateway.builder().seed(7)
                .latency(Duration.ofSeconds(2), Duration.ofSeconds(8)).build();
        SimulatedGateway speaker = SimulatedGateway.builder().seed(8)
                .latency(Duration.ofSeconds(1), Duration.ofSeconds(1)).build();
        boolean[] failedOnce = {false};
        Gateway flakySms = request -> {
            if (!failedOnce[0]) {
                failedOnce[0] = true;
                return SendResult.retryable("HTTP 503 from the SMS provider (demo)");
            }
            return sms.send(request);
        };
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock).random(new SplittableRandom(1))
                .retry(RetryPolicy.builder().initialBackoff(Duration.ofSeconds(5)).build())
                .gateway(Channel.SMS, flakySms).gateway(Channel.VOICE, speaker)
                .listener(new OutboxListener() {
                    @Override
                    public void onSent(OutboxMessage m) {
                        out.printf("  %s  sent       %-28s attempt %d%n", clock.instant(), m.key(), m.attempts());
                    }

                    @Override
                    public void onDelivered(OutboxMessage m) {
                        out.printf("  %s  delivered  %-28s at %s%n", clock.instant(), m.key(), m.deliveredAt().get());
                    }
                }).build();

        Recipients recipients = Recipients.builder().clock(clock)
                .vehicleRegistry(plate -> Optional.ofNullable(Map.of("浙J12345", "13812345678").get(plate)))
                .officerDirectory(new OfficerDirectory() {
                    @Override
                    public Optional<OfficerId> responsibleFor(CellId cell, java.time.Instant at) {
                        return Optional.of(OfficerId.of("HYZF-2001"));
                    }

                    @Override
                    public Optional<String> phone(OfficerId officer) {
                        return Optional.of("13511112222");
                    }
                }).build();
        EffectNotifier notifier = EffectNotifier.builder(outbox, recipients).sign("黄岩综合执法")
                .placeNames((fence, at) -> fence.equals("fence-juxiang-ave") ? "橘乡大道(青年路口)" : "东官河路夜市").build();

        Instant t = clock.instant();
        GeoPoint here = GeoPoint.of(121.2655, 28.6301); // sample: 橘乡大道 at 青年路 (cell HY-2-A-1)
        String camera = "33100300001321000041";  // sample GB/T 28181 ids: 331003 黄岩区, type 132 (IP camera)
        String speakerCamera = "33100300001321000042";
        List<EnforcementEffect> effects = List.of(
                new RequestOwnerMove("ep-41", t, "fence-juxiang-ave", CellId.of("HY-2-A-1"), "浙J12345", here, camera,
                        Duration.ofMinutes(10), t.plus(Duration.ofMinutes(5))),
                new DispatchOfficer("ep-40", t, Violation.PARKING, "fence-juxiang-ave", CellId.of("HY-2-A-1"),
                        OfficerId.of("HYZF-2001"), "浙J77777", here, camera, "still parked 10 min after owner SMS"),
                new VoiceWarning("ep-42", t, Violation.ROAD_OCCUPATION, "fence-market", CellId.of("HY-2-A-1"),
                        speakerCamera, 1, "trk-9", here));
        out.println("Effects handed to the outbox:");
        for (EnforcementEffect e : effects) {
            EffectOutcome o = notifier.handle(e);
            out.printf("  %-28s → %s (%s)%n", e.idempotencyKey(), o.kind(), o.detail());
        }
        out.println("Handing the owner request over again (e.g. after a restart): "
                + notifier.handle(effects.get(0)).kind());

        out.println("Dispatch rounds:");
        for (int round = 0; round < 30 && outbox.messages(MessageStatus.DELIVERED).size() < 3; round++) {
            outbox.dispatchDue();
            for (Receipt r : sms.takeReceipts(clock.instant())) {
                outbox.onReceipt(r);
            }
            for (Receipt r : speaker.takeReceipts(clock.instant())) {
                outbox.onReceipt(r);
            }
            clock.advance(Duration.ofSeconds(2));
        }

        out.println("Final state:");
        for (EnforcementEffect e : effects) {
            OutboxMessage m = outbox.find(e.idempotencyKey()).orElseThrow();
            out.printf("  %-28s %-5s to %-13s %-9s attempts=%d sent=%s delivered=%s%n", m.key(),
                    m.message().channel(), m.message().channel().maskAddress(m.message().to()), m.status(),
                    m.attempts(), m.sentAt().map(Instant::toString).orElse("-"),
                    m.deliveredAt().map(Instant::toString).orElse("-"));
            out.printf("      text: %s%n", Masks.inText(m.message().text())); // printed like a log line: masked
            m.lastError().ifPresent(err -> out.printf("      earlier failure: %s%n", err));
        }
    }

    /** Runs the demo on standard output. */
    public static void main(String[] args) {
        run(System.out);
    }

}
