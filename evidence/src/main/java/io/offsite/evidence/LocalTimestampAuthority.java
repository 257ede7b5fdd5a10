package io.offsite.evidence;

import io.offsite.evidence.spi.TimestampAuthority;
import io.offsite.evidence.spi.TimestampToken;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A <b>test double</b> for {@link TimestampAuthority}: it signs {@code imprint ‖ genTime} with its own
 * Ed25519 key and the clock it was given. It is <b>not</b> an RFC 3161 TSA token and proves nothing about
 * time to a third party; plug a real TSA in through {@link TimestampAuthority} for court use. The bundle
 * verifier checks its tokens (format {@value #FORMAT}) with {@link #verificationKey()}.
 */
public final class LocalTimestampAuthority implements TimestampAuthority {
    /** Token format name of this double. */
    public static final String FORMAT = "offsite-local-ed25519";
    private final String name;
    private final Clock clock;
    private final KeyPair keys = Ed25519.generate();

    private LocalTimestampAuthority(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    /** A local authority named {@code name} taking time from {@code clock}. */
    public static LocalTimestampAuthority create(String name, Clock clock) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clock, "clock");
        if (name.isBlank()) {
            throw new EvidenceException("timestamp authority name must be non-blank");
        }
        return new LocalTimestampAuthority(name, clock);
    }

    @Override
    public TimestampToken timestamp(Sha256 imprint) {
        Objects.requireNonNull(imprint, "imprint");
        Instant now = clock.instant();
        return new TimestampToken(FORMAT, name, imprint, now, Ed25519.sign(keys.getPrivate(), signedBytes(imprint,
                now)));
    }

    @Override
    public Optional<PublicKey> verificationKey() {
        return Optional.of(keys.getPublic());
    }

    /** The bytes the local double signs: the 32 imprint bytes followed by the ISO-8601 genTime in UTF-8. */
    static byte[] signedBytes(Sha256 imprint, Instant genTime) {
        byte[] t = genTime.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[32 + t.length];
        System.arraycopy(imprint.rawBytes(), 0, out, 0, 32);
        System.arraycopy(t, 0, out, 32, t.length);
        return out;
    }

    /** Checks a token of format {@value #FORMAT} against the authority's public key. */
    static boolean verify(TimestampToken token, PublicKey key) {
        return FORMAT.equals(token.format())
                && Ed25519.verify(key, signedBytes(token.messageImprint(), token.genTime()), token.token());
    }
}
