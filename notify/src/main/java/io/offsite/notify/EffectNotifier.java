package io.offsite.notify;

import io.offsite.core.Masks;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.OwnerNotice;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.effect.VoiceWarning;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.violation.Violation;
import io.offsite.notify.spi.PlaceNames;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the geofence engine's effects into outbox messages: {@link RequestOwnerMove} → SMS to the owner
 * (phone from the vehicle registry), {@link DispatchOfficer} → SMS or push to the officer, {@link VoiceWarning} →
 * loudspeaker command to the camera. Officer and loudspeaker texts are the effect's violation's own
 * ({@link ViolationTemplates}). Each message uses the effect's idempotency key, so handing the same
 * effect over again (e.g. after a restart) is a no-op. When the owner cannot be resolved, the cell's officer
 * is told to act directly, and the outcome says so; a dispatch because the owner could not be told
 * ({@link OwnerNotice#NOT_DELIVERED}) uses that same "owner could not be reached, handle on site" text rather than
 * the violation's "still there after the reminder" text; when nobody can be resolved the outcome is
 * {@link EffectOutcome.Kind#NO_RECIPIENT}. Nothing is dropped silently. Thread-safe if the outbox is.
 */
public final class EffectNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(EffectNotifier.class);

    private final Outbox outbox;
    private final Recipients recipients;
    private final PlaceNames places;
    private final MessageTemplate ownerMove;
    private final MessageTemplate ownerUnknown;
    private final ViolationTemplates templates;
    private final Channel officerChannel;

    private EffectNotifier(Builder b) {
        this.outbox = b.outbox;
        this.recipients = b.recipients;
        this.places = b.places;
        this.officerChannel = b.officerChannel;
        this.ownerMove = b.ownerMove != null ? b.ownerMove : MessageTemplate.sms("owner-move", b.sign,
                "您的车辆{plate}停放在{place}禁停区域，请在收到本短信后{deadline}内驶离，逾期将依法处理。", 1);
        this.ownerUnknown = b.ownerUnknown != null ? b.ownerUnknown : MessageTemplate.sms("owner-unknown", b.sign,
                "车辆{plate}在{place}违停，车主无法联系，请直接到场处理（{caseNo}）。", 2);
        this.templates = b.templates != null ? b.templates : ViolationTemplates.standard(b.sign);
        allow(ownerMove, EnumSet.of(Placeholder.PLATE, Placeholder.PLACE, Placeholder.DEADLINE, Placeholder.CASE_NO));
        allow(ownerUnknown, EnumSet.allOf(Placeholder.class));
        for (Violation v : templates.violations()) {
            allow(templates.officerDispatch(v), EnumSet.of(Placeholder.OFFICER, Placeholder.PLATE, Placeholder.PLACE,
                    Placeholder.CASE_NO));
            allow(templates.voiceWarning(v), EnumSet.of(Placeholder.PLACE, Placeholder.CASE_NO));
        }
    }

    private static void allow(MessageTemplate t, Set<Placeholder> supplied) {
        for (Placeholder p : t.placeholders()) {
            if (!supplied.contains(p)) {
                throw new TemplateException("template '" + t.name() + "' uses {" + p.token()
                        + "}, which this message does not supply");
            }
        }
    }

    /** A builder over an outbox (which needs SMS and VOICE gateways) and a recipient resolver. */
    public static Builder builder(Outbox outbox, Recipients recipients) {
        return new Builder(outbox, recipients);
    }

    /**
     * Hands one effect to the outbox.
     *
     * @throws TemplateException when a warning or dispatch names a violation that has no templates
     */
    public EffectOutcome handle(EnforcementEffect effect) {
        Objects.requireNonNull(effect, "effect");
        if (!(effect instanceof RequestOwnerMove) && !(effect instanceof DispatchOfficer)
                && !(effect instanceof VoiceWarning)) {
            return new EffectOutcome(EffectOutcome.Kind.NOT_A_MESSAGE, Optional.empty(),
                    effect.getClass().getSimpleName() + " is not sent as a message", Optional.empty());
        }
        Optional<OutboxMessage> existing = outbox.find(effect.idempotencyKey());
        if (existing.isPresent()) {
            return new EffectOutcome(EffectOutcome.Kind.ALREADY_QUEUED, existing, "already in the outbox as "
                    + existing.get().status(), Optional.empty());
        }
        if (effect instanceof RequestOwnerMove) {
            return ownerMove((RequestOwnerMove) effect);
        }
        if (effect instanceof DispatchOfficer) {
            return dispatch((DispatchOfficer) effect);
        }
        VoiceWarning v = (VoiceWarning) effect;
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.PLACE, places.name(v.fenceId(), v.location()));
        values.put(Placeholder.CASE_NO, v.episodeId());
        return enqueue(EffectOutcome.Kind.QUEUED, v.idempotencyKey(), Channel.VOICE, v.cameraId(),
                templates.voiceWarning(v.violation()).renderWith(values),
                "loudspeaker warning " + v.warningNumber() + " via camera " + v.cameraId());
    }

    private EffectOutcome ownerMove(RequestOwnerMove e) {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.PLATE, e.plate());
        values.put(Placeholder.PLACE, places.name(e.fenceId(), e.location()));
        values.put(Placeholder.DEADLINE, windowText(e.moveWindow()));
        values.put(Placeholder.CASE_NO, e.episodeId());
        Resolution<String> owner = recipients.ownerPhone(e.plate());
        if (owner.isFound()) {
            return enqueue(EffectOutcome.Kind.QUEUED, e.idempotencyKey(), Channel.SMS, owner.value().get(),
                    ownerMove.renderWith(values), "owner of " + Masks.plate(e.plate()) + " told to move"
                            + (owner.status() == Resolution.Status.FOUND_STALE ? " (stale registry answer)" : ""));
        }
        EffectOutcome.Kind kind = owner.status() == Resolution.Status.UNKNOWN
                ? EffectOutcome.Kind.OWNER_UNKNOWN_OFFICER_NOTIFIED
                : EffectOutcome.Kind.OWNER_LOOKUP_FAILED_OFFICER_NOTIFIED;
        Optional<String[]> officer = officerFor(Optional.empty(), e.cellId());
        if (officer.isEmpty()) {
            return noRecipient(e, "owner of " + Masks.plate(e.plate()) + " not reachable (" + owner.detail()
                    + ") and no officer reachable for cell " + e.cellId());
        }
        values.put(Placeholder.OFFICER, officer.get()[0]);
        return enqueue(kind, e.idempotencyKey(), officerChannel, officer.get()[1], ownerUnknown.renderWith(values),
                "owner not reachable (" + owner.detail() + ") → officer " + officer.get()[0] + " dispatched directly");
    }

    /**
     * The move window as the owner reads it ("10分钟"): the window runs from delivery, so the text names its
     * length, not a clock time the sender cannot know.
     */
    private static String windowText(java.time.Duration window) {
        long s = window.toSeconds();
        return s % 60 == 0 ? s / 60 + "分钟" : s + "秒";
    }

    private EffectOutcome dispatch(DispatchOfficer e) {
        Optional<String[]> officer = officerFor(Optional.of(e.officerId()), e.cellId());
        if (officer.isEmpty()) {
            return noRecipient(e, "no phone for officer " + e.officerId() + " nor for the officer of cell " + e.cellId());
        }
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.OFFICER, officer.get()[0]);
        values.put(Placeholder.PLATE, e.subject());
        values.put(Placeholder.PLACE, places.name(e.fenceId(), e.location()));
        values.put(Placeholder.CASE_NO, e.episodeId());
        if (e.ownerNotice() == OwnerNotice.NOT_DELIVERED) { // the owner was never told: say so, not "after the SMS"
            values.put(Placeholder.DEADLINE, "");
            return enqueue(EffectOutcome.Kind.QUEUED, e.idempotencyKey(), officerChannel, officer.get()[1],
                    ownerUnknown.renderWith(values), "officer " + officer.get()[0]
                            + " dispatched for on-site handling (owner could not be told)");
        }
        return enqueue(EffectOutcome.Kind.QUEUED, e.idempotencyKey(), officerChannel, officer.get()[1],
                templates.officerDispatch(e.violation()).renderWith(values),
                "officer " + officer.get()[0] + " dispatched");
    }

    /** [officer id, address] of the named officer, else of the cell's responsible officer. */
    private Optional<String[]> officerFor(Optional<OfficerId> named, CellId cell) {
        if (named.isPresent()) {
            Resolution<String> phone = officerAddress(named.get());
            if (phone.isFound()) {
                return Optional.of(new String[] {named.get().value(), phone.value().get()});
            }
        }
        Resolution<OfficerId> responsible = recipients.responsibleOfficer(cell);
        if (responsible.isFound() && !responsible.value().equals(named)) {
            Resolution<String> phone = officerAddress(responsible.value().get());
            if (phone.isFound()) {
                return Optional.of(new String[] {responsible.value().get().value(), phone.value().get()});
            }
        }
        return Optional.empty();
    }

    private Resolution<String> officerAddress(OfficerId officer) {
        return officerChannel == Channel.PUSH ? recipients.officerPushToken(officer) : recipients.officerPhone(officer);
    }

    private EffectOutcome enqueue(EffectOutcome.Kind kind, String key, Channel channel, String to,
            RenderedMessage text, String detail) {
        text.warning().ifPresent(w -> LOG.warn("{}: {}", key, w));
        EnqueueResult r = outbox.enqueue(new OutgoingMessage(key, channel, to, text.text()));
        return new EffectOutcome(r.created() ? kind : EffectOutcome.Kind.ALREADY_QUEUED, Optional.of(r.message()),
                detail, text.warning());
    }

    private EffectOutcome noRecipient(EnforcementEffect e, String why) {
        LOG.warn("{}: nobody to notify: {}", e.idempotencyKey(), why);
        return new EffectOutcome(EffectOutcome.Kind.NO_RECIPIENT, Optional.empty(), why, Optional.empty());
    }

    /** Builder; templates default to the built-in Chinese texts with the given sign. */
    public static final class Builder {
        private final Outbox outbox;
        private final Recipients recipients;
        private PlaceNames places = PlaceNames.fenceId();
        private String sign = "城市管理";
        private Channel officerChannel = Channel.SMS;
        private MessageTemplate ownerMove;
        private MessageTemplate ownerUnknown;
        private ViolationTemplates templates;

        private Builder(Outbox outbox, Recipients recipients) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            this.recipients = Objects.requireNonNull(recipients, "recipients");
        }

        /** Place names for {@code {place}} (default: the fence id). */
        public Builder placeNames(PlaceNames value) {
            this.places = Objects.requireNonNull(value, "placeNames");
            return this;
        }

        /** Sign tag for the built-in SMS templates, without 【】 (default 城市管理). */
        public Builder sign(String value) {
            Objects.requireNonNull(value, "sign");
            if (value.isBlank() || value.contains("【") || value.contains("】")) {
                throw new NotifyException("sign must be a non-blank name without 【】, was '" + value + "'");
            }
            this.sign = value;
            return this;
        }

        /** How officers are told: {@link Channel#SMS} (default, to their phone) or {@link Channel#PUSH} (to their app). */
        public Builder officerChannel(Channel value) {
            Objects.requireNonNull(value, "officerChannel");
            if (value == Channel.VOICE) {
                throw new NotifyException("officerChannel must be SMS or PUSH, was VOICE");
            }
            this.officerChannel = value;
            return this;
        }

        /** Template for the owner's move request; uses {plate} {place} {deadline} {caseNo}. */
        public Builder ownerMoveTemplate(MessageTemplate value) {
            this.ownerMove = Objects.requireNonNull(value, "ownerMoveTemplate");
            return this;
        }

        /** Template for the officer when the owner is unknown or could not be told (a dispatch with owner notice
         * NOT_DELIVERED); uses {plate} {place} {officer} {caseNo} {deadline}. */
        public Builder ownerUnknownTemplate(MessageTemplate value) {
            this.ownerUnknown = Objects.requireNonNull(value, "ownerUnknownTemplate");
            return this;
        }

        /**
         * Each violation's loudspeaker and officer dispatch templates (default {@link ViolationTemplates#standard}
         * with this builder's sign); a warning or dispatch for a violation without templates is rejected.
         */
        public Builder templates(ViolationTemplates value) {
            this.templates = Objects.requireNonNull(value, "templates");
            return this;
        }

        /** Builds the notifier. */
        public EffectNotifier build() {
            return new EffectNotifier(this);
        }
    }
}
