package io.offsite.notify;

import io.offsite.core.deadline.ServiceMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentServiceTest {
    private static final String HOME = "杭州市西湖区文三路1号";
    private final DocumentService doc = DocumentService.open("decision-2026-001", "party-1", ServiceRules.defaults());

    private static Instant at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private static ServiceProof proof(ServiceProof.Kind kind) {
        return new ServiceProof(kind, "ev-" + kind.name().toLowerCase(), "");
    }

    private static ServiceAttempt attempt(ServiceMethod m, String when, ServiceAttempt.Outcome o, String outcomeWhen,
            String address, ServiceProof.Kind... proofs) {
        return new ServiceAttempt(m, at(when), o, at(outcomeWhen), address,
                java.util.Arrays.stream(proofs).map(DocumentServiceTest::proof).toList(), "");
    }

    @Test
    void directServiceSigned_isEffectiveOnTheLocalDateOfSigning() {
        DocumentService d = doc.record(attempt(ServiceMethod.DIRECT, "2026-03-02T23:30:00", ServiceAttempt.Outcome.SERVED,
                "2026-03-02T23:40:00", HOME, ServiceProof.Kind.RECIPIENT_SIGNATURE));
        assertThat(d.effect()).get().satisfies(e -> {
            assertThat(e.method()).isEqualTo(ServiceMethod.DIRECT);
            assertThat(e.effectiveOn()).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(e.effectiveAt()).contains(at("2026-03-02T23:40:00"));
        });
        assertThat(doc.effect()).as("the old record is unchanged").isEmpty();
    }

    @Test
    void directServiceWithoutSignature_isRejected() {
        assertThatThrownBy(() -> doc.record(attempt(ServiceMethod.DIRECT, "2026-03-02T10:00:00",
                ServiceAttempt.Outcome.SERVED, "2026-03-02T10:00:00", HOME)))
                .isInstanceOf(NotifyException.class).hasMessageContaining("needs a RECIPIENT_SIGNATURE proof");
    }

    @Test
    void leftAtResidence_needsEarlierRefusalAndWitnessOrVideo() {
        ServiceAttempt left = attempt(ServiceMethod.LEFT_AT_RESIDENCE, "2026-03-02T10:05:00",
                ServiceAttempt.Outcome.SERVED, "2026-03-02T10:05:00", HOME, ServiceProof.Kind.VIDEO_RECORDING);
        assertThatThrownBy(() -> doc.record(left)).hasMessageContaining("earlier DIRECT attempt the party REFUSED");
        DocumentService refused = doc.record(attempt(ServiceMethod.DIRECT, "2026-03-02T10:00:00",
                ServiceAttempt.Outcome.REFUSED, "2026-03-02T10:01:00", HOME, ServiceProof.Kind.REFUSAL_RECORD));
        assertThatThrownBy(() -> refused.record(attempt(ServiceMethod.LEFT_AT_RESIDENCE, "2026-03-02T10:05:00",
                ServiceAttempt.Outcome.SERVED, "2026-03-02T10:05:00", HOME)))
                .hasMessageContaining("WITNESS_SIGNATURE or VIDEO_RECORDING");
        DocumentService served = refused.record(left);
        assertThat(served.effect().orElseThrow().method()).isEqualTo(ServiceMethod.LEFT_AT_RESIDENCE);
        assertThat(served.attempts()).hasSize(2);
    }

    @Test
    void electronic_needsConsentForThatAddress_andIsEffectiveOnArrival() {
        ServiceAttempt sms = attempt(ServiceMethod.ELECTRONIC, "2026-03-03T09:00:00", ServiceAttempt.Outcome.SERVED,
                "2026-03-03T09:00:05", "13812345678", ServiceProof.Kind.ARRIVAL_RECORD);
        assertThatThrownBy(() -> doc.record(sms)).hasMessageContaining("needs the party's consent");
        DocumentService wrong = doc.withConsent(new DocumentService.Consent("13900000000", at("2026-03-01T09:00:00"),
                "consent-form-1"));
        assertThatThrownBy(() -> wrong.record(sms)).hasMessageContaining("is not the consented address");
        DocumentService late = doc.withConsent(new DocumentService.Consent("13812345678", at("2026-03-04T09:00:00"),
                "consent-form-1"));
        assertThatThrownBy(() -> late.record(sms)).hasMessageContaining("signed before the attempt");
        DocumentService ok = doc.withConsent(new DocumentService.Consent("13812345678", at("2026-03-01T09:00:00"),
                "consent-form-1")).record(sms);
        assertThat(ok.effect().orElseThrow().effectiveAt()).contains(at("2026-03-03T09:00:05"));
    }

    @Test
    void electronicServiceThroughTheOutbox_isEffectiveAtTheDeliveryReceipt() {
        MutableClock clock = new MutableClock(at("2026-03-03T09:00:00"));
        Outbox outbox = Outbox.builder(OutboxStores.inMemory()).clock(clock)
                .gateway(Channel.SMS, r -> io.offsite.notify.spi.SendResult.accepted("biz-9")).build();
        outbox.enqueue(new OutgoingMessage("decision-2026-001/e-service", Channel.SMS, "13812345678",
                "【杭州城管】您的行政处罚决定书已送达，请登录查看。"));
        assertThatThrownBy(() -> ServiceAttempt.electronic(outbox.find("decision-2026-001/e-service").orElseThrow()))
                .hasMessageContaining("needs a delivered or dead-lettered message");
        outbox.dispatchDue();
        outbox.onReceipt(Receipt.forProviderId("biz-9", Receipt.Status.DELIVERED, at("2026-03-03T09:00:07"), ""));
        ServiceAttempt attempt = ServiceAttempt.electronic(outbox.find("decision-2026-001/e-service").orElseThrow());
        assertThat(attempt.proofs()).singleElement().satisfies(p ->
                assertThat(p.reference()).contains("decision-2026-001/e-service", "biz-9"));
        DocumentService served = doc.withConsent(new DocumentService.Consent("13812345678", at("2026-03-01T09:00:00"),
                "consent-form-1")).record(attempt);
        assertThat(served.effect().orElseThrow().effectiveAt()).contains(at("2026-03-03T09:00:07"));
    }

    @Test
    void mail_isEffectiveOnReceipt_notOnPosting() {
        DocumentService d = doc.record(attempt(ServiceMethod.MAIL, "2026-03-02T10:00:00", ServiceAttempt.Outcome.SERVED,
                "2026-03-05T15:00:00", HOME, ServiceProof.Kind.POSTAL_RECEIPT));
        assertThat(d.effect().orElseThrow().effectiveOn()).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void returnedMail_servesOnlyWithSignedAddressConfirmationForThatAddress() {
        ServiceAttempt returned = attempt(ServiceMethod.MAIL, "2026-03-02T10:00:00", ServiceAttempt.Outcome.RETURNED,
                "2026-03-06T10:00:00", HOME, ServiceProof.Kind.POSTAL_RETURN);
        assertThat(doc.record(returned).effect()).isEmpty();
        DocumentService confirmed = doc.withAddressConfirmation(new DocumentService.AddressConfirmation(HOME,
                at("2026-02-20T10:00:00"), "confirm-1"));
        ServiceEffect e = confirmed.record(returned).effect().orElseThrow();
        assertThat(e.effectiveOn()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(e.basis()).contains("送达地址确认书 confirm-1");
        DocumentService otherAddress = doc.withAddressConfirmation(new DocumentService.AddressConfirmation("别处",
                at("2026-02-20T10:00:00"), "confirm-1"));
        assertThat(otherAddress.record(returned).effect()).isEmpty();
    }

    @Test
    void publicNotice_needsEarlierFailure_andIsDeemedServedAfterConfiguredDays() {
        ServiceAttempt notice = attempt(ServiceMethod.PUBLIC_NOTICE, "2026-03-10T09:00:00",
                ServiceAttempt.Outcome.PUBLISHED, "2026-03-10T09:00:00", "杭州日报 A3版", ServiceProof.Kind.PUBLICATION);
        assertThatThrownBy(() -> doc.record(notice)).hasMessageContaining("earlier failed attempt");
        DocumentService failed = doc.record(attempt(ServiceMethod.DIRECT, "2026-03-02T10:00:00",
                ServiceAttempt.Outcome.NOT_FOUND, "2026-03-02T10:00:00", HOME));
        DocumentService published = failed.record(notice);
        assertThat(published.effect().orElseThrow().effectiveOn()).isEqualTo(LocalDate.of(2026, 4, 9));
        assertThat(published.effect().orElseThrow().effectiveAt()).isEmpty();
        assertThat(published.isServedOn(LocalDate.of(2026, 4, 8))).isFalse();
        assertThat(published.isServedOn(LocalDate.of(2026, 4, 9))).isTrue();

        DocumentService shortNotice = DocumentService.open("d", "p",
                ServiceRules.builder().publicNoticeDays(60).build()).withWhereaboutsUnknown("户籍地查无此人").record(notice);
        assertThat(shortNotice.effect().orElseThrow().effectiveOn()).isEqualTo(LocalDate.of(2026, 5, 9));
    }

    @Test
    void directServiceDuringNoticePeriod_takesEffectEarlier_andLaterAttemptsAreRejected() {
        DocumentService d = doc.withWhereaboutsUnknown("unknown").record(attempt(ServiceMethod.PUBLIC_NOTICE,
                "2026-03-10T09:00:00", ServiceAttempt.Outcome.PUBLISHED, "2026-03-10T09:00:00", "公告栏",
                ServiceProof.Kind.PUBLICATION));
        DocumentService signed = d.record(attempt(ServiceMethod.DIRECT, "2026-03-20T09:00:00",
                ServiceAttempt.Outcome.SERVED, "2026-03-20T09:00:00", HOME, ServiceProof.Kind.RECIPIENT_SIGNATURE));
        assertThat(signed.effect().orElseThrow().method()).isEqualTo(ServiceMethod.DIRECT);
        assertThatThrownBy(() -> signed.record(attempt(ServiceMethod.MAIL, "2026-03-21T09:00:00",
                ServiceAttempt.Outcome.SERVED, "2026-03-22T09:00:00", HOME, ServiceProof.Kind.POSTAL_RECEIPT)))
                .hasMessageContaining("already served on 2026-03-20 by DIRECT");
    }

    @Test
    void malformedAttempts_areRejectedWithTheRuleBroken() {
        assertThatThrownBy(() -> attempt(ServiceMethod.MAIL, "2026-03-02T10:00:00", ServiceAttempt.Outcome.SERVED,
                "2026-03-01T10:00:00", HOME)).hasMessageContaining("is before the attempt");
        assertThatThrownBy(() -> doc.record(attempt(ServiceMethod.DIRECT, "2026-03-02T10:00:00",
                ServiceAttempt.Outcome.RETURNED, "2026-03-02T10:00:00", HOME)))
                .hasMessageContaining("outcome RETURNED is not possible for DIRECT");
        DocumentService one = doc.record(attempt(ServiceMethod.DIRECT, "2026-03-02T10:00:00",
                ServiceAttempt.Outcome.NOT_FOUND, "2026-03-02T10:00:00", HOME));
        assertThatThrownBy(() -> one.record(attempt(ServiceMethod.DIRECT, "2026-03-01T10:00:00",
                ServiceAttempt.Outcome.NOT_FOUND, "2026-03-01T10:00:00", HOME)))
                .hasMessageContaining("earlier than the previous attempt");
        assertThatThrownBy(() -> new ServiceProof(ServiceProof.Kind.PUBLICATION, " ", ""))
                .hasMessageContaining("needs a non-blank reference");
        assertThat(List.of(one.attempts().get(0).outcome())).containsExactly(ServiceAttempt.Outcome.NOT_FOUND);
    }
}
