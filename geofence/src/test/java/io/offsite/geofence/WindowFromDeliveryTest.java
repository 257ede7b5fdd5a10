package io.offsite.geofence;

import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.noParking;
import static io.offsite.geofence.Scenario.parked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.core.effect.MoveWindowStarted;
import io.offsite.core.effect.OwnerNotice;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.geofence.EpisodeState.Notice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The owner's move window runs from when the owner is told (the delivery receipt), not from the decision to text. */
class WindowFromDeliveryTest {
    static final String PLATE = "浙A12345";
    final GeofenceEngine engine = Scenario.engine(noParking("F1").build());

    static List<EnforcementEffect> feed(GeofenceEngine e, List<Detection> ds) {
        List<EnforcementEffect> out = new ArrayList<>();
        for (Detection d : ds) {
            out.addAll(Scenario.submit(e, d).effects());
        }
        return out;
    }

    static <T> List<T> all(List<EnforcementEffect> fx, Class<T> type) {
        return fx.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T> T only(List<EnforcementEffect> fx, Class<T> type) {
        List<T> found = all(fx, type);
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    /** Parks the car 0..{@code until} s; returns the owner text (requested at 120 s, after the 2-minute dwell). */
    RequestOwnerMove parkUntil(long until, List<EnforcementEffect> fx) {
        fx.addAll(feed(engine, parked(PLATE, 0, until, 1)));
        return only(fx, RequestOwnerMove.class);
    }

    @Test
    void deliveredLate_windowRunsFromDelivery_dispatchTenMinutesAfterIt() {
        List<EnforcementEffect> fx = new ArrayList<>();
        RequestOwnerMove text = parkUntil(299, fx);
        assertThat(text.at()).isEqualTo(at(120));
        assertThat(text.moveWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(text.deliverBy()).isEqualTo(at(420));

        NoticeResult told = engine.ownerNotified(text.episodeId(), at(300));
        assertThat(told.outcome()).isEqualTo(NoticeOutcome.APPLIED);
        MoveWindowStarted window = (MoveWindowStarted) Scenario.sink(engine).takeEffects().get(0);
        assertThat(window.at()).isEqualTo(at(300));
        assertThat(window.moveBy()).isEqualTo(at(900));
        assertThat(window.basis()).isEqualTo(OwnerNotice.DELIVERED);

        fx.addAll(feed(engine, parked(PLATE, 300, 1000, 1)));
        DispatchOfficer d = only(fx, DispatchOfficer.class);
        assertThat(d.at()).isEqualTo(at(900)); // not 720, ten minutes after the decision to text
        assertThat(d.reason()).contains("10 min after the owner was told");
        CaptureEvidence ev = only(fx, CaptureEvidence.class);
        assertThat(ev.ownerNotice()).isEqualTo(OwnerNotice.DELIVERED);
        assertThat(ev.stillsAt()).containsExactly(at(0), at(120), at(300), at(900));
    }

    @Test
    void noDeliveryWithinTheWait_sendsTheOfficerOnSite_atTheFirstSightingAfterTheWait() {
        List<EnforcementEffect> fx = new ArrayList<>();
        parkUntil(900, fx);
        DispatchOfficer d = only(fx, DispatchOfficer.class);
        assertThat(d.at()).isEqualTo(at(420));
        assertThat(d.reason()).startsWith("owner could not be told (no delivery receipt within 300 s of the request)")
                .contains("handle on site");
        assertThat(d.ownerNotice()).isEqualTo(OwnerNotice.NOT_DELIVERED);
        assertThat(only(fx, CaptureEvidence.class).ownerNotice()).isEqualTo(OwnerNotice.NOT_DELIVERED);
        assertThat(only(fx, EpisodeResolved.class).detail()).contains("officer sent for on-site handling");
        assertThat(all(fx, MoveWindowStarted.class)).isEmpty();
    }

    @Test
    void waitEnds_whileTheCarIsOccluded_officerSentOnTheNextSighting_notAtTheWaitsEnd() {
        List<EnforcementEffect> fx = new ArrayList<>();
        parkUntil(410, fx);
        fx.addAll(feed(engine, parked(PLATE, 440, 600, 1)));  // 30 s occlusion, within the 60 s gap tolerance
        assertThat(only(fx, DispatchOfficer.class).at()).isEqualTo(at(440));
    }

    @Test
    void carLeavesDuringTheWait_noDispatch_andALateReceiptFindsTheEpisodeEnded() {
        List<EnforcementEffect> fx = new ArrayList<>();
        RequestOwnerMove text = parkUntil(300, fx);
        fx.addAll(Scenario.advanceTo(engine, at(500)).effects());
        assertThat(all(fx, DispatchOfficer.class)).isEmpty();
        assertThat(only(fx, EpisodeResolved.class).outcome()).isEqualTo(EpisodeResolved.Outcome.MOVED);

        NoticeResult late = engine.ownerNotified(text.episodeId(), at(310));
        assertThat(late.outcome()).isEqualTo(NoticeOutcome.UNKNOWN_EPISODE);
        assertThat(late.detail()).contains("ended");
    }

    @Test
    void unreachableSignal_sendsTheOfficerOnTheNextSighting_withTheHostsReason() {
        List<EnforcementEffect> fx = new ArrayList<>();
        RequestOwnerMove text = parkUntil(199, fx);
        NoticeResult n = engine.ownerUnreachable(text.episodeId(), at(200), "SMS dead-lettered: number out of service");
        assertThat(n.outcome()).isEqualTo(NoticeOutcome.APPLIED);
        assertThat(Scenario.sink(engine).takeEffects()).isEmpty();
        fx.addAll(feed(engine, parked(PLATE, 200, 300, 1)));
        DispatchOfficer d = only(fx, DispatchOfficer.class);
        assertThat(d.at()).isEqualTo(at(200));
        assertThat(d.reason()).contains("owner could not be told (SMS dead-lettered: number out of service)");
        assertThat(only(fx, CaptureEvidence.class).ownerNotice()).isEqualTo(OwnerNotice.NOT_DELIVERED);
    }

    @Test
    void repeatedReceipt_isDuplicate_andChangesNothing() {
        RequestOwnerMove text = parkUntil(200, new ArrayList<>());
        assertThat(engine.ownerNotified(text.episodeId(), at(150)).outcome()).isEqualTo(NoticeOutcome.APPLIED);
        assertThat(Scenario.sink(engine).takeEffects()).singleElement().isInstanceOf(MoveWindowStarted.class);
        NoticeResult again = engine.ownerNotified(text.episodeId(), at(160));
        assertThat(again.outcome()).isEqualTo(NoticeOutcome.DUPLICATE);
        assertThat(Scenario.sink(engine).takeEffects()).isEmpty();
        assertThat(engine.ownerUnreachable(text.episodeId(), at(170), "dead letter").outcome())
                .isEqualTo(NoticeOutcome.DUPLICATE);
        EpisodeState s = engine.episodes().get(0);
        assertThat(s.notice()).isEqualTo(Notice.DELIVERED);
        assertThat(s.noticeAt()).isEqualTo(at(150).toEpochMilli());
        assertThat(s.nextStepAt()).isEqualTo(at(750).toEpochMilli());
    }

    @Test
    void deliveryTimeBeforeTheRequest_isRejected_andTheEpisodeKeepsWaiting() {
        RequestOwnerMove text = parkUntil(200, new ArrayList<>());
        NoticeResult early = engine.ownerNotified(text.episodeId(), at(100));
        assertThat(early.outcome()).isEqualTo(NoticeOutcome.BEFORE_REQUEST);
        assertThat(early.detail()).contains(at(100).toString()).contains(at(120).toString());
        assertThat(engine.ownerUnreachable(text.episodeId(), at(119), "x").outcome())
                .isEqualTo(NoticeOutcome.BEFORE_REQUEST);
        assertThat(engine.episodes().get(0).notice()).isEqualTo(Notice.AWAITING);
        assertThat(engine.ownerNotified(text.episodeId(), at(130)).outcome()).isEqualTo(NoticeOutcome.APPLIED);
    }

    @Test
    void deliveredAfterTheWaitEnded_isTooLate_andTheOfficerIsSentOnSite() {
        List<EnforcementEffect> fx = new ArrayList<>();
        RequestOwnerMove text = parkUntil(410, fx);
        NoticeResult late = engine.ownerNotified(text.episodeId(), at(421));
        assertThat(late.outcome()).isEqualTo(NoticeOutcome.TOO_LATE);
        assertThat(late.detail()).contains("after the delivery wait ended at " + at(420));
        fx.addAll(feed(engine, parked(PLATE, 411, 600, 1)));
        assertThat(only(fx, DispatchOfficer.class).reason()).startsWith("owner could not be told");
    }

    @Test
    void receiptArrivingAfterTheEscalation_isTooLate_evenWithAnEarlyDeliveryTime() {
        List<EnforcementEffect> fx = new ArrayList<>();
        RequestOwnerMove text = parkUntil(500, fx);
        assertThat(only(fx, DispatchOfficer.class).at()).isEqualTo(at(420));
        NoticeResult late = engine.ownerNotified(text.episodeId(), at(200));
        assertThat(late.outcome()).isEqualTo(NoticeOutcome.TOO_LATE);
        assertThat(late.detail()).contains("already judged unreachable");
        assertThat(engine.ownerUnreachable(text.episodeId(), at(430), "dead letter").outcome())
                .isEqualTo(NoticeOutcome.DUPLICATE);
    }

    @Test
    void deadLetterThenLateReceipt_outOfOrder_staysUnreachable() {
        List<EnforcementEffect> fx = new ArrayList<>();
        RequestOwnerMove text = parkUntil(150, fx);
        assertThat(engine.ownerUnreachable(text.episodeId(), at(140), "dead letter").outcome())
                .isEqualTo(NoticeOutcome.APPLIED);
        assertThat(engine.ownerNotified(text.episodeId(), at(135)).outcome()).isEqualTo(NoticeOutcome.TOO_LATE);
        fx.addAll(feed(engine, parked(PLATE, 151, 300, 1)));
        // the detections of 145–150 s still waited in the reorder ring (5 s lateness): 145 s is the first after it
        assertThat(only(fx, DispatchOfficer.class).at()).isEqualTo(at(145));
    }

    @Test
    void signalForAnUnknownEpisode_isUnknown_andABlankReasonIsRefused() {
        parkUntil(200, new ArrayList<>());
        assertThat(engine.ownerNotified("F1/nobody/1", at(150)).outcome()).isEqualTo(NoticeOutcome.UNKNOWN_EPISODE);
        assertThat(engine.ownerUnreachable("no-such-episode", at(150), "dead letter").outcome())
                .isEqualTo(NoticeOutcome.UNKNOWN_EPISODE);
        assertThatThrownBy(() -> engine.ownerUnreachable("F1/nobody/1", at(150), " "))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("reason must be non-blank");
    }

    @Test
    void decisionSetting_forHostsWithoutReceipts_runsTheWindowFromTheRequest() {
        Fence f = noParking("F1").policy(LadderPolicy.parking().toBuilder()
                .windowFrom(LadderPolicy.WindowStart.DECISION).build()).build();
        GeofenceEngine e = Scenario.engine(f);
        List<EnforcementEffect> fx = feed(e, parked(PLATE, 0, 800, 1));
        RequestOwnerMove text = only(fx, RequestOwnerMove.class);
        assertThat(text.deliverBy()).isEqualTo(text.at());
        MoveWindowStarted w = only(fx, MoveWindowStarted.class);
        assertThat(w.at()).isEqualTo(at(120));
        assertThat(w.moveBy()).isEqualTo(at(720));
        assertThat(w.basis()).isEqualTo(OwnerNotice.UNCONFIRMED);
        assertThat(only(fx, DispatchOfficer.class).at()).isEqualTo(at(720));
        assertThat(only(fx, CaptureEvidence.class).ownerNotice()).isEqualTo(OwnerNotice.UNCONFIRMED);
        assertThat(e.ownerNotified(text.episodeId(), at(125)).outcome()).isEqualTo(NoticeOutcome.UNKNOWN_EPISODE);
    }

    @Test
    void deliveryWait_isASetting_validatedAtTheSetter() {
        Fence f = noParking("F1").policy(LadderPolicy.parking().toBuilder().deliveryWait(Duration.ofSeconds(60))
                .build()).build();
        List<EnforcementEffect> fx = feed(Scenario.engine(f), parked(PLATE, 0, 400, 1));
        assertThat(only(fx, RequestOwnerMove.class).deliverBy()).isEqualTo(at(180));
        assertThat(only(fx, DispatchOfficer.class).at()).isEqualTo(at(180));
        assertThatThrownBy(() -> LadderPolicy.builder().deliveryWait(Duration.ZERO))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("deliveryWait must be within (0, 1 h]");
        assertThat(LadderPolicy.parking().deliveryWait()).isEqualTo(Duration.ofMinutes(5));
        assertThat(LadderPolicy.parking().windowFrom()).isEqualTo(LadderPolicy.WindowStart.DELIVERY);
    }
}
