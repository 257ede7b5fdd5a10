package io.offsite.geofence;

import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.noParking;
import static io.offsite.geofence.Scenario.parked;
import static io.offsite.geofence.WindowFromDeliveryTest.feed;
import static io.offsite.geofence.WindowFromDeliveryTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.geofence.EpisodeState.Notice;
import io.offsite.geofence.spi.EpisodeStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The awaiting-delivery state and the delivery time are decisive state: written to the store at once (not at
 * checkpoints), so an engine restarted in the middle of the wait or of the window resumes it exactly.
 */
class NoticeRestartTest {
    static final String PLATE = "浙A12345";
    final Fence fence = noParking("F1").build();
    final EpisodeStore store = EpisodeStore.inMemory();

    GeofenceEngine engine() {
        // a long checkpoint interval: only what is written at once survives the "crash"
        return Scenario.builder(FenceRegistry.of(List.of(fence)), Scenario.OFFICERS).store(store)
                .allowedLateness(Duration.ofSeconds(5)).checkpointInterval(Duration.ofMinutes(30))
                .episodeIdKey(Scenario.ID_KEY).build();
    }

    /** A new engine on the same store, fed the input again from the store's watermark up to {@code until}. */
    List<EnforcementEffect> restartAndReplay(long until, List<EnforcementEffect> fx, GeofenceEngine[] out) {
        GeofenceEngine second = engine();
        out[0] = second;
        long from = Math.max(0, (store.watermark() - Scenario.T0.toEpochMilli()) / 1000);
        fx.addAll(feed(second, parked(PLATE, from, until, 1)));
        return fx;
    }

    @Test
    void awaitingDelivery_isStoredAtOnce_andARestartedEngineTakesTheReceipt() {
        GeofenceEngine first = engine();
        List<EnforcementEffect> fx = new ArrayList<>(feed(first, parked(PLATE, 0, 200, 1)));
        RequestOwnerMove text = only(fx, RequestOwnerMove.class);
        EpisodeState stored = store.episodes().iterator().next();
        assertThat(stored.notice()).isEqualTo(Notice.AWAITING);
        assertThat(stored.noticeAt()).isEqualTo(at(120).toEpochMilli());
        assertThat(stored.nextStepAt()).isEqualTo(at(420).toEpochMilli());

        GeofenceEngine[] second = new GeofenceEngine[1];
        restartAndReplay(200, fx, second);
        NoticeResult told = second[0].ownerNotified(text.episodeId(), at(250));
        assertThat(told.outcome()).isEqualTo(NoticeOutcome.APPLIED);
        fx.addAll(feed(second[0], parked(PLATE, 201, 1000, 1)));
        assertThat(only(fx, DispatchOfficer.class).at()).isEqualTo(at(850));
    }

    @Test
    void awaitingDelivery_restartedEngineStillSendsTheOfficerWhenTheWaitRunsOut() {
        GeofenceEngine first = engine();
        List<EnforcementEffect> fx = new ArrayList<>(feed(first, parked(PLATE, 0, 200, 1)));
        GeofenceEngine[] second = new GeofenceEngine[1];
        restartAndReplay(600, fx, second);
        DispatchOfficer d = only(fx, DispatchOfficer.class);
        assertThat(d.at()).isEqualTo(at(420));
        assertThat(d.reason()).startsWith("owner could not be told");
    }

    @Test
    void deliveryTime_isStoredAtOnce_andARestartMidWindowDispatchesTenMinutesAfterTheDelivery() {
        GeofenceEngine first = engine();
        List<EnforcementEffect> fx = new ArrayList<>(feed(first, parked(PLATE, 0, 200, 1)));
        RequestOwnerMove text = only(fx, RequestOwnerMove.class);
        assertThat(first.ownerNotified(text.episodeId(), at(150)).outcome()).isEqualTo(NoticeOutcome.APPLIED);
        EpisodeState stored = store.episodes().iterator().next();
        assertThat(stored.notice()).isEqualTo(Notice.DELIVERED);
        assertThat(stored.noticeAt()).isEqualTo(at(150).toEpochMilli());
        assertThat(stored.nextStepAt()).isEqualTo(at(750).toEpochMilli());
        fx.addAll(feed(first, parked(PLATE, 201, 400, 1)));

        GeofenceEngine[] second = new GeofenceEngine[1];
        restartAndReplay(1000, fx, second);
        assertThat(only(fx, DispatchOfficer.class).at()).isEqualTo(at(750));
        assertThat(second[0].ownerNotified(text.episodeId(), at(160)).outcome())
                .isIn(NoticeOutcome.UNKNOWN_EPISODE, NoticeOutcome.DUPLICATE);
    }

    @Test
    void unreachable_isStoredAtOnce_withItsReason() {
        GeofenceEngine first = engine();
        List<EnforcementEffect> fx = new ArrayList<>(feed(first, parked(PLATE, 0, 200, 1)));
        RequestOwnerMove text = only(fx, RequestOwnerMove.class);
        first.ownerUnreachable(text.episodeId(), at(201), "no recipient");
        EpisodeState stored = store.episodes().iterator().next();
        assertThat(stored.notice()).isEqualTo(Notice.UNREACHABLE);
        assertThat(stored.noticeDetail()).isEqualTo("no recipient");

        GeofenceEngine[] second = new GeofenceEngine[1];
        restartAndReplay(300, fx, second);
        assertThat(only(fx, DispatchOfficer.class).reason()).contains("owner could not be told (no recipient)");
    }
}
