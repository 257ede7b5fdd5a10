package io.offsite.notify;

import io.offsite.testkit.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.OwnerNotice;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.effect.VoiceWarning;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.violation.Violation;
import io.offsite.core.spi.OfficerDirectory;
import io.offsite.notify.spi.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EffectNotifierTest {
    private static final Instant T = Instant.parse("2026-03-02T02:00:00Z");
    private static final GeoPoint P = new GeoPoint(121.2655, 28.6301);
    private final SettableClock clock = SettableClock.at(T);
    private boolean registryDown;

    private final OfficerDirectory officers = new OfficerDirectory() {
        @Override
        public Optional<OfficerId> responsibleFor(CellId cell, java.time.Instant at) {
            return cell.value().equals("cell-9") ? Optional.empty() : Optional.of(OfficerId.of("officer-7"));
        }

        @Override
        public Optional<String> phone(OfficerId officer) {
            return Optional.ofNullable(Map.of("officer-7", "13511112222").get(officer.value()));
        }
    };

    private final Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock)
            .gateway(Channel.SMS, r -> SendResult.accepted("p"))
            .gateway(Channel.VOICE, r -> SendResult.delivered("v"))
            .gateway(Channel.PUSH, r -> SendResult.delivered("push")).build();

    private EffectNotifier notifier() {
        Recipients recipients = Recipients.builder().clock(clock).officerDirectory(officers)
                .vehicleRegistry(plate -> {
                    if (registryDown) {
                        throw new IllegalStateException("503");
                    }
                    return Optional.ofNullable(Map.of("浙J12345", "13812345678").get(plate));
                }).build();
        return EffectNotifier.builder(outbox, recipients).sign("黄岩综合执法")
                .placeNames((fence, loc) -> fence.equals("f-1") ? "橘乡大道" : fence).build();
    }

    private static RequestOwnerMove move(String episode, String plate, String cell) {
        return new RequestOwnerMove(episode, T, "f-1", CellId.of(cell), plate, P, "cam-1", Duration.ofMinutes(10),
                T.plus(Duration.ofMinutes(5)));
    }

    @Test
    void requestOwnerMove_becomesOwnerSms_withDeadlineInLocalTime() {
        EffectOutcome o = notifier().handle(move("ep-1", "浙J12345", "cell-1"));
        assertThat(o.kind()).isEqualTo(EffectOutcome.Kind.QUEUED);
        OutgoingMessage m = o.message().orElseThrow().message();
        assertThat(m.key()).isEqualTo("ep-1/request-owner-move");
        assertThat(m.to()).isEqualTo("13812345678");
        assertThat(m.text()).isEqualTo("【黄岩综合执法】您的车辆浙J12345停放在橘乡大道禁停区域，请在收到本短信后10分钟内驶离，逾期将依法处理。");
        assertThat(o.warning()).isEmpty();
    }

    @Test
    void sameEffectTwice_isAlreadyQueued_andEnqueuesNothingNew() {
        EffectNotifier n = notifier();
        n.handle(move("ep-1", "浙J12345", "cell-1"));
        EffectOutcome again = n.handle(move("ep-1", "浙J12345", "cell-1"));
        assertThat(again.kind()).isEqualTo(EffectOutcome.Kind.ALREADY_QUEUED);
        assertThat(outbox.size()).isEqualTo(1);
    }

    @Test
    void ownerUnknown_dispatchesCellOfficerDirectly_underTheSameKey() {
        EffectOutcome o = notifier().handle(move("ep-2", "浙B00000", "cell-1"));
        assertThat(o.kind()).isEqualTo(EffectOutcome.Kind.OWNER_UNKNOWN_OFFICER_NOTIFIED);
        assertThat(o.message().orElseThrow().message().to()).isEqualTo("13511112222");
        assertThat(o.message().orElseThrow().key()).isEqualTo("ep-2/request-owner-move");
        assertThat(o.message().orElseThrow().message().text()).contains("浙B00000", "车主无法联系", "ep-2");
        assertThat(o.detail()).contains("officer-7 dispatched directly");
    }

    @Test
    void registryDown_withNothingCached_dispatchesOfficer_andSaysWhy() {
        registryDown = true;
        EffectOutcome o = notifier().handle(move("ep-3", "浙J12345", "cell-1"));
        assertThat(o.kind()).isEqualTo(EffectOutcome.Kind.OWNER_LOOKUP_FAILED_OFFICER_NOTIFIED);
        assertThat(o.detail()).contains("503");
    }

    @Test
    void nobodyReachable_isNoRecipient_notASilentDrop() {
        EffectOutcome o = notifier().handle(move("ep-4", "浙B00000", "cell-9"));
        assertThat(o.kind()).isEqualTo(EffectOutcome.Kind.NO_RECIPIENT);
        assertThat(o.detail()).contains("no officer reachable for cell cell-9");
        assertThat(outbox.size()).isZero();
    }

    @Test
    void dispatchOfficer_fallsBackToCellOfficerWhenNamedOfficerHasNoPhone() {
        DispatchOfficer d = new DispatchOfficer("ep-5", T, Violation.PARKING, "f-1", CellId.of("cell-1"), OfficerId.of("officer-x"),
                "浙J12345", P, "cam-1", "still parked");
        EffectOutcome o = notifier().handle(d);
        assertThat(o.kind()).isEqualTo(EffectOutcome.Kind.QUEUED);
        assertThat(o.message().orElseThrow().message().text())
                .isEqualTo("【黄岩综合执法】officer-7：车辆浙J12345在橘乡大道经短信提醒后仍未驶离，请到场处理（ep-5）。");
    }

    @Test
    void dispatchBecauseTheOwnerCouldNotBeTold_tellsTheOfficerSo_notThatAnSmsWasIgnored() {
        DispatchOfficer d = new DispatchOfficer("ep-6", T, Violation.PARKING, "f-1", CellId.of("cell-1"),
                OfficerId.of("officer-7"), "浙J12345", P, "cam-1", "owner could not be told (SMS dead-lettered)",
                OwnerNotice.NOT_DELIVERED, 0.9);
        EffectOutcome o = notifier().handle(d);
        String text = o.message().orElseThrow().message().text();
        assertThat(text).contains("车主无法联系", "直接到场处理", "ep-6").doesNotContain("短信提醒");
        assertThat(o.detail()).contains("owner could not be told");
        DispatchOfficer told = new DispatchOfficer("ep-7", T, Violation.PARKING, "f-1", CellId.of("cell-1"),
                OfficerId.of("officer-7"), "浙J12345", P, "cam-1", "still there", OwnerNotice.DELIVERED, 0.9);
        assertThat(notifier().handle(told).message().orElseThrow().message().text()).contains("经短信提醒后仍未驶离");
    }

    @Test
    void officerChannelPush_sendsDispatchToTheOfficersApp() {
        Recipients recipients = Recipients.builder().clock(clock).officerDirectory(officers).build();
        EffectNotifier n = EffectNotifier.builder(outbox, recipients).officerChannel(Channel.PUSH).build();
        EffectOutcome o = n.handle(new DispatchOfficer("ep-10", T, Violation.PARKING, "f-1", CellId.of("cell-1"), OfficerId.of("officer-7"),
                "浙J12345", P, "cam-1", "still parked"));
        assertThat(o.message().orElseThrow().message().channel()).isEqualTo(Channel.PUSH);
        assertThat(o.message().orElseThrow().message().to()).isEqualTo("officer-7");
        assertThatThrownBy(() -> EffectNotifier.builder(outbox, recipients).officerChannel(Channel.VOICE))
                .hasMessageContaining("SMS or PUSH");
    }

    @Test
    void voiceWarning_becomesLoudspeakerCommandToTheCamera_perWarningNumber() {
        EffectNotifier n = notifier();
        EffectOutcome first = n.handle(new VoiceWarning("ep-6", T, Violation.ROAD_OCCUPATION, "f-2", CellId.of("cell-1"), "cam-9", 1, "trk-1", P));
        EffectOutcome second = n.handle(new VoiceWarning("ep-6", T, Violation.ROAD_OCCUPATION, "f-2", CellId.of("cell-1"), "cam-9", 2, "trk-1", P));
        assertThat(first.message().orElseThrow().message().channel()).isEqualTo(Channel.VOICE);
        assertThat(first.message().orElseThrow().message().to()).isEqualTo("cam-9");
        assertThat(first.message().orElseThrow().message().text()).startsWith("您好，f-2禁止占道经营");
        assertThat(second.kind()).isEqualTo(EffectOutcome.Kind.QUEUED);
        assertThat(outbox.size()).isEqualTo(2);
    }

    @Test
    void nonMessageEffect_isReportedAsNotAMessage() {
        CaptureEvidence c = new CaptureEvidence("ep-7", T, Violation.PARKING, "f-1", "cam-1", "浙J12345", List.of(T), 3, true,
                Duration.ofMinutes(10), false);
        assertThat(notifier().handle(c).kind()).isEqualTo(EffectOutcome.Kind.NOT_A_MESSAGE);
    }

    @Test
    void templateNeedingAValueTheMessageLacks_isRejectedAtBuild() {
        Recipients r = Recipients.builder().build();
        ViolationTemplates plateInVoice = ViolationTemplates.standard("城管").with(Violation.HOUSEHOLD_WASTE,
                MessageTemplate.voice("v", "{plate}请离开"), MessageTemplate.sms("o", "城管", "{officer}：{place}", 1));
        assertThatThrownBy(() -> EffectNotifier.builder(outbox, r).templates(plateInVoice).build())
                .isInstanceOf(TemplateException.class).hasMessageContaining("uses {plate}");
    }

    @Test
    void longPlaceName_yieldsSegmentWarningInOutcome() {
        Recipients recipients = Recipients.builder().clock(clock).vehicleRegistry(p -> Optional.of("13812345678")).build();
        EffectNotifier n = EffectNotifier.builder(outbox, recipients)
                .placeNames((f, l) -> "黄岩区橘乡大道与青年路交叉口东北角人行道旁非机动车道外侧临时禁停区").build();
        EffectOutcome o = n.handle(move("ep-8", "浙J12345", "cell-1"));
        assertThat(o.kind()).isEqualTo(EffectOutcome.Kind.QUEUED);
        assertThat(o.warning()).get().asString().contains("owner-move", "2 UCS2 parts");
    }
}
