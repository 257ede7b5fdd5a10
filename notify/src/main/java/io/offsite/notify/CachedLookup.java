package io.offsite.notify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.offsite.core.Masks;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Caffeine cache in front of one lookup: answers are fresh for a while (a shorter while for "unknown"),
 * then reloaded; when the source fails, the last answer is served stale for a grace period. Entries expire
 * from the cache after freshness + grace, the cache is bounded, and time comes from the supplied clock.
 */
final class CachedLookup<K, V> {
    private static final Logger LOG = LoggerFactory.getLogger(CachedLookup.class);

    private final String what;
    private final Function<K, Optional<V>> source;
    private final Function<K, String> mask;
    private final Clock clock;
    private final long freshMillis;
    private final long negativeFreshMillis;
    private final Cache<K, Entry<V>> cache;

    CachedLookup(String what, Function<K, Optional<V>> source, Function<K, String> mask, Clock clock,
            Duration fresh, Duration negativeFresh, Duration staleGrace, long maximumSize) {
        this.what = what;
        this.source = source;
        this.mask = mask;
        this.clock = clock;
        this.freshMillis = fresh.toMillis();
        this.negativeFreshMillis = negativeFresh.toMillis();
        long positiveLife = fresh.plus(staleGrace).toNanos();
        long negativeLife = negativeFresh.plus(staleGrace).toNanos();
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .expireAfter(new Expiry<K, Entry<V>>() {
                    @Override
                    public long expireAfterCreate(K key, Entry<V> e, long now) {
                        return e.value.isPresent() ? positiveLife : negativeLife;
                    }

                    @Override
                    public long expireAfterUpdate(K key, Entry<V> e, long now, long current) {
                        return expireAfterCreate(key, e, now);
                    }

                    @Override
                    public long expireAfterRead(K key, Entry<V> e, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    Resolution<V> get(K key) {
        Objects.requireNonNull(key, "key");
        long now = clock.millis();
        Entry<V> cached = cache.getIfPresent(key);
        if (cached != null && now - cached.loadedAt < (cached.value.isPresent() ? freshMillis : negativeFreshMillis)) {
            return answer(cached, false, "cached");
        }
        Optional<V> loaded;
        try {
            loaded = source.apply(key);
            if (loaded == null) {
                throw new NotifyException("lookup returned null instead of Optional.empty()");
            }
        } catch (RuntimeException e) {
            String why = what + " lookup for " + mask.apply(key) + " failed: " + e.getClass().getSimpleName() + ": "
                    + Masks.inText(String.valueOf(e.getMessage()));
            if (cached != null) {
                LOG.warn("{}; serving the answer cached {} ms ago", why, now - cached.loadedAt);
                return answer(cached, true, why + "; served cached answer from " + (now - cached.loadedAt) + " ms ago");
            }
            LOG.warn("{}; nothing cached", why);
            return new Resolution<>(Resolution.Status.UNAVAILABLE, Optional.empty(), why);
        }
        Entry<V> e = new Entry<>(loaded, now);
        cache.put(key, e);
        return answer(e, false, "from source");
    }

    long estimatedSize() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private Resolution<V> answer(Entry<V> e, boolean stale, String detail) {
        if (e.value.isPresent()) {
            return new Resolution<>(stale ? Resolution.Status.FOUND_STALE : Resolution.Status.FOUND, e.value, detail);
        }
        return new Resolution<>(Resolution.Status.UNKNOWN, Optional.empty(), what + " unknown (" + detail + ")");
    }

    private static final class Entry<V> {
        final Optional<V> value;
        final long loadedAt;

        Entry(Optional<V> value, long loadedAt) {
            this.value = value;
            this.loadedAt = loadedAt;
        }
    }
}
