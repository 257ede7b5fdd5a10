package io.offsite.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.offsite.cases.penalty.Assessment;
import io.offsite.cases.penalty.Facts;
import io.offsite.cases.penalty.HarmLevel;
import io.offsite.cases.penalty.PartyType;
import io.offsite.core.violation.Violation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code POST /api/v1/penalties/assess}: facts → the discretion table's decision with every step explained and
 * cited (the table in force on {@code date}, default today in Huangyan).
 */
final class PenaltiesApi implements HttpService {
    private final Enforcement enforcement;
    private final Json json;

    PenaltiesApi(Enforcement enforcement, Json json) {
        this.enforcement = enforcement;
        this.json = json;
    }

    /** The facts of one violation. */
    record FactsBody(@NotBlank String violation, @Pattern(regexp = "PERSON|ORGANISATION") String party,
            Boolean firstViolation, @PositiveOrZero @Max(1_000) Integer repeatCount,
            @Pattern(regexp = "NONE|MINOR|MODERATE|SEVERE") String harm, Boolean promptlyCorrected,
            @PositiveOrZero Long areaDm2, @PositiveOrZero Long constructionCostFen, String date) {
    }

    /** The decision and its explanation. */
    record Answer(String violation, String outcome, long fineFen, String tier, String tableVersion, String effective,
            List<Step> explanation) {
    }

    /** One explained step. */
    record Step(String kind, String text, String citation, long fineFen) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/penalties/assess", this::assess);
    }

    private void assess(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER, Role.ADMIN);
        FactsBody b = json.read(req, FactsBody.class);
        Violation v;
        try {
            v = Violation.of(b.violation());
        } catch (RuntimeException e) {
            throw ApiException.field("/violation", e.getMessage());
        }
        Facts.Builder f = Facts.builder();
        if (b.party() != null) {
            f.party(PartyType.valueOf(b.party()));
        }
        if (b.firstViolation() != null) {
            f.firstViolation(b.firstViolation());
        }
        if (b.repeatCount() != null) {
            f.repeatCount(b.repeatCount());
        }
        if (b.harm() != null) {
            f.harm(HarmLevel.valueOf(b.harm()));
        }
        if (b.promptlyCorrected() != null) {
            f.promptlyCorrected(b.promptlyCorrected());
        }
        if (b.areaDm2() != null) {
            f.areaDm2(b.areaDm2());
        }
        if (b.constructionCostFen() != null) {
            f.constructionCostFen(b.constructionCostFen());
        }
        LocalDate day = LocalDate.ofInstant(enforcement.now(), CaseDesk.HUANGYAN);
        if (b.date() != null) {
            try {
                day = LocalDate.parse(b.date());
            } catch (DateTimeParseException e) {
                throw ApiException.field("/date", "not an ISO date such as 2026-12-06");
            }
        }
        Assessment a = enforcement.catalogue().explain(v, f.build(), day);
        res.send(new Answer(v.code(), a.decision().outcome().name(), a.decision().fineFen(), a.decision().tierId(),
                a.decision().versionId(), a.explanation().effective().toString(), a.explanation().steps().stream()
                        .map(s -> new Step(s.kind().name(), s.text(), s.citation().map(Object::toString).orElse(null),
                                s.fineFen())).toList()));
    }
}
