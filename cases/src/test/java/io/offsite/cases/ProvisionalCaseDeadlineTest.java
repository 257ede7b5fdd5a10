package io.offsite.cases;

import io.offsite.core.violation.Violation;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.cases.deadline.Deadline;
import io.offsite.cases.deadline.DeadlineCalculator;
import io.offsite.cases.deadline.DeadlinePolicy;
import io.offsite.cases.deadline.HolidayCalendar;
import io.offsite.core.grid.OfficerId;
import io.offsite.cases.penalty.PartyType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Cases filed today (December 2026) and in later years count their deadlines provisionally and say so. */
class ProvisionalCaseDeadlineTest {
    private static final OfficerId A = OfficerId.of("ZJ-001");
    private static final OfficerId B = OfficerId.of("ZJ-002");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant at(LocalDate d) {
        return d.atTime(10, 0).atZone(SHANGHAI).toInstant();
    }

    @Test
    void filingOnAnyDateOf2026To2035_works_andFlagsEveryDeadlineOutsideTheOfficialYears() {
        CaseLifecycle lc = CaseLifecycle.builder().build();
        int provisional = 0;
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() <= 2035; day = day.plusDays(1)) {
            PenaltyCase c = lc.file("C-" + day, Violation.PARKING, PartyType.PERSON, at(day), "sweep", A, B);
            Deadline next = lc.nextDeadline(c, day).orElseThrow();
            assertThat(next.date()).as("filed %s", day).isEqualTo(c.decisionDueOn()).isAfterOrEqualTo(day.plusDays(90));
            assertThat(next.provisional()).as("filed %s, due %s", day, next.date()).isEqualTo(next.date().getYear() > 2026);
            provisional += next.provisional() ? 1 : 0;
        }
        assertThat(provisional).isGreaterThan(3000);
    }

    @Test
    void caseFiledToday_showsItsProvisional2027DecisionDeadline() {
        CaseLifecycle lc = CaseLifecycle.builder().build();
        PenaltyCase c = lc.file("331003-2026-000042", Violation.PARKING, PartyType.PERSON, at(LocalDate.of(2026, 12, 5)), "r", A, B);
        Deadline next = lc.nextDeadline(c, LocalDate.of(2026, 12, 5)).orElseThrow();
        assertThat(next.date()).isEqualTo(LocalDate.of(2027, 3, 5));
        assertThat(next.toString()).contains("decide the case by 2027-03-05", "PROVISIONAL: 2027 counted provisionally");
    }

    @Test
    void officialYearLoadedAfterFiling_replacesTheProvisionalDeadline() {
        // Filed Wed 2 Jul 2027: +90 = Thu 30 Sep; an official notice making 30 Sep a holiday moves it to 8 Oct.
        LocalDate filed = LocalDate.of(2027, 7, 2);
        CaseLifecycle before = CaseLifecycle.builder().build();
        PenaltyCase c = before.file("C-1", Violation.PARKING, PartyType.PERSON, at(filed), "r", A, B);
        assertThat(before.nextDeadline(c, filed).orElseThrow().date()).isEqualTo(LocalDate.of(2027, 9, 30));
        String notice = "{\"years\": {\"2027\": {\"holidays\": [\"2027-09-30\", \"2027-10-01\", \"2027-10-02\", "
                + "\"2027-10-03\", \"2027-10-04\", \"2027-10-05\", \"2027-10-06\", \"2027-10-07\"], \"workdays\": []}}}";
        HolidayCalendar official = HolidayCalendar.chinaBuilder()
                .officialJson(new ByteArrayInputStream(notice.getBytes(StandardCharsets.UTF_8))).build();
        CaseLifecycle after = CaseLifecycle.builder()
                .deadlines(DeadlineCalculator.of(DeadlinePolicy.defaults(), official)).build();
        Deadline next = after.nextDeadline(c, filed).orElseThrow();
        assertThat(next.date()).isEqualTo(LocalDate.of(2027, 10, 8));
        assertThat(next.provisional()).isFalse();
    }
}
