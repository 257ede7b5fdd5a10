package io.offsite.cases;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.cases.deadline.DeadlineException;
import io.offsite.cases.deadline.HolidayCalendar;
import io.offsite.cases.penalty.PenaltyCatalogue;
import io.offsite.cases.penalty.PenaltyException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bad input to cases is always a {@link CaseException} subclass, never a bare JDK exception. */
class ExceptionFamilyTest {
    @Test
    void emptyPenaltyLoader_isAPenaltyException() {
        assertThatThrownBy(() -> PenaltyCatalogue.loader().load()).isInstanceOf(PenaltyException.class)
                .isInstanceOf(CaseException.class).hasMessageContaining("no penalty table");
    }

    @Test
    void calendarWithADuplicateKey_isADeadlineExceptionNamingTheLine() {
        String json = "{\"years\": {},\n \"years\": {}}";
        assertThatThrownBy(() -> HolidayCalendar.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("line 2");
    }
}
