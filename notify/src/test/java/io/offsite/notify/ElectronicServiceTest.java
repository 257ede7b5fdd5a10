package io.offsite.notify;

import io.offsite.testkit.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.service.Consent;
import io.offsite.core.service.ServiceAttempt;
import io.offsite.core.service.ServiceMethod;
import io.offsite.core.service.ServiceProof;
import io.offsite.notify.spi.SendResult;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** notify delivers and records proof; the legal effect of an attempt is pinned in the cases module's tests. */
class ElectronicServiceTest {
    private static final String PHONE = "13812345678";
    private static final String DOC = "decision-2026-001";
    private static final Consent CONSENT = new Consent(ServiceMethod.ELECTRONIC, PHONE, at("2026-03-01T09:00:00"),
            "consent-form-1");
    private final SettableClock clock = SettableClock.at(at("2026-03-03T09:00:00"));

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Test
    void deliveredMessage_isAServedAttempt_atTheReceiptTime_withArrivalProof() {
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock)
                .gateway(Channel.SMS, r -> SendResult.accepted("biz-9")).build();
        ElectronicService.send(outbox, DOC, CONSENT, Channel.SMS, "【黄岩综合执法】您的行政处罚决定书已送达，请登录查看。");
        OutboxMessage queued = outbox.find(ElectronicService.key(DOC)).orElseThrow();
        assertThat(queued.message().to()).isEqualTo(PHONE);
        assertThatThrownBy(() -> ElectronicService.attempt(queued))
                .isInstanceOf(NotifyException.class).hasMessageContaining("needs a delivered or dead-lettered message");
        outbox.dispatchDue();
        outbox.onReceipt(Receipt.forProviderId("biz-9", Receipt.Status.DELIVERED, at("2026-03-03T09:00:07"), ""));
        ServiceAttempt a = ElectronicService.attempt(outbox.find(ElectronicService.key(DOC)).orElseThrow());
        assertThat(a.method()).isEqualTo(ServiceMethod.ELECTRONIC);
        assertThat(a.outcome()).isEqualTo(ServiceAttempt.Outcome.SERVED);
        assertThat(a.outcomeAt()).isEqualTo(at("2026-03-03T09:00:07"));
        assertThat(a.proofs()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ServiceProof.Kind.ARRIVAL_RECORD);
            assertThat(p.reference()).contains("decision-2026-001/e-service", "biz-9");
        });
    }

    @Test
    void deadLetteredMessage_isAFailedAttempt_withTheGatewayReason() {
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock)
                .retry(RetryPolicy.builder().maxAttempts(1).build())
                .gateway(Channel.SMS, r -> SendResult.rejected("number does not exist")).build();
        ElectronicService.send(outbox, DOC, CONSENT, Channel.SMS, "文书送达");
        outbox.dispatchDue();
        ServiceAttempt a = ElectronicService.attempt(outbox.find(ElectronicService.key(DOC)).orElseThrow());
        assertThat(a.outcome()).isEqualTo(ServiceAttempt.Outcome.FAILED);
        assertThat(a.proofs()).isEmpty();
        assertThat(a.note()).contains("number does not exist");
    }

    @Test
    void consentToVideoService_doesNotAllowElectronicService_andQueuesNothing() {
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock)
                .gateway(Channel.SMS, r -> SendResult.accepted("x")).build();
        Consent video = new Consent(ServiceMethod.VIDEO, "wx-party", at("2026-03-01T09:00:00"), "consent-form-2");
        assertThatThrownBy(() -> ElectronicService.send(outbox, "d-1", video, Channel.SMS, "t"))
                .isInstanceOf(NotifyException.class).hasMessageContaining("consent to ELECTRONIC service");
        assertThatThrownBy(() -> ElectronicService.send(outbox, " ", CONSENT, Channel.SMS, "t"))
                .isInstanceOf(NotifyException.class).hasMessageContaining("non-blank document id");
        assertThat(outbox.size()).isZero();
    }
}
