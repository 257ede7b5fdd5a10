package io.offsite.core.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ServiceLadderTest {
    private static final DeadlineCalculator CALC = DeadlineCalculator.chinaDefaults();
    private static final LocalDate D = LocalDate.of(2025, 6, 3);

    @Test
    void directService_isEffectiveOnSignature() {
        assertThat(ServiceLadder.start(false, false).direct(D).servedOn()).contains(D);
    }

    @Test
    void leavingWithoutWitnessOrVideo_isNotService() {
        assertThatThrownBy(() -> ServiceLadder.start(false, false).leftAtResidence(D, false))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("witness");
    }

    @Test
    void electronicServiceWithoutConsent_isRejected() {
        assertThatThrownBy(() -> ServiceLadder.start(false, false).electronic(D))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("consented");
        assertThat(ServiceLadder.start(false, true).electronic(D).servedOn()).contains(D);
    }

    @Test
    void returnedMail_servesOnlyWithASignedAddressConfirmation() {
        assertThat(ServiceLadder.start(true, false).mailReturned(D).servedOn()).contains(D);
        assertThat(ServiceLadder.start(false, false).mailReturned(D).servedOn()).isEmpty();
    }

    @Test
    void publicNotice_onlyAfterAFailedAttempt_andDeemedServedThirtyDaysLater() {
        assertThatThrownBy(() -> ServiceLadder.start(false, false).publicNotice(D, CALC))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("only allowed after another method failed");
        ServiceLadder l = ServiceLadder.start(false, false).failed(ServiceMethod.DIRECT, D, "party not found")
                .mailReturned(D.plusDays(5)).publicNotice(D.plusDays(6), CALC);
        assertThat(l.servedOn()).contains(LocalDate.of(2025, 7, 9));
        assertThat(l.servedBy(LocalDate.of(2025, 7, 8))).isFalse();
        assertThat(l.attempts()).hasSize(3);
    }

    @Test
    void attemptsAfterServiceOrOutOfOrder_areRejected() {
        ServiceLadder served = ServiceLadder.start(false, false).direct(D);
        assertThatThrownBy(() -> served.mailReceived(D.plusDays(1))).hasMessageContaining("already served");
        ServiceLadder failed = ServiceLadder.start(false, false).failed(ServiceMethod.DIRECT, D, "absent");
        assertThatThrownBy(() -> failed.mailReceived(D.minusDays(1))).hasMessageContaining("in order");
    }
}
