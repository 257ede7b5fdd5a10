package io.offsite.cases.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.cases.penalty.LateSurcharge;
import io.offsite.cases.penalty.PenaltyException;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Worked dates over the official 2025–2026 calendar (National Day 2025, Spring Festival 2026). */
class DeadlineCalculatorTest {
    private static final DeadlineCalculator CALC = DeadlineCalculator.chinaDefaults();

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    @Test
    void fiveWorkingDays_skipNationalDayAndCountTheMakeUpSaturday() {
        // Served Tue 30 Sep: Oct 1–8 off; Oct 9, 10, Sat 11 (make-up), 13, 14.
        assertThat(CALC.statementDefenceEnds(d(2025, 9, 30)).date()).isEqualTo(d(2025, 10, 14));
        assertThat(CALC.hearingRequestEnds(d(2025, 9, 30)).date()).isEqualTo(d(2025, 10, 14));
    }

    @Test
    void threeWorkingDays_countAMakeUpSundayRightAfterTheStart() {
        StatutoryPeriod three = StatutoryPeriod.workingDays(3, "local form");
        // Fri 26 Sep: Sat 27 off, Sun 28 make-up (1), Mon 29 (2), Tue 30 (3).
        assertThat(CALC.counter().end(d(2025, 9, 26), three)).isEqualTo(d(2025, 9, 30));
    }

    @Test
    void startDayIsNotCounted() {
        assertThat(CALC.counter().end(d(2025, 6, 3), StatutoryPeriod.workingDays(1, "t"))).isEqualTo(d(2025, 6, 4));
    }

    @Test
    void calendarPeriodEndingInAHoliday_rollsToTheNextWorkingDay() {
        // 20 Sep + 15 = 5 Oct (holiday) → Oct 6–8 holidays → Thu 9 Oct.
        assertThat(CALC.paymentDue(d(2025, 9, 20)).date()).isEqualTo(d(2025, 10, 9));
    }

    @Test
    void calendarPeriodEndingOnAMakeUpWorkingDay_isNotExtended() {
        assertThat(CALC.paymentDue(d(2025, 9, 26)).date()).isEqualTo(d(2025, 10, 11));
    }

    @Test
    void ninetyDayDecisionPeriod_rollsOutOfNationalDay() {
        assertThat(CALC.decisionDue(d(2025, 7, 3)).date()).isEqualTo(d(2025, 10, 9));
    }

    @Test
    void monthPeriod_endsOnTheMonthsLastDayWhenTheDayDoesNotExist() {
        assertThat(CALC.counter().end(d(2025, 8, 31), StatutoryPeriod.months(1, "t"))).isEqualTo(d(2025, 9, 30));
    }

    @Test
    void monthPeriodEndingOnAMakeUpSaturday_isNotExtended() {
        // 31 Aug 2025 + 6 months = 28 Feb 2026, a make-up working Saturday.
        assertThat(CALC.counter().end(d(2025, 8, 31), CALC.policy().litigationPeriod())).isEqualTo(d(2026, 2, 28));
    }

    @Test
    void hearingNotice_mustGoOutSevenWorkingDaysBeforeTheHearing() {
        // Hearing Tue 14 Oct 2025: 13, Sat 11, 10, 9, (1–8 off), 30 Sep, 29, Sun 28 (make-up) → send by 27 Sep.
        LocalDate latest = CALC.hearingNoticeLatest(d(2025, 10, 14)).date();
        assertThat(latest).isEqualTo(d(2025, 9, 27));
        assertThat(CALC.counter().end(latest, CALC.policy().hearingNotice())).isBefore(d(2025, 10, 14));
        assertThat(CALC.counter().end(latest.plusDays(1), CALC.policy().hearingNotice())).isEqualTo(d(2025, 10, 14));
    }

    @Test
    void lateSurcharge_roundsDownToTheFenByDefault_andTheRoundingIsASetting() {
        // 2,050 fen × 3 % = 61.5 fen a day: the default never charges the half fen above the statutory rate.
        assertThat(CALC.lateSurchargeFen(2_050, d(2025, 10, 9), d(2025, 10, 10))).isEqualTo(61);
        assertThat(CALC.lateSurchargeFen(2_050, d(2025, 10, 9), d(2025, 10, 12))).isEqualTo(184); // 184.5, once
        DeadlineCalculator halfUp = DeadlineCalculator.of(DeadlinePolicy.builder().lateSurcharge(LateSurcharge.builder()
                .rounding(RoundingMode.HALF_UP).build()).build(), HolidayCalendar.china());
        assertThat(halfUp.lateSurchargeFen(2_050, d(2025, 10, 9), d(2025, 10, 10))).isEqualTo(62);
        assertThat(halfUp.lateSurchargeFen(2_050, d(2025, 10, 9), d(2025, 11, 30))).isEqualTo(2_050); // capped
        assertThatThrownBy(() -> LateSurcharge.builder().rounding(RoundingMode.UNNECESSARY))
                .isInstanceOf(PenaltyException.class).hasMessageContaining("UNNECESSARY");
    }

    @Test
    void lateSurcharge_isThreePercentPerDayCappedAtTheFine() {
        assertThat(CALC.lateSurchargeFen(20_000, d(2025, 10, 9), d(2025, 10, 9))).isZero();
        assertThat(CALC.lateSurchargeFen(20_000, d(2025, 10, 9), d(2025, 10, 12))).isEqualTo(1_800);
        assertThat(CALC.lateSurchargeFen(20_000, d(2025, 10, 9), d(2025, 11, 10))).isEqualTo(19_200); // 32 days
        assertThat(CALC.lateSurchargeFen(20_000, d(2025, 10, 9), d(2025, 11, 12))).isEqualTo(20_000); // 34 days, capped
        assertThat(CALC.lateSurchargeFen(20_000, d(2025, 10, 9), d(2026, 10, 9))).isEqualTo(20_000);
    }

    @Test
    void courtWindow_opensAfterLitigationAndDemandAndClosesThreeMonthsLater() {
        // Served 17 Aug 2025: +6 months = 17 Feb 2026 (Spring Festival) → Tue 24 Feb.
        // Demand served Mon 2 Feb 2026: 10 working days end Sat 14 Feb (make-up day).
        CourtWindow w = CALC.courtEnforcementWindow(d(2025, 8, 17), d(2026, 2, 2));
        assertThat(w.litigationEndsOn()).isEqualTo(d(2026, 2, 24));
        assertThat(w.demandMaturesOn()).isEqualTo(d(2026, 2, 14));
        assertThat(w.earliest()).isEqualTo(d(2026, 2, 25));
        assertThat(w.latest()).isEqualTo(d(2026, 5, 25)); // 24 May is a Sunday
        assertThat(w.allows(d(2026, 2, 24))).isFalse();
        assertThat(w.isOpen()).isTrue();
    }

    @Test
    void courtWindow_demandServedTooLate_isClosed() {
        CourtWindow w = CALC.courtEnforcementWindow(d(2025, 3, 3), d(2025, 11, 28));
        assertThat(w.isOpen()).isFalse();
    }

    @Test
    void publicNotice_isDeemedServedAfterThirtyCalendarDaysWithoutRolling() {
        assertThat(CALC.publicNoticeServed(d(2025, 9, 5)).date()).isEqualTo(d(2025, 10, 5));
    }

    @Test
    void limitation_isTwoYearsOrFiveWhereLifeHealthOrFinanceWasHarmed() {
        Deadline two = CALC.limitationEnds(d(2024, 3, 10), false);
        assertThat(two.date()).isEqualTo(d(2026, 3, 10));
        assertThat(two.provisional()).isFalse();
        // 10 Mar 2029 is a Saturday: the period ends on Monday 12 Mar, counted on the provisional 2029 calendar.
        Deadline five = CALC.limitationEnds(d(2024, 3, 10), true);
        assertThat(five.date()).isEqualTo(d(2029, 3, 12));
        assertThat(five.provisional()).isTrue();
        assertThat(five.provisionalReason()).hasValueSatisfying(r -> assertThat(r).contains("2029"));
    }

    @Test
    void limitationFromToday_works() {
        assertThat(CALC.limitationEnds(d(2026, 12, 5), false).date()).isEqualTo(d(2028, 12, 5));
        assertThat(CALC.limitationEnds(d(2026, 12, 5), true).date()).isEqualTo(d(2031, 12, 5));
    }

    @Test
    void periodEndingInAYearWithoutItsNotice_isProvisionalAndSaysWhy() {
        // Served Sun 20 Dec 2026: +15 = Mon 4 Jan 2027, a working day in the provisional 2027 count.
        Deadline pay = CALC.paymentDue(d(2026, 12, 20));
        assertThat(pay.date()).isEqualTo(d(2027, 1, 4));
        assertThat(pay.provisional()).isTrue();
        assertThat(pay.toString()).contains("PROVISIONAL: 2027 counted provisionally", "全国年节及纪念日放假办法");
    }

    @Test
    void periodOnOfficialDataOnly_isNotProvisional() {
        Deadline pay = CALC.paymentDue(d(2026, 12, 10));
        assertThat(pay.date()).isEqualTo(d(2026, 12, 25));
        assertThat(pay.provisional()).isFalse();
        assertThat(pay.toString()).doesNotContain("PROVISIONAL");
    }

    @Test
    void workingDayPeriodCrossingIntoAProvisionalYear_isProvisional() {
        // Tue 29 Dec 2026: 30, 31 Dec (official), then 1 Jan 2027 (元旦, provisional) is skipped: 4, 5, 6 Jan.
        Deadline statement = CALC.statementDefenceEnds(d(2026, 12, 29));
        assertThat(statement.date()).isEqualTo(d(2027, 1, 6));
        assertThat(statement.provisional()).isTrue();
    }

    @Test
    void courtWindowCountedOverAProvisionalYear_isFlagged() {
        CourtWindow w = CALC.courtEnforcementWindow(d(2026, 11, 2), d(2026, 12, 1));
        assertThat(w.provisional()).isTrue();
        assertThat(w.toString()).contains("PROVISIONAL");
        assertThat(CALC.courtEnforcementWindow(d(2025, 8, 17), d(2026, 2, 2)).provisional()).isFalse();
    }

    @Test
    void periodPastTheProvisionalTable_isRefusedNamingTheYear() {
        assertThatThrownBy(() -> CALC.paymentDue(d(2060, 12, 20)))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("no holiday data for 2061")
                .hasMessageContaining("2024–2060");
    }

    @Test
    void policy_isConfigurable() {
        DeadlineCalculator seven = DeadlineCalculator.of(DeadlinePolicy.builder()
                .statementDefence(StatutoryPeriod.workingDays(7, "local form")).build(), HolidayCalendar.china());
        assertThat(seven.statementDefenceEnds(d(2025, 9, 30)).date()).isEqualTo(d(2025, 10, 16));
        assertThatThrownBy(() -> LateSurcharge.builder().basisPointsPerDay(0))
                .isInstanceOf(PenaltyException.class).hasMessageContaining("basisPointsPerDay");
    }

    @Test
    void deadline_saysWhatHappensWhenItPasses() {
        Deadline due = CALC.paymentDue(d(2025, 9, 20));
        assertThat(due.passedOn(d(2025, 10, 9))).isFalse();
        assertThat(due.passedOn(d(2025, 10, 10))).isTrue();
        assertThat(due.consequence()).contains("surcharge");
    }
}
