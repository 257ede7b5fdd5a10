package io.offsite.notify;

import io.offsite.testkit.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.VoiceWarning;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.violation.Violation;
import io.offsite.core.spi.OfficerDirectory;
import io.offsite.notify.spi.SendResult;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ViolationTemplatesTest {
    private static final Instant T = Instant.parse("2026-03-02T02:00:00Z");
    private static final GeoPoint P = new GeoPoint(121.26, 28.64);
    private static final CellId CELL = CellId.of("cell-1");
    private static final OfficerId OFFICER = OfficerId.of("officer-7");

    private final Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(SettableClock.at(T))
            .gateway(Channel.SMS, r -> SendResult.accepted("p"))
            .gateway(Channel.VOICE, r -> SendResult.delivered("v")).build();

    private final Recipients recipients = Recipients.builder().officerDirectory(new OfficerDirectory() {
        @Override
        public Optional<OfficerId> responsibleFor(CellId cell, java.time.Instant at) {
            return Optional.of(OFFICER);
        }

        @Override
        public Optional<String> phone(OfficerId officer) {
            return Optional.of("13511112222");
        }
    }).build();

    private String voice(EffectNotifier n, Violation v) {
        return n.handle(new VoiceWarning("ep-" + v, T, v, "桥上街", CELL, "cam-1", 1, "trk-1", P))
                .message().orElseThrow().message().text();
    }

    @Test
    void voiceWarning_speaksItsOwnViolationsText_soDumpersAreNotToldToStopSelling() {
        EffectNotifier n = EffectNotifier.builder(outbox, recipients).build();
        assertThat(voice(n, Violation.HOUSEHOLD_WASTE)).contains("乱倒垃圾").doesNotContain("经营");
        assertThat(voice(n, Violation.SEWAGE_DUMPING)).contains("污水").doesNotContain("经营");
        assertThat(voice(n, Violation.ROAD_OCCUPATION)).contains("占道经营");
        assertThat(voice(n, Violation.TRADING_BEYOND_SHOPFRONT)).contains("店门");
    }

    @Test
    void officerDispatch_usesItsViolationsText() {
        EffectNotifier n = EffectNotifier.builder(outbox, recipients).sign("黄岩综合执法").build();
        String text = n.handle(new DispatchOfficer("ep-9", T, Violation.CONSTRUCTION_WASTE, "环城路", CELL, OFFICER,
                "浙J12345", P, "cam-1", "stopped 3 min")).message().orElseThrow().message().text();
        assertThat(text).startsWith("【黄岩综合执法】officer-7：").contains("浙J12345").contains("建筑垃圾");
    }

    @Test
    void standardTemplates_coverEveryStandardViolation_withTheirOwnWording() {
        ViolationTemplates t = ViolationTemplates.standard("城管");
        assertThat(t.violations()).containsExactlyElementsOf(Violation.standard());
        Set<String> voices = new HashSet<>();
        Set<String> officers = new HashSet<>();
        for (Violation v : Violation.standard()) {
            voices.add(t.voiceWarning(v).text());
            officers.add(t.officerDispatch(v).text());
        }
        assertThat(voices).hasSize(Violation.standard().size());
        assertThat(officers).hasSize(Violation.standard().size());
    }

    @Test
    void localViolation_needsItsOwnTemplates_andIsRejectedNamingItUntilGiven() {
        Violation noise = Violation.local("SHOP_NOISE", "商铺噪声扰民");
        EffectNotifier plain = EffectNotifier.builder(outbox, recipients).build();
        assertThatThrownBy(() -> voice(plain, noise)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("SHOP_NOISE").hasMessageContaining("ViolationTemplates.with");
        EffectNotifier withNoise = EffectNotifier.builder(outbox, recipients).templates(ViolationTemplates
                .standard("城管").with(noise, MessageTemplate.voice("voice-noise", "{place}商户请注意，请降低音量。"),
                        MessageTemplate.sms("officer-noise", "城管", "{officer}：{place}商铺噪声扰民（{caseNo}）。", 1)))
                .build();
        assertThat(voice(withNoise, noise)).isEqualTo("桥上街商户请注意，请降低音量。");
    }
}
