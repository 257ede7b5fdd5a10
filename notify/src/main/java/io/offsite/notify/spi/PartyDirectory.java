package io.offsite.notify.spi;

import io.offsite.notify.ServiceAddress;
import java.util.Optional;

/** Where documents are served on a party (当事人): party id → service address. Throw when unavailable. */
@FunctionalInterface
public interface PartyDirectory {
    /** The party's service address, or empty when unknown. */
    Optional<ServiceAddress> serviceAddress(String partyId);
}
