package io.offsite.notify.spi;

/**
 * A way to send messages of one channel: a cloud SMS API, an officers' push service, a camera platform's
 * loudspeaker API. Vendors implement it for their own gateways; {@code SimulatedGateway} and
 * {@code HttpGateway} are supplied.
 *
 * <p>The outbox sends at least once: after a time-out it sends again with the same
 * {@link SendRequest#key()}, so an implementation should pass the key to the provider as its
 * de-duplication id (most Chinese SMS APIs call it "OutId"/"extend") so a message is delivered at most once.
 * An exception thrown here counts as a retryable failure; it is never swallowed.
 */
@FunctionalInterface
public interface Gateway {
    /** Sends one message; blocks at most for the gateway's own time-out. */
    SendResult send(SendRequest request);
}
