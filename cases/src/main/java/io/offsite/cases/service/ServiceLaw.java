package io.offsite.cases.service;

import io.offsite.core.service.Consent;
import io.offsite.core.service.ServiceAttempt;
import io.offsite.core.service.ServiceMethod;
import io.offsite.core.service.ServiceProof;
import io.offsite.cases.deadline.PeriodEnd;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rules of each service method and the effective date they give (CPL Arts. 87–95). Stateless. */
final class ServiceLaw {
    private ServiceLaw() {
    }

    static Optional<ServiceEffect> evaluate(ServiceRecord r, ServiceAttempt a, String where) {
        int index = r.attempts().size();
        LocalDate outcomeDay = LocalDate.ofInstant(a.outcomeAt(), r.rules().zone());
        switch (a.method()) {
            case DIRECT:
                allow(a, where, ServiceAttempt.Outcome.SERVED, ServiceAttempt.Outcome.REFUSED,
                        ServiceAttempt.Outcome.NOT_FOUND);
                if (a.outcome() == ServiceAttempt.Outcome.REFUSED) {
                    need(a, where, ServiceProof.Kind.REFUSAL_RECORD);
                }
                if (a.outcome() != ServiceAttempt.Outcome.SERVED) {
                    return Optional.empty();
                }
                need(a, where, ServiceProof.Kind.RECIPIENT_SIGNATURE);
                return served(r, a, outcomeDay, index, "signed for by the party (直接送达)");
            case LEFT_AT_RESIDENCE:
                allow(a, where, ServiceAttempt.Outcome.SERVED);
                if (r.attempts().stream().noneMatch(p -> p.outcome() == ServiceAttempt.Outcome.REFUSED
                        && p.has(ServiceProof.Kind.REFUSAL_RECORD))) {
                    throw new ServiceLawException(where + ": leaving at the residence (留置送达) needs an earlier refusal"
                            + " recorded with a REFUSAL_RECORD proof (CPL Art. 89)");
                }
                if (!a.has(ServiceProof.Kind.WITNESS_SIGNATURE) && !a.has(ServiceProof.Kind.PHOTO_OR_VIDEO_RECORD)) {
                    throw new ServiceLawException(where + ": leaving at the residence needs a WITNESS_SIGNATURE or a "
                            + "PHOTO_OR_VIDEO_RECORD proof (CPL Art. 89)");
                }
                return served(r, a, outcomeDay, index, "left at the residence after a recorded refusal, "
                        + (a.has(ServiceProof.Kind.WITNESS_SIGNATURE) ? "witnessed" : "photographed/filmed") + " (留置送达)");
            case ELECTRONIC:
            case VIDEO: {
                allow(a, where, ServiceAttempt.Outcome.SERVED, ServiceAttempt.Outcome.FAILED);
                requireConsent(r, a, where);
                if (a.outcome() != ServiceAttempt.Outcome.SERVED) {
                    return Optional.empty();
                }
                if (a.method() == ServiceMethod.ELECTRONIC) {
                    need(a, where, ServiceProof.Kind.ARRIVAL_RECORD);
                    return served(r, a, outcomeDay, index, "arrived at the consented electronic address (电子送达)");
                }
                need(a, where, ServiceProof.Kind.IDENTITY_CHECK);
                need(a, where, ServiceProof.Kind.SESSION_RECORDING);
                return served(r, a, outcomeDay, index, "served in a recorded video session after an identity check (视频送达)");
            }
            case MAIL:
                allow(a, where, ServiceAttempt.Outcome.SERVED, ServiceAttempt.Outcome.RETURNED);
                if (a.outcome() == ServiceAttempt.Outcome.SERVED) {
                    need(a, where, ServiceProof.Kind.POSTAL_RECEIPT);
                    return served(r, a, outcomeDay, index, "postal receipt signed (邮寄送达)");
                }
                need(a, where, ServiceProof.Kind.POSTAL_RETURN);
                if (r.addressConfirmation().isPresent() && r.addressConfirmation().get().address().equals(a.address())
                        && !r.addressConfirmation().get().signedAt().isAfter(a.attemptedAt())) {
                    return served(r, a, outcomeDay, index, "returned from the address the party confirmed in writing "
                            + "(送达地址确认书 " + r.addressConfirmation().get().reference() + "); the return date counts");
                }
                return Optional.empty();
            default: {
                allow(a, where, ServiceAttempt.Outcome.PUBLISHED);
                need(a, where, ServiceProof.Kind.PUBLICATION);
                boolean failedBefore = r.attempts().stream().anyMatch(p -> p.outcome() != ServiceAttempt.Outcome.SERVED
                        && p.method() != ServiceMethod.PUBLIC_NOTICE);
                if (!failedBefore && r.whereaboutsUnknown().isEmpty()) {
                    throw new ServiceLawException(where + ": public notice needs an earlier failed attempt or declared "
                            + "unknown whereabouts (CPL Art. 95)");
                }
                PeriodEnd end = r.rules().deadlines().publicNoticeServed(outcomeDay);
                return Optional.of(effect(r, a.method(), end.date(), Optional.empty(), index, "deemed served "
                        + r.rules().deadlines().policy().publicNotice() + " after publication on " + outcomeDay
                        + " (公告送达)", end.provisionalReason()));
            }
        }
    }

    private static void requireConsent(ServiceRecord r, ServiceAttempt a, String where) {
        List<Consent> forMethod = r.consents().stream().filter(c -> c.method() == a.method()).toList();
        if (forMethod.isEmpty()) {
            throw new ServiceLawException(where + ": " + a.method() + " service needs the party's consent recorded before "
                    + "the attempt; none is recorded");
        }
        List<Consent> forAddress = forMethod.stream().filter(c -> c.address().equals(a.address())).toList();
        if (forAddress.isEmpty()) {
            throw new ServiceLawException(where + ": address '" + a.address() + "' is not the consented address '"
                    + forMethod.get(0).address() + "'");
        }
        if (forAddress.stream().allMatch(c -> c.signedAt().isAfter(a.attemptedAt()))) {
            throw new ServiceLawException(where + ": " + a.method() + " service needs the party's consent recorded before "
                    + "the attempt (consent given " + forAddress.get(0).signedAt() + ")");
        }
    }

    private static Optional<ServiceEffect> served(ServiceRecord r, ServiceAttempt a, LocalDate day, int index,
            String basis) {
        return Optional.of(effect(r, a.method(), day, Optional.of(a.outcomeAt()), index, basis, Optional.empty()));
    }

    private static ServiceEffect effect(ServiceRecord r, ServiceMethod m, LocalDate day, Optional<Instant> at,
            int index, String basis, Optional<String> provisional) {
        return new ServiceEffect(m, day, at, index, basis, r.rules().deadlines().startedBy(r.kind(), day), provisional);
    }

    private static void allow(ServiceAttempt a, String where, ServiceAttempt.Outcome... allowed) {
        Set<ServiceAttempt.Outcome> ok = EnumSet.noneOf(ServiceAttempt.Outcome.class);
        ok.addAll(List.of(allowed));
        if (!ok.contains(a.outcome())) {
            throw new ServiceLawException(where + ": outcome " + a.outcome() + " is not possible for " + a.method()
                    + " (allowed: " + ok + ")");
        }
    }

    private static void need(ServiceAttempt a, String where, ServiceProof.Kind kind) {
        if (!a.has(kind)) {
            throw new ServiceLawException(where + ": outcome " + a.outcome() + " needs a " + kind + " proof");
        }
    }
}
