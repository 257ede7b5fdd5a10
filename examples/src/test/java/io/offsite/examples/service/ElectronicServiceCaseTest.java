package io.offsite.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.core.service.Consent;
import io.offsite.core.service.DocumentKind;
import io.offsite.core.service.ServiceAttempt;
import io.offsite.core.service.ServiceMethod;
import io.offsite.core.service.ServiceProof;
import io.offsite.cases.service.ServiceRecord;
import io.offsite.cases.service.ServiceRules;
import io.offsite.notify.Channel;
import io.offsite.notify.ElectronicService;
import io.offsite.notify.Outbox;
import io.offsite.notify.OutboxStores;
import io.offsite.notify.Receipt;
import io.offsite.notify.RetryPolicy;
import io.offsite.notify.spi.SendResult;
import io.offsite.testkit.SettableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Electronic service end to end: notify delivers and turns the outcome into an attempt; the cases module's
 * service record decides its legal effect (the rules themselves are pinned in ServiceRecordTest).
 */
class ElectronicServiceCaseTest {
    private static final String PHONE = "13812345678";
    private final SettableClock clock = SettableClock.atLocal("2026-03-03T09:00:00");
    private static final Consent CONSENT = new Consent(ServiceMethod.ELECTRONIC, PHONE, at("2026-03-01T09:00:00"),
            "consent-form-1");

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private ServiceRecord consented() {
        return ServiceRecord.open("decision-2026-001", DocumentKind.DECISION, "party-1", ServiceRules.defaults())
                .withConsent(CONSENT);
    }

    @Test
    void electronicServiceThroughTheOutbox_isEffectiveAtTheDeliveryReceipt() {
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock)
                .gateway(Channel.SMS, r -> SendResult.accepted("biz-9")).build();
        ServiceRecord doc = consented();
        String key = ElectronicService.key(doc.documentId());
        ElectronicService.send(outbox, doc.documentId(), CONSENT, Channel.SMS, "【黄岩综合执法】您的行政处罚决定书已送达，请登录查看。");
        outbox.dispatchDue();
        outbox.onReceipt(Receipt.forProviderId("biz-9", Receipt.Status.DELIVERED, at("2026-03-03T09:00:07"), ""));
        ServiceRecord served = doc.record(ElectronicService.attempt(outbox.find(key).orElseThrow()));
        assertThat(served.attempts()).singleElement().satisfies(a -> assertThat(a.proofs()).singleElement()
                .satisfies(p -> assertThat(p.reference()).contains("decision-2026-001/e-service", "biz-9")));
        assertThat(served.effect().orElseThrow().effectiveAt()).contains(at("2026-03-03T09:00:07"));
        assertThat(served.effect().orElseThrow().starts()).singleElement()
                .satisfies(d -> assertThat(d.date()).isEqualTo(LocalDate.of(2026, 3, 18)));
    }

    @Test
    void deadLetteredElectronicService_isAFailedAttempt_thatOpensPublicNotice() {
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock)
                .retry(RetryPolicy.builder().maxAttempts(1).build())
                .gateway(Channel.SMS, r -> SendResult.rejected("number does not exist")).build();
        ServiceRecord doc = consented();
        ElectronicService.send(outbox, doc.documentId(), CONSENT, Channel.SMS, "文书送达");
        outbox.dispatchDue();
        ServiceRecord failed = doc.record(ElectronicService.attempt(
                outbox.find(ElectronicService.key(doc.documentId())).orElseThrow()));
        assertThat(failed.attempts()).singleElement().satisfies(a -> assertThat(a.outcome())
                .isEqualTo(ServiceAttempt.Outcome.FAILED));
        assertThat(failed.effect()).isEmpty();
        ServiceRecord published = failed.record(ServiceAttempt.of(ServiceMethod.PUBLIC_NOTICE, at("2026-03-10T09:00:00"),
                ServiceAttempt.Outcome.PUBLISHED, "公告栏", new ServiceProof(ServiceProof.Kind.PUBLICATION, "photo-1", "")));
        assertThat(published.effect().orElseThrow().effectiveOn()).isEqualTo(LocalDate.of(2026, 4, 9));
    }
}
