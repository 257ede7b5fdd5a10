package io.offsite.notify;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a party receives documents.
 *
 * @param postal     postal address (for direct service, leaving at residence and mail)
 * @param electronic phone number or e-mail for electronic service, when the party gave one
 */
public record ServiceAddress(String postal, Optional<String> electronic) {
    /** Validates the components. */
    public ServiceAddress {
        if (postal == null || postal.isBlank()) {
            throw new NotifyException("service address postal part must be non-blank, was "
                    + (postal == null ? "null" : "'" + postal + "'"));
        }
        Objects.requireNonNull(electronic, "electronic");
    }

    /** A postal address only. */
    public static ServiceAddress postal(String postal) {
        return new ServiceAddress(postal, Optional.empty());
    }
}
