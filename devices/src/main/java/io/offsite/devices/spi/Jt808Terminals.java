package io.offsite.devices.spi;

import io.offsite.core.InvalidValueException;
import io.offsite.devices.jt808.RegistrationResult;
import io.offsite.devices.jt808.TerminalRegistration;
import java.util.Objects;

/**
 * Where a {@link io.offsite.devices.jt808.Jt808Session} checks terminals: registration (终端注册) issues an auth
 * code or refuses, authentication (终端鉴权) checks the code. A vendor backs it with the fleet register; the
 * in-memory default is {@link io.offsite.devices.jt808.InMemoryJt808Terminals}.
 *
 * <p>Implementations must be thread-safe: every connection's session calls them. Terminal phones arrive as the
 * header gives them, 12 digits (2013) or 20 digits (2019), left-padded with zeros.
 */
public interface Jt808Terminals {
    /**
     * Registers a terminal.
     *
     * @return the auth code to hand to the terminal, or the refusal
     */
    Registration register(TerminalRegistration registration);

    /** Whether {@code authCode} is the code issued to the terminal with this phone number. */
    boolean authenticate(String phone, String authCode);

    /**
     * The outcome of a registration.
     *
     * @param result   SUCCESS or the reason for refusal
     * @param authCode the issued auth code, non-empty exactly when the result is SUCCESS
     */
    record Registration(RegistrationResult result, String authCode) {
        public Registration {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(authCode, "authCode");
            if (authCode.isEmpty() == (result == RegistrationResult.SUCCESS)) {
                throw new InvalidValueException("authCode must be non-empty exactly on SUCCESS, was '" + authCode
                        + "' with " + result);
            }
        }

        /** Registered; the terminal is to authenticate with {@code authCode}. */
        public static Registration accepted(String authCode) {
            return new Registration(RegistrationResult.SUCCESS, authCode);
        }

        /** Refused for {@code reason} (not SUCCESS). */
        public static Registration refused(RegistrationResult reason) {
            return new Registration(reason, "");
        }
    }
}
