package io.offsite.examples.shopfront;

import io.offsite.cases.CaseService;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.objects.Frontages;
import io.offsite.core.objects.UnknownObjectException;
import io.offsite.core.spi.EnterpriseFiles;
import io.offsite.core.spi.ObjectOperators;
import io.offsite.core.violation.Violation;
import io.offsite.evidence.WitnessRegistry;
import io.offsite.geofence.Fence;
import io.offsite.notify.EffectNotifier;
import io.offsite.notify.MessageTemplate;
import io.offsite.notify.Outbox;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Collects a {@link ShopFrontHost}'s collaborators; every one is required but the witness register. */
public final class ShopFrontHostBuilder {
    Clock clock;
    List<Fence> fences = List.of();
    Frontages frontages;
    ObjectOperators operators;
    EnterpriseFiles files;
    Outbox outbox;
    EffectNotifier notifier;
    CaseService cases;
    OfficerId[] officers;
    final Map<Violation, MessageTemplate> operatorTexts = new HashMap<>();
    WitnessRegistry witnesses;

    ShopFrontHostBuilder() {
    }

    /** The host's clock. */
    public ShopFrontHostBuilder clock(Clock c) {
        this.clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    /** The fences the engine runs (their {@code frontOf} ids are checked against the frontages at build). */
    public ShopFrontHostBuilder fences(List<Fence> f) {
        this.fences = List.copyOf(f);
        return this;
    }

    /** The managed objects and their frontages. */
    public ShopFrontHostBuilder frontages(Frontages f) {
        this.frontages = Objects.requireNonNull(f, "frontages");
        return this;
    }

    /** The registered operators. */
    public ShopFrontHostBuilder operators(ObjectOperators o) {
        this.operators = Objects.requireNonNull(o, "operators");
        return this;
    }

    /** The objects' files. */
    public ShopFrontHostBuilder files(EnterpriseFiles f) {
        this.files = Objects.requireNonNull(f, "files");
        return this;
    }

    /** The outbox operator texts go through, and the notifier that plays loudspeaker warnings over it. */
    public ShopFrontHostBuilder messaging(Outbox o, EffectNotifier n) {
        this.outbox = Objects.requireNonNull(o, "outbox");
        this.notifier = Objects.requireNonNull(n, "notifier");
        return this;
    }

    /** The case service cases are filed in, and the two officers who act on them. */
    public ShopFrontHostBuilder cases(CaseService c, OfficerId first, OfficerId second) {
        this.cases = Objects.requireNonNull(c, "cases");
        this.officers = new OfficerId[] {Objects.requireNonNull(first, "first"), Objects.requireNonNull(second, "second")};
        return this;
    }

    /** The text sent to an operator when a warning about {@code v} is played in front of their shop. */
    public ShopFrontHostBuilder operatorText(Violation v, MessageTemplate t) {
        operatorTexts.put(Objects.requireNonNull(v, "violation"), Objects.requireNonNull(t, "template"));
        return this;
    }

    /** The register witness statements are checked against (only needed for {@code addWitnessStatement}). */
    public ShopFrontHostBuilder witnesses(WitnessRegistry w) {
        this.witnesses = Objects.requireNonNull(w, "witnesses");
        return this;
    }

    /**
     * Builds the host.
     *
     * @throws UnknownObjectException when a fence's frontOf names no object of the frontages
     */
    public ShopFrontHost build() {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(frontages, "frontages");
        Objects.requireNonNull(operators, "operators");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(outbox, "messaging");
        Objects.requireNonNull(cases, "cases");
        return new ShopFrontHost(this);
    }
}
