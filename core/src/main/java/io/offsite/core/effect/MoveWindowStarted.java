package io.offsite.core.effect;

import io.offsite.core.InvalidValueException;
import java.time.Instant;
import java.util.Objects;

/**
 * The owner's move window started (挪车时限起算): the owner was told to move the vehicle at {@code at} — the
 * SMS delivery receipt — and has until {@code moveBy}. Hosts put it on the case timeline; the officer is sent
 * only if the vehicle is still seen at or after {@code moveBy}.
 *
 * @param episodeId the parking episode
 * @param at        when the window started: the delivery time, or the request time for hosts without receipts
 * @param moveBy    end of the window ({@code at} + the window)
 * @param basis     {@link OwnerNotice#DELIVERED} (from the delivery receipt) or {@link OwnerNotice#UNCONFIRMED}
 *                  (from the decision to text, for hosts without receipts)
 */
public record MoveWindowStarted(String episodeId, Instant at, Instant moveBy, OwnerNotice basis)
        implements EnforcementEffect {
    public MoveWindowStarted {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(moveBy, "moveBy");
        Objects.requireNonNull(basis, "basis");
        if (moveBy.isBefore(at)) {
            throw new InvalidValueException("moveBy " + moveBy + " is before at " + at);
        }
        if (basis != OwnerNotice.DELIVERED && basis != OwnerNotice.UNCONFIRMED) {
            throw new InvalidValueException("a move window starts from a delivery or a decision, was " + basis);
        }
    }

    @Override
    public String idempotencyKey() {
        return episodeId + "/move-window-started";
    }
}
