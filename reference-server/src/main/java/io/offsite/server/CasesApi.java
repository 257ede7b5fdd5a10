package io.offsite.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.offsite.cases.CaseAction;
import io.offsite.cases.CaseCommand;
import io.offsite.cases.CaseConflictException;
import io.offsite.cases.CaseState;
import io.offsite.cases.PenaltyCase;
import io.offsite.cases.TimelineEntry;
import io.offsite.cases.penalty.Assessment;
import io.offsite.cases.spi.StoredCase;
import io.offsite.core.grid.OfficerId;
import io.offsite.evidence.CustodyEntry;
import io.offsite.evidence.EvidenceChain;
import io.offsite.notify.OutboxMessage;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Cases: {@code GET /cases?state=}, {@code GET /cases/{id}} (state, allowed actions, intended penalty with its
 * explanation, next statutory deadline), {@code POST /cases/{id}/actions} (a lifecycle command with the version the
 * caller read: a stale version is a 409 so two officers acting at once never overwrite each other), {@code GET
 * /cases/{id}/timeline} (one auditable story: texts and receipts from the outbox, evidence and its custody log,
 * every lifecycle step) and {@code GET /cases/{id}/completeness}.
 */
final class CasesApi implements HttpService {
    private final Enforcement enforcement;
    private final Json json;

    CasesApi(Enforcement enforcement, Json json) {
        this.enforcement = enforcement;
        this.json = json;
    }

    /** A case as listed. */
    record Summary(String caseId, String violation, String state, String filedOn, long version) {
    }

    /** A case in full. */
    record Detail(String caseId, String violation, String party, String state, long version, String filedOn,
            String decisionDueOn, List<String> allowedActions, Penalty intendedPenalty, Deadline nextDeadline,
            String episodeId, int evidenceItems) {
    }

    /** The discretion table's answer and why. */
    record Penalty(String outcome, long fineYuan, String tier, String tableVersion, List<String> explanation) {
    }

    /** The next statutory deadline. */
    record Deadline(String what, String date, boolean provisional, String consequence) {
    }

    /** A lifecycle command. */
    record ActionBody(@NotBlank @Size(max = 100) String commandId, @NotBlank String action,
            @NotBlank @Size(max = 2_000) String reason, @NotNull @NotEmpty @Size(max = 4) List<@NotBlank String> officers,
            @NotNull @PositiveOrZero Long version, String at, @PositiveOrZero Long amountFen) {
    }

    /** One line of the auditable timeline. */
    record Line(String at, String source, String what, String detail) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/cases", this::list)
                .get("/cases/{id}", this::get)
                .post("/cases/{id}/actions", this::act)
                .get("/cases/{id}/timeline", this::timeline)
                .get("/cases/{id}/completeness", this::completeness);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER, Role.ADMIN);
        String s = req.query().first("state").orElse("FILED").toUpperCase(Locale.ROOT);
        CaseState state;
        try {
            state = CaseState.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.field("state", "one of " + List.of(CaseState.values()) + ", got " + s);
        }
        res.send(enforcement.caseStore().findByState(state, 500).stream().map(c -> new Summary(c.caseId(),
                c.penaltyCase().violation().code(), c.penaltyCase().state().name(),
                c.penaltyCase().filedOn().toString(), c.version())).toList());
    }

    private StoredCase load(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        return enforcement.cases().find(id).orElseThrow(() -> ApiException.notFound("no case " + id));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER, Role.ADMIN);
        StoredCase sc = load(req);
        PenaltyCase c = sc.penaltyCase();
        LocalDate today = LocalDate.ofInstant(enforcement.now(), CaseDesk.HUANGYAN);
        Penalty p = enforcement.desk().intendedIfKnown(c.violation(), c.party(), c.timeline().get(0).at())
                .map(a -> new Penalty(a.decision().outcome().name(), a.decision().fineFen() / 100, a.decision().tierId(),
                        a.decision().versionId(), a.explanation().steps().stream().map(st -> st.text()).toList()))
                .orElse(null);
        Deadline next = enforcement.lifecycle().nextDeadline(c, today).map(d -> new Deadline(d.what(),
                d.date().toString(), d.provisional(), d.consequence())).orElse(null);
        int items = enforcement.desk().hasChain(c.caseId()) ? enforcement.desk().chain(c.caseId()).items().size() : 0;
        res.send(new Detail(c.caseId(), c.violation().code(), c.party().name(), c.state().name(), sc.version(),
                c.filedOn().toString(), c.decisionDueOn().toString(),
                enforcement.lifecycle().allowedActions(c).stream().map(Enum::name).sorted().toList(), p, next,
                FilingReason.episodeOf(c).orElse(null), items));
    }

    private void act(ServerRequest req, ServerResponse res) {
        Role role = Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER);
        PenaltyCase current = load(req).penaltyCase(); // an unknown case is a 404 here as on every /cases/{id} route
        String id = current.caseId();
        ActionBody b = json.read(req, ActionBody.class);
        CaseAction action;
        try {
            action = CaseAction.valueOf(b.action().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.field("/action", "one of " + List.of(CaseAction.values()));
        }
        boolean review = action == CaseAction.APPROVE_REVIEW || action == CaseAction.RETURN_FOR_INVESTIGATION;
        if (review != (role == Role.LEGAL_REVIEWER)) {
            throw ApiException.forbidden(review ? "only a legal reviewer approves or returns a review"
                    : "a legal reviewer reviews; officers take the other steps");
        }
        if (action == CaseAction.SERVE_NOTICE || action == CaseAction.SUBMIT_FOR_REVIEW) {
            // the notice states the facts and the review judges them: both wait for complete evidence
            Completeness done = enforcement.desk().completeness(current);
            if (!done.complete()) {
                throw ApiException.conflict(action + " needs complete evidence; missing: " + done.gaps().stream()
                        .map(k -> k.rule() + " (" + k.reason() + ")").toList());
            }
        }
        Instant at = enforcement.now();
        if (b.at() != null) {
            try {
                at = Instant.parse(b.at());
            } catch (DateTimeParseException e) {
                throw ApiException.field("/at", "not an ISO-8601 instant");
            }
        }
        CaseCommand cmd = CaseCommand.of(b.commandId(), action, at, b.reason(),
                b.officers().stream().map(OfficerId::of).toArray(OfficerId[]::new));
        if (b.amountFen() != null) {
            cmd = cmd.withAmountFen(b.amountFen());
        }
        if (action == CaseAction.DECIDE) {
            cmd = cmd.withDecision(current.intendedDecision().orElseGet(() -> enforcement.desk().intended(
                    current.violation(), current.party(), current.timeline().get(0).at()).decision()));
        }
        StoredCase next;
        try {
            next = enforcement.cases().apply(id, b.version(), cmd);
        } catch (CaseConflictException e) {
            throw ApiException.conflict(e.getMessage());
        }
        res.send(new Summary(next.caseId(), next.penaltyCase().violation().code(), next.penaltyCase().state().name(),
                next.penaltyCase().filedOn().toString(), next.version()));
    }

    private void timeline(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER, Role.ADMIN);
        PenaltyCase c = load(req).penaltyCase();
        List<Line> lines = new ArrayList<>();
        FilingReason.episodeOf(c).ifPresent(ep -> {
            List<String> steps = new ArrayList<>(List.of("/request-owner-move", "/dispatch-officer"));
            for (int n = 1; n <= enforcement.desk().warningsQueued(ep); n++) {
                steps.add("/voice-warning/" + n);
            }
            for (String step : steps) {
                enforcement.outbox().find(ep + step).ifPresent(m -> outboxLines(m, lines));
            }
        });
        if (enforcement.desk().hasChain(c.caseId())) {
            EvidenceChain chain = enforcement.desk().chain(c.caseId());
            for (CustodyEntry e : chain.custodyLog().entries()) {
                lines.add(new Line(e.at().toString(), "evidence", e.action().name(), e.itemId().map(i -> i + " ")
                        .orElse("") + "by " + e.actor() + (e.detail().isEmpty() ? "" : ": " + e.detail())));
            }
        }
        for (TimelineEntry t : c.timeline()) {
            // the filing entry has no state before it: "— → FILED"
            lines.add(new Line(t.at().toString(), "case", t.action(), t.stateBefore().map(Enum::name).orElse("—")
                    + " → " + t.to() + " by " + t.actors().stream().map(OfficerId::value).toList() + ": " + t.reason()));
        }
        lines.sort(Comparator.comparing(Line::at));
        res.send(lines);
    }

    private static void outboxLines(OutboxMessage m, List<Line> lines) {
        String what = m.key().endsWith("/request-owner-move") ? "owner text"
                : m.key().contains("/voice-warning/") ? "loudspeaker warning" : "officer message";
        String to = io.offsite.core.Masks.phone(m.message().to());
        lines.add(new Line(m.enqueuedAt().toString(), "outbox", what + " queued", "to " + to));
        m.sentAt().ifPresent(t -> lines.add(new Line(t.toString(), "outbox", what + " sent", "to " + to)));
        m.deliveredAt().ifPresent(t -> lines.add(new Line(t.toString(), "outbox", what + " delivered", "receipt")));
        m.deadLetteredAt().ifPresent(t -> lines.add(new Line(t.toString(), "outbox", what + " dead-lettered",
                m.deadLetterReason().orElse(""))));
    }

    private void completeness(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER, Role.ADMIN);
        res.send(enforcement.desk().completeness(load(req).penaltyCase()));
    }
}
