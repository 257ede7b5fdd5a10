package io.offsite.cases.service;

import io.offsite.core.service.AddressConfirmation;
import io.offsite.core.service.Consent;
import io.offsite.core.service.DocumentKind;
import io.offsite.core.service.ServiceAttempt;
import io.offsite.core.service.ServiceMethod;
import io.offsite.core.service.ServiceProof;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.cases.deadline.Deadline;
import io.offsite.cases.deadline.DeadlineCalculator;
import io.offsite.cases.deadline.DeadlinePolicy;
import io.offsite.cases.deadline.HolidayCalendar;
import io.offsite.cases.deadline.PeriodUnit;
import io.offsite.cases.deadline.StatutoryPeriod;
import io.offsite.core.service.ServiceAttempt.Outcome;
import io.offsite.core.service.ServiceProof.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** One test per rule of service (CPL Arts. 87–95 as applied to administrative penalties). */
class ServiceRecordTest {
    private static final String HOME = "台州市黄岩区劳动北路1号";
    private static final String PHONE = "13812345678";
    private final ServiceRecord doc = ServiceRecord.open("decision-2026-001", DocumentKind.DECISION, "party-1",
            ServiceRules.defaults());

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private static ServiceAttempt attempt(ServiceMethod m, String when, Outcome o, String outcomeWhen, String address,
            Kind... proofs) {
        return new ServiceAttempt(m, at(when), o, at(outcomeWhen), address,
                Arrays.stream(proofs).map(k -> new ServiceProof(k, "ev-" + k.name().toLowerCase(), "")).toList(), "");
    }

    private ServiceRecord refused() {
        return doc.record(attempt(ServiceMethod.DIRECT, "2026-03-02T10:00:00", Outcome.REFUSED, "2026-03-02T10:01:00",
                HOME, Kind.REFUSAL_RECORD));
    }

    @Test
    void directService_isEffectiveOnTheLocalDateOfSignature() {
        ServiceRecord d = doc.record(attempt(ServiceMethod.DIRECT, "2026-03-02T23:30:00", Outcome.SERVED,
                "2026-03-02T23:40:00", HOME, Kind.RECIPIENT_SIGNATURE));
        assertThat(d.effect()).get().satisfies(e -> {
            assertThat(e.method()).isEqualTo(ServiceMethod.DIRECT);
            assertThat(e.effectiveOn()).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(e.effectiveAt()).contains(at("2026-03-02T23:40:00"));
        });
        assertThat(doc.effect()).as("the old record is unchanged").isEmpty();
    }

    @Test
    void directServiceWithoutTheRecipientsSignature_isRejected() {
        assertThatThrownBy(() -> doc.record(attempt(ServiceMethod.DIRECT, "2026-03-02T10:00:00", Outcome.SERVED,
                "2026-03-02T10:00:00", HOME))).isInstanceOf(ServiceLawException.class)
                .hasMessageContaining("needs a RECIPIENT_SIGNATURE proof");
    }

    @Test
    void refusalWithoutARefusalRecord_isRejected() {
        assertThatThrownBy(() -> doc.record(attempt(ServiceMethod.DIRECT, "2026-03-02T10:00:00", Outcome.REFUSED,
                "2026-03-02T10:00:00", HOME))).hasMessageContaining("needs a REFUSAL_RECORD proof");
    }

    @Test
    void leavingAtTheResidence_withoutARecordedRefusal_isNotService() {
        ServiceRecord notFound = doc.record(attempt(ServiceMethod.DIRECT, "2026-03-02T10:00:00", Outcome.NOT_FOUND,
                "2026-03-02T10:00:00", HOME));
        assertThatThrownBy(() -> notFound.record(attempt(ServiceMethod.LEFT_AT_RESIDENCE, "2026-03-02T10:05:00",
                Outcome.SERVED, "2026-03-02T10:05:00", HOME, Kind.WITNESS_SIGNATURE)))
                .isInstanceOf(ServiceLawException.class).hasMessageContaining("needs an earlier refusal");
    }

    @Test
    void leavingAtTheResidence_withoutAWitnessOrPhotoVideoRecord_isNotService() {
        assertThatThrownBy(() -> refused().record(attempt(ServiceMethod.LEFT_AT_RESIDENCE, "2026-03-02T10:05:00",
                Outcome.SERVED, "2026-03-02T10:05:00", HOME)))
                .hasMessageContaining("WITNESS_SIGNATURE or a PHOTO_OR_VIDEO_RECORD");
    }

    @Test
    void leavingAtTheResidence_afterARecordedRefusalWithAWitness_isEffectiveWhenLeft() {
        ServiceEffect e = refused().record(attempt(ServiceMethod.LEFT_AT_RESIDENCE, "2026-03-02T10:05:00",
                Outcome.SERVED, "2026-03-02T10:06:00", HOME, Kind.WITNESS_SIGNATURE)).effect().orElseThrow();
        assertThat(e.method()).isEqualTo(ServiceMethod.LEFT_AT_RESIDENCE);
        assertThat(e.effectiveAt()).contains(at("2026-03-02T10:06:00"));
        assertThat(e.basis()).contains("witnessed", "留置送达");
    }

    @Test
    void leavingAtTheResidence_afterARecordedRefusalWithAPhotoOrVideoRecord_isEffectiveWhenLeft() {
        ServiceEffect e = refused().record(attempt(ServiceMethod.LEFT_AT_RESIDENCE, "2026-03-02T10:05:00",
                Outcome.SERVED, "2026-03-02T10:06:00", HOME, Kind.PHOTO_OR_VIDEO_RECORD)).effect().orElseThrow();
        assertThat(e.effectiveOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(e.basis()).contains("photographed/filmed");
    }

    @Test
    void electronicService_withoutRecordedConsent_isRejected() {
        assertThatThrownBy(() -> doc.record(attempt(ServiceMethod.ELECTRONIC, "2026-03-03T09:00:00", Outcome.SERVED,
                "2026-03-03T09:00:05", PHONE, Kind.ARRIVAL_RECORD))).hasMessageContaining("needs the party's consent");
    }

    @Test
    void electronicService_toAnAddressOtherThanTheConsentedOne_isRejected() {
        ServiceRecord wrong = doc.withConsent(new Consent(ServiceMethod.ELECTRONIC, "13900000000",
                at("2026-03-01T09:00:00"), "consent-form-1"));
        assertThatThrownBy(() -> wrong.record(attempt(ServiceMethod.ELECTRONIC, "2026-03-03T09:00:00", Outcome.SERVED,
                "2026-03-03T09:00:05", PHONE, Kind.ARRIVAL_RECORD))).hasMessageContaining("is not the consented address");
    }

    @Test
    void electronicService_beforeTheConsentWasGiven_isRejected() {
        ServiceRecord late = doc.withConsent(new Consent(ServiceMethod.ELECTRONIC, PHONE, at("2026-03-04T09:00:00"),
                "consent-form-1"));
        assertThatThrownBy(() -> late.record(attempt(ServiceMethod.ELECTRONIC, "2026-03-03T09:00:00", Outcome.SERVED,
                "2026-03-03T09:00:05", PHONE, Kind.ARRIVAL_RECORD))).hasMessageContaining("recorded before the attempt");
    }

    @Test
    void electronicService_isEffectiveOnArrival_notOnSending() {
        ServiceRecord d = doc.withConsent(new Consent(ServiceMethod.ELECTRONIC, PHONE, at("2026-03-01T09:00:00"),
                "consent-form-1")).record(attempt(ServiceMethod.ELECTRONIC, "2026-03-03T23:59:00", Outcome.SERVED,
                "2026-03-04T00:01:00", PHONE, Kind.ARRIVAL_RECORD));
        assertThat(d.effect().orElseThrow().effectiveOn()).isEqualTo(LocalDate.of(2026, 3, 4));
    }

    @Test
    void videoService_withoutConsent_isRejected_electronicConsentIsNotEnough() {
        ServiceRecord eOnly = doc.withConsent(new Consent(ServiceMethod.ELECTRONIC, PHONE, at("2026-03-01T09:00:00"),
                "consent-form-1"));
        assertThatThrownBy(() -> eOnly.record(attempt(ServiceMethod.VIDEO, "2026-03-03T09:00:00", Outcome.SERVED,
                "2026-03-03T09:20:00", PHONE, Kind.IDENTITY_CHECK, Kind.SESSION_RECORDING)))
                .hasMessageContaining("VIDEO service needs the party's consent");
    }

    @Test
    void videoService_withoutIdentityCheckOrRecordedSession_isRejected() {
        ServiceRecord ok = doc.withConsent(new Consent(ServiceMethod.VIDEO, PHONE, at("2026-03-01T09:00:00"), "c-2"));
        assertThatThrownBy(() -> ok.record(attempt(ServiceMethod.VIDEO, "2026-03-03T09:00:00", Outcome.SERVED,
                "2026-03-03T09:20:00", PHONE, Kind.SESSION_RECORDING))).hasMessageContaining("IDENTITY_CHECK");
        assertThatThrownBy(() -> ok.record(attempt(ServiceMethod.VIDEO, "2026-03-03T09:00:00", Outcome.SERVED,
                "2026-03-03T09:20:00", PHONE, Kind.IDENTITY_CHECK))).hasMessageContaining("SESSION_RECORDING");
    }

    @Test
    void videoService_withConsentIdentityCheckAndRecording_isEffectiveAtTheSession() {
        ServiceEffect e = doc.withConsent(new Consent(ServiceMethod.VIDEO, PHONE, at("2026-03-01T09:00:00"), "c-2"))
                .record(attempt(ServiceMethod.VIDEO, "2026-03-03T09:00:00", Outcome.SERVED, "2026-03-03T09:20:00",
                        PHONE, Kind.IDENTITY_CHECK, Kind.SESSION_RECORDING)).effect().orElseThrow();
        assertThat(e.method()).isEqualTo(ServiceMethod.VIDEO);
        assertThat(e.effectiveAt()).contains(at("2026-03-03T09:20:00"));
    }

    @Test
    void mail_isEffectiveOnReceipt_notOnPosting() {
        ServiceRecord d = doc.record(attempt(ServiceMethod.MAIL, "2026-03-02T10:00:00", Outcome.SERVED,
                "2026-03-05T15:00:00", HOME, Kind.POSTAL_RECEIPT));
        assertThat(d.effect().orElseThrow().effectiveOn()).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void returnedMail_withoutASignedAddressConfirmation_isNotService() {
        assertThat(doc.record(returned()).effect()).isEmpty();
    }

    @Test
    void returnedMail_toTheConfirmedAddress_isServedOnTheReturnDate() {
        ServiceEffect e = doc.withAddressConfirmation(new AddressConfirmation(HOME, at("2026-02-20T10:00:00"),
                "confirm-1")).record(returned()).effect().orElseThrow();
        assertThat(e.effectiveOn()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(e.basis()).contains("送达地址确认书 confirm-1");
    }

    @Test
    void returnedMail_toAnAddressOtherThanTheConfirmedOne_isNotService() {
        ServiceRecord other = doc.withAddressConfirmation(new AddressConfirmation("别处", at("2026-02-20T10:00:00"),
                "confirm-1"));
        assertThat(other.record(returned()).effect()).isEmpty();
    }

    private static ServiceAttempt returned() {
        return attempt(ServiceMethod.MAIL, "2026-03-02T10:00:00", Outcome.RETURNED, "2026-03-06T10:00:00", HOME,
                Kind.POSTAL_RETURN);
    }

    private static ServiceAttempt notice(String when) {
        return attempt(ServiceMethod.PUBLIC_NOTICE, when, Outcome.PUBLISHED, when, "台州日报 A3版", Kind.PUBLICATION);
    }

    @Test
    void publicNotice_withoutAnEarlierFailureOrUnknownWhereabouts_isRejected() {
        assertThatThrownBy(() -> doc.record(notice("2026-03-10T09:00:00"))).hasMessageContaining("earlier failed attempt");
    }

    @Test
    void publicNotice_isDeemedServedThirtyDaysAfterPublication() {
        ServiceRecord published = doc.record(attempt(ServiceMethod.DIRECT, "2026-03-02T10:00:00", Outcome.NOT_FOUND,
                "2026-03-02T10:00:00", HOME)).record(notice("2026-03-10T09:00:00"));
        assertThat(published.effect().orElseThrow().effectiveOn()).isEqualTo(LocalDate.of(2026, 4, 9));
        assertThat(published.effect().orElseThrow().effectiveAt()).isEmpty();
        assertThat(published.isServedOn(LocalDate.of(2026, 4, 8))).isFalse();
        assertThat(published.isServedOn(LocalDate.of(2026, 4, 9))).isTrue();
        assertThat(doc.withWhereaboutsUnknown("户籍地查无此人").record(notice("2026-03-10T09:00:00")).effect())
                .isPresent();
    }

    @Test
    void publicNoticePeriod_isConfigurable_andARolledPeriodOverAProvisionalYearIsFlagged() {
        DeadlineCalculator sixtyRolling = DeadlineCalculator.of(DeadlinePolicy.builder().publicNotice(
                new StatutoryPeriod(60, PeriodUnit.CALENDAR_DAYS, true, "local rule")).build(), HolidayCalendar.china());
        ServiceRecord d = ServiceRecord.open("d", DocumentKind.OTHER, "p",
                ServiceRules.builder().deadlines(sixtyRolling).build()).withWhereaboutsUnknown("unknown");
        ServiceEffect e = d.record(notice("2026-12-01T09:00:00")).effect().orElseThrow();
        assertThat(e.effectiveOn()).isEqualTo(LocalDate.of(2027, 2, 1)); // 1 Dec + 60 = Sat 30 Jan 2027 → Mon 1 Feb
        assertThat(e.provisional()).isTrue();
    }

    @Test
    void serviceDuringAPublicNoticePeriod_takesEffectEarlier_andLaterAttemptsAreRejected() {
        ServiceRecord d = doc.withWhereaboutsUnknown("unknown").record(notice("2026-03-10T09:00:00"));
        ServiceRecord signed = d.record(attempt(ServiceMethod.DIRECT, "2026-03-20T09:00:00", Outcome.SERVED,
                "2026-03-20T09:00:00", HOME, Kind.RECIPIENT_SIGNATURE));
        assertThat(signed.effect().orElseThrow().method()).isEqualTo(ServiceMethod.DIRECT);
        assertThatThrownBy(() -> signed.record(attempt(ServiceMethod.MAIL, "2026-03-21T09:00:00", Outcome.SERVED,
                "2026-03-22T09:00:00", HOME, Kind.POSTAL_RECEIPT))).hasMessageContaining("already served on 2026-03-20 by DIRECT");
    }

    @Test
    void attemptsOutOfOrderOrWithImpossibleOutcomes_areRejected() {
        assertThatThrownBy(() -> attempt(ServiceMethod.MAIL, "2026-03-02T10:00:00", Outcome.SERVED,
                "2026-03-01T10:00:00", HOME)).hasMessageContaining("is before the attempt");
        assertThatThrownBy(() -> doc.record(attempt(ServiceMethod.DIRECT, "2026-03-02T10:00:00", Outcome.RETURNED,
                "2026-03-02T10:00:00", HOME))).hasMessageContaining("outcome RETURNED is not possible for DIRECT");
        ServiceRecord one = doc.record(attempt(ServiceMethod.DIRECT, "2026-03-02T10:00:00", Outcome.NOT_FOUND,
                "2026-03-02T10:00:00", HOME));
        assertThatThrownBy(() -> one.record(attempt(ServiceMethod.DIRECT, "2026-03-01T10:00:00", Outcome.NOT_FOUND,
                "2026-03-01T10:00:00", HOME))).hasMessageContaining("earlier than the previous attempt");
    }

    @Test
    void effectiveService_startsThePeriodsOfItsDocument() {
        ServiceAttempt signed = attempt(ServiceMethod.DIRECT, "2025-09-30T10:00:00", Outcome.SERVED,
                "2025-09-30T10:00:00", HOME, Kind.RECIPIENT_SIGNATURE);
        assertThat(ServiceRecord.open("n", DocumentKind.PENALTY_NOTICE, "p", ServiceRules.defaults()).record(signed)
                .effect().orElseThrow().starts()).extracting(Deadline::date).containsExactly(LocalDate.of(2025, 10, 14));
        assertThat(ServiceRecord.open("h", DocumentKind.HEARING_RIGHTS_NOTICE, "p", ServiceRules.defaults())
                .record(signed).effect().orElseThrow().starts()).hasSize(2);
        assertThat(ServiceRecord.open("d", DocumentKind.DECISION, "p", ServiceRules.defaults()).record(signed)
                .effect().orElseThrow().starts()).singleElement().satisfies(dl -> assertThat(dl.what()).isEqualTo("pay the fine"));
    }
}
