package io.offsite.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's public surface, pinned: the API packages and {@code spi}; engines (journal codecs, file-format
 * readers and writers, schedulers' queues, parsers, checks) stay package-private. A type that becomes public
 * (or stops being public) fails this test until the list, the docs and the changelog say so.
 */
class PublicSurfaceTest {
    /** Like testkit's {@code PublicTypes} (testkit depends on cases, so cases cannot use it). */
    private static List<String> publicTypes() throws Exception {
        Path dir = Path.of(CaseLifecycle.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/offsite/cases");
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (rel.endsWith(".class") && !rel.contains("$")) {
                    String name = rel.substring(0, rel.length() - 6).replace('/', '.');
                    if (Modifier.isPublic(Class.forName("io.offsite.cases." + name).getModifiers())) {
                        out.add(name);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void publicTypes_areExactlyTheDocumentedApiAndSpi() throws Exception {
        assertThat(publicTypes()).containsExactlyInAnyOrder(
            "CaseAction", "CaseCommand", "CaseException", "CaseLifecycle", "CasePolicy", "CaseState",
            "IllegalTransitionException", "PenaltyCase", "TimelineEntry", "deadline.CourtWindow",
            "deadline.Deadline", "deadline.DeadlineCalculator", "deadline.DeadlineException",
            "deadline.DeadlinePolicy", "deadline.FestivalDates", "deadline.HolidayCalendar",
            "deadline.PeriodCounter", "deadline.PeriodEnd", "deadline.PeriodUnit", "deadline.StatutoryHolidays",
            "deadline.StatutoryPeriod", "penalty.Aggravation", "penalty.Assessment", "penalty.Citation",
            "penalty.Decision", "penalty.Exemption", "penalty.ExemptionKind", "penalty.Explanation", "penalty.Facts",
            "penalty.FineBand", "penalty.HarmLevel", "penalty.LateSurcharge", "penalty.Mitigation",
            "penalty.Outcome", "penalty.PartyType", "penalty.PenaltyCatalogue", "penalty.PenaltyException",
            "penalty.PenaltyTable", "penalty.RuleTableException", "penalty.StatutoryRange", "penalty.TableProblem",
            "penalty.TableVersion", "penalty.Thresholds", "penalty.Tier", "service.ServiceEffect",
            "service.ServiceLawException", "service.ServiceRecord", "service.ServiceRules", "spi.WorkCalendar");
    }
}
