package io.offsite.notify;

/**
 * What one {@link Outbox#dispatchDue()} call did.
 *
 * @param attempted       gateway calls made
 * @param accepted        messages the gateway accepted (now waiting for a receipt)
 * @param delivered       messages delivered synchronously (or found already delivered by the gateway)
 * @param retryScheduled  failures (or receipt time-outs) that scheduled another attempt
 * @param deadLettered    messages given up
 * @param rateLimited     messages postponed because their recipient's rate limit was used up
 * @param receiptTimeouts accepted messages whose receipt did not come in time
 */
public record DispatchReport(int attempted, int accepted, int delivered, int retryScheduled, int deadLettered,
        int rateLimited, int receiptTimeouts) {
    /** Validates that no count is negative. */
    public DispatchReport {
        if (attempted < 0 || accepted < 0 || delivered < 0 || retryScheduled < 0 || deadLettered < 0
                || rateLimited < 0 || receiptTimeouts < 0) {
            throw new NotifyException("dispatch counts must be >= 0, were attempted=" + attempted
                    + " accepted=" + accepted + " delivered=" + delivered + " retryScheduled=" + retryScheduled
                    + " deadLettered=" + deadLettered
                    + " rateLimited=" + rateLimited + " receiptTimeouts=" + receiptTimeouts);
        }
    }

    /** Whether the call did anything at all. */
    public boolean isEmpty() {
        return attempted == 0 && rateLimited == 0 && receiptTimeouts == 0 && deadLettered == 0;
    }
}
