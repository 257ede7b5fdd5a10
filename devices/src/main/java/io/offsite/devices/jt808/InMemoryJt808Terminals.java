package io.offsite.devices.jt808;

import io.offsite.core.InvalidValueException;
import io.offsite.devices.spi.Jt808Terminals;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The in-memory {@link Jt808Terminals}: registration issues a fresh auth code (replacing the terminal's earlier
 * one, as terminals re-register after a reset), refuses a plate already bound to another terminal, and, when a
 * fleet list was given, refuses terminals not on it. Phones are compared without leading zeros, so
 * {@code 013305760001} (2013) and {@code 00000000013305760001} (2019) are one terminal. Thread-safe.
 *
 * <pre>{@code
 * InMemoryJt808Terminals terminals = InMemoryJt808Terminals.builder().fleet(Set.of("013305760001")).build();
 * }</pre>
 */
public final class InMemoryJt808Terminals implements Jt808Terminals {
    private final Optional<Set<String>> fleet;
    private final Supplier<String> authCodes;
    private final Map<String, String> codeByPhone = new HashMap<>();
    private final Map<String, String> phoneByPlate = new HashMap<>();

    private InMemoryJt808Terminals(Builder b) {
        this.fleet = b.fleet;
        this.authCodes = b.authCodes;
    }

    /** Terminals accepting any registration, with random 16-hex-digit auth codes. */
    public static InMemoryJt808Terminals open() {
        return builder().build();
    }

    /** A builder: any terminal, random auth codes. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized Registration register(TerminalRegistration registration) {
        String phone = key(registration.header().phone());
        if (fleet.isPresent() && !fleet.get().contains(phone)) {
            return Registration.refused(RegistrationResult.TERMINAL_UNKNOWN);
        }
        String plate = registration.plate();
        String owner = phoneByPlate.get(plate);
        if (!plate.isEmpty() && owner != null && !owner.equals(phone)) {
            return Registration.refused(RegistrationResult.VEHICLE_ALREADY_REGISTERED);
        }
        String code = authCodes.get();
        if (code == null || code.isEmpty()) {
            throw new InvalidValueException("the auth code supplier gave an empty code");
        }
        codeByPhone.put(phone, code);
        phoneByPlate.values().remove(phone);
        if (!plate.isEmpty()) {
            phoneByPlate.put(plate, phone);
        }
        return Registration.accepted(code);
    }

    @Override
    public synchronized boolean authenticate(String phone, String authCode) {
        String code = codeByPhone.get(key(Objects.requireNonNull(phone, "phone")));
        return code != null && code.equals(Objects.requireNonNull(authCode, "authCode"));
    }

    /** The auth code issued to the terminal with this phone, if any. */
    public synchronized Optional<String> authCode(String phone) {
        return Optional.ofNullable(codeByPhone.get(key(Objects.requireNonNull(phone, "phone"))));
    }

    /** Records a terminal registered earlier (e.g. loaded at start-up) with its auth code. */
    public synchronized void preRegister(String phone, String authCode) {
        Objects.requireNonNull(authCode, "authCode");
        if (authCode.isEmpty()) {
            throw new InvalidValueException("authCode must not be empty");
        }
        codeByPhone.put(key(Objects.requireNonNull(phone, "phone")), authCode);
    }

    static String key(String phone) {
        int i = 0;
        while (i < phone.length() - 1 && phone.charAt(i) == '0') {
            i++;
        }
        return phone.substring(i);
    }

    /** Options of an {@link InMemoryJt808Terminals}. */
    public static final class Builder {
        private Optional<Set<String>> fleet = Optional.empty();
        private Supplier<String> authCodes = randomCodes();

        private Builder() {
        }

        /** Only these terminal phones may register (others get TERMINAL_UNKNOWN); default any. */
        public Builder fleet(Set<String> phones) {
            Set<String> keys = new java.util.HashSet<>();
            for (String p : phones) {
                if (p == null || p.isEmpty() || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new InvalidValueException("fleet phone '" + p + "' must be decimal digits");
                }
                keys.add(key(p));
            }
            this.fleet = Optional.of(Set.copyOf(keys));
            return this;
        }

        /** Where auth codes come from (deterministic ones in tests); default 16 random hex digits. */
        public Builder authCodes(Supplier<String> codes) {
            this.authCodes = Objects.requireNonNull(codes, "codes");
            return this;
        }

        /** The terminals. */
        public InMemoryJt808Terminals build() {
            return new InMemoryJt808Terminals(this);
        }

        private static Supplier<String> randomCodes() {
            SecureRandom random = new SecureRandom();
            return () -> {
                byte[] b = new byte[8];
                random.nextBytes(b);
                return HexFormat.of().withUpperCase().formatHex(b);
            };
        }
    }
}
