package io.offsite.notify.spi;

import io.offsite.notify.MessageStatus;
import io.offsite.notify.OutboxMessage;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An {@link OutboxStore} that several outboxes (several server processes) share. An outbox built on one keeps
 * no messages in memory: the store is the only copy, and
 * <ul>
 * <li>a dispatch round {@linkplain #claimDue claims} the due messages it sends: a claim leases them to one
 * holder until a deadline, and no other holder can claim them before it passes, so two processes never send
 * the same message at the same time; a crashed holder's leases simply run out and another process takes its
 * messages over;</li>
 * <li>every change is written {@linkplain #saveIfUnchanged optimistically}: only over the version it was based
 * on, so no process overwrites another's newer update (a receipt applied by process B while process A was
 * sending wins, and A's result is dropped);</li>
 * <li>the key is the primary key: {@linkplain #insertAbsent inserting} a key that is already stored keeps the
 * stored message.</li>
 * </ul>
 * A message is <em>due</em> at {@code now} when it is not final and its {@link OutboxMessage#dueAt()} is at or
 * before {@code now} (PENDING: its next send; SENT: its receipt deadline). Leases compare the instants the
 * outboxes pass in, so the processes' clocks must agree (NTP) to well within the lease duration. Plain
 * {@link #save} is an unconditional upsert (for imports); the outbox itself uses the methods below.
 * Implementations: {@code OutboxStores.sharedInMemory()} (a test double and reference), {@code JdbcOutboxStore}.
 * Thread-safe; every method is atomic.
 */
public interface SharedOutboxStore extends OutboxStore {
    /**
     * Stores each message whose key is not stored yet (version 1, not leased), atomically. Returns the messages
     * that were <em>not</em> inserted because their key was already stored, by key, with their stored state.
     */
    Map<String, StoredMessage> insertAbsent(Collection<OutboxMessage> messages);

    /**
     * {@link #insertAbsent}, leasing each message it inserts to {@code holder} until {@code leaseUntil} in the same
     * write: a claim made at enqueue, so the outbox that enqueued a message can send it in its next round without
     * claiming it first. No other holder can claim those messages before {@code leaseUntil} (nor can
     * {@code holder} itself through {@link #claimDue}); ending or running out the lease makes them due as usual.
     * Returns what {@link #insertAbsent} returns (stored keys are left as they are, not leased), or empty when the
     * store cannot lease on insert: then it wrote nothing and the caller inserts with {@link #insertAbsent}. The
     * default returns empty.
     */
    default Optional<Map<String, StoredMessage>> insertAbsentLeased(String holder, Instant leaseUntil,
            Collection<OutboxMessage> messages) {
        return Optional.empty();
    }

    /**
     * Atomically claims up to {@code max} messages due at {@code now} whose lease is free (never leased,
     * released, or ended at or before {@code now}, whoever held it), earliest due first: leases them to
     * {@code holder} until {@code leaseUntil} and increments their versions. Returns their stored state with
     * the new versions; an empty list when nothing is due.
     */
    List<StoredMessage> claimDue(String holder, Instant now, Instant leaseUntil, int max);

    /**
     * Writes each new state whose stored version still equals {@link StoredMessage#version()} (incrementing
     * it), atomically for the whole collection; leases are left as they are. Returns the keys that were not
     * written because the message changed (or was removed) meanwhile.
     */
    Set<String> saveIfUnchanged(Collection<StoredMessage> changes);

    /** Ends {@code holder}'s leases on these keys; keys leased by another holder or not at all are left alone. */
    void release(String holder, Collection<String> keys);

    /**
     * The end of a dispatch round: {@link #saveIfUnchanged} of {@code changes}, then {@link #release} of
     * {@code holder}'s leases on {@code keys}. Returns the keys of {@code changes} that were not written, as
     * {@link #saveIfUnchanged} does. A store that can does both in one transaction, ending the lease in the same
     * row write that saves the change (a database: one UPDATE per changed row, the lease columns included); then a
     * failure writes nothing and throws. The default makes the two calls; the changes stay written when only the
     * release fails, which is logged (the leases then run out at their deadline).
     */
    default Set<String> saveIfUnchangedAndRelease(String holder, Collection<StoredMessage> changes,
            Collection<String> keys) {
        Set<String> stale = saveIfUnchanged(changes);
        try {
            release(holder, keys);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SharedOutboxStore.class).warn(
                    "outbox {} saved its round but could not end its {} leases; they run out at their deadline: {}",
                    holder, keys.size(), e.toString());
        }
        return stale;
    }

    /** The stored state of the message with this key. */
    Optional<StoredMessage> find(String key);

    /** The stored state of the message the gateway accepted under this provider id (the latest, if several). */
    Optional<StoredMessage> findByProviderId(String providerId);

    /**
     * The stored state of the messages with these keys, by key; keys not stored are absent from the map. One
     * consistent read where the store can (a database: one query per few hundred keys in one transaction); the
     * default calls {@link #find} for each key.
     */
    default Map<String, StoredMessage> findAll(Collection<String> keys) {
        Map<String, StoredMessage> found = new LinkedHashMap<>();
        for (String k : keys) {
            find(k).ifPresent(s -> found.put(k, s));
        }
        return found;
    }

    /**
     * As {@link #findByProviderId} for each of these provider ids, by provider id; ids no stored message carries are
     * absent from the map. The default calls {@link #findByProviderId} for each id.
     */
    default Map<String, StoredMessage> findAllByProviderId(Collection<String> providerIds) {
        Map<String, StoredMessage> found = new LinkedHashMap<>();
        for (String p : providerIds) {
            findByProviderId(p).ifPresent(s -> found.put(p, s));
        }
        return found;
    }

    /**
     * The number of stored messages, final ones included. The default reads every stored message; a store on a
     * database counts where the rows are.
     */
    default int count() {
        return loadAll().size();
    }

    /** The stored messages with this status, in no particular order. The default reads every stored message. */
    default List<OutboxMessage> loadWithStatus(MessageStatus status) {
        return loadAll().stream().filter(m -> m.status() == status).toList();
    }

    /** The number of stored messages with this status. The default calls {@link #loadWithStatus}. */
    default int count(MessageStatus status) {
        return loadWithStatus(status).size();
    }

    /**
     * The earliest {@link OutboxMessage#dueAt()} of any stored message, empty when none is due at any time. The
     * default reads every stored message; a store on a database reads it from its due-time index.
     */
    default Optional<Instant> nextDueAt() {
        return loadAll().stream().flatMap(m -> m.dueAt().stream()).min(Instant::compareTo);
    }

    /**
     * Removes up to {@code max} final messages — delivered, or dead-lettered — whose outcome time is before
     * {@code finalBefore}, in one write, and returns how many it removed; messages still pending or awaiting a
     * receipt are never removed. A store may select to the whole second: it may keep a message that became final
     * within the second that holds {@code finalBefore} (a later call removes it), never one final at or after it.
     * The default reads the delivered and dead-lettered messages ({@link #loadWithStatus}) and calls
     * {@link #remove}; a store on a database selects and deletes where the rows are.
     *
     * @throws IllegalArgumentException when {@code max} is not positive
     */
    default int removeFinal(Instant finalBefore, int max) {
        Objects.requireNonNull(finalBefore, "finalBefore");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        List<String> keys = Stream.concat(loadWithStatus(MessageStatus.DELIVERED).stream(),
                        loadWithStatus(MessageStatus.DEAD_LETTER).stream())
                .filter(m -> m.finalAt().filter(t -> t.isBefore(finalBefore)).isPresent())
                .map(OutboxMessage::key).limit(max).toList();
        if (!keys.isEmpty()) {
            remove(keys);
        }
        return keys.size();
    }
}
