package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.service.Consent;
import io.offsite.core.service.DocumentKind;
import io.offsite.core.service.ServiceAttempt;
import io.offsite.core.service.ServiceMethod;
import io.offsite.core.service.ServiceProof;
import io.offsite.core.service.ServiceRules;
import io.offsite.notify.spi.SendResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** notify delivers and records proof; the rules of service themselves are pinned in core's ServiceRecordTest. */
class DocumentServiceTest {
    private static final String PHONE = "13812345678";
    private final MutableClock clock = new MutableClock(at("2026-03-03T09:00:00"));

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private DocumentService consented() {
        return DocumentService.open("decision-2026-001", DocumentKind.DECISION, "party-1", ServiceRules.defaults())
                .withConsent(new Consent(ServiceMethod.ELECTRONIC, PHONE, at("2026-03-01T09:00:00"), "consent-form-1"));
    }

    @Test
    void electronicServiceThroughTheOutbox_isEffectiveAtTheDeliveryReceipt() {
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock)
                .gateway(Channel.SMS, r -> SendResult.accepted("biz-9")).build();
        DocumentService doc = consented();
        doc.sendElectronic(outbox, Channel.SMS, "【黄岩综合执法】您的行政处罚决定书已送达，请登录查看。");
        assertThatThrownBy(() -> doc.recordDelivery(outbox.find(doc.electronicKey()).orElseThrow()))
                .hasMessageContaining("needs a delivered or dead-lettered message");
        outbox.dispatchDue();
        outbox.onReceipt(Receipt.forProviderId("biz-9", Receipt.Status.DELIVERED, at("2026-03-03T09:00:07"), ""));
        DocumentService served = doc.recordDelivery(outbox.find(doc.electronicKey()).orElseThrow());
        assertThat(served.attempts()).singleElement().satisfies(a -> assertThat(a.proofs()).singleElement()
                .satisfies(p -> assertThat(p.reference()).contains("decision-2026-001/e-service", "biz-9")));
        assertThat(served.effect().orElseThrow().effectiveAt()).contains(at("2026-03-03T09:00:07"));
        assertThat(served.record().effect().orElseThrow().starts()).singleElement()
                .satisfies(d -> assertThat(d.date()).isEqualTo(LocalDate.of(2026, 3, 18)));
    }

    @Test
    void deadLetteredElectronicService_isAFailedAttempt_thatOpensPublicNotice() {
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock)
                .retry(RetryPolicy.builder().maxAttempts(1).build())
                .gateway(Channel.SMS, r -> SendResult.rejected("number does not exist")).build();
        DocumentService doc = consented();
        doc.sendElectronic(outbox, Channel.SMS, "文书送达");
        outbox.dispatchDue();
        DocumentService failed = doc.recordDelivery(outbox.find(doc.electronicKey()).orElseThrow());
        assertThat(failed.attempts()).singleElement().satisfies(a -> assertThat(a.outcome())
                .isEqualTo(ServiceAttempt.Outcome.FAILED));
        assertThat(failed.effect()).isEmpty();
        DocumentService published = failed.record(ServiceAttempt.of(ServiceMethod.PUBLIC_NOTICE, at("2026-03-10T09:00:00"),
                ServiceAttempt.Outcome.PUBLISHED, "公告栏", new ServiceProof(ServiceProof.Kind.PUBLICATION, "photo-1", "")));
        assertThat(published.effect().orElseThrow().effectiveOn()).isEqualTo(LocalDate.of(2026, 4, 9));
    }

    @Test
    void sendingElectronically_withoutRecordedConsent_queuesNothing() {
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock)
                .gateway(Channel.SMS, r -> SendResult.accepted("x")).build();
        DocumentService doc = DocumentService.open("d-1", DocumentKind.DECISION, "p", ServiceRules.defaults());
        assertThatThrownBy(() -> doc.sendElectronic(outbox, Channel.SMS, "t")).isInstanceOf(NotifyException.class)
                .hasMessageContaining("needs the party's recorded consent");
        assertThat(outbox.size()).isZero();
    }
}
