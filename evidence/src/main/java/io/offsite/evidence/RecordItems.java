package io.offsite.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offsite.core.objects.ObjectOperator;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Objects;

/**
 * Records a host holds (a register entry, a text its gateway delivered, a warning its loudspeakers played) added to a chain as items whose
 * content is canonical JSON, so names with quotes, backslashes or line breaks stay exact and every host writes the
 * same bytes for the same record.
 */
public final class RecordItems {
    /** Who captured a business registration item: the business register (营业执照登记). */
    public static final String BUSINESS_REGISTER = "business-register";
    /** Who captured a text's record: the SMS gateway. */
    public static final String SMS_GATEWAY = "sms-gateway";

    private RecordItems() {
    }

    /**
     * Adds the operator's business registration (营业执照) of managed object {@code objectId} ({@code objectName}, e.g.
     * a shop): an {@link ItemKind#AGENCY_RECORD} with record type {@code BUSINESS}, subject {@code objectId}, content
     * {@code {"objectId","operator","shop","uscc"}} ({@code uscc} empty for an operator without a credit code). It is
     * what identifies the party of a shop-front case.
     */
    public static EvidenceItem addBusinessRegistration(EvidenceChain chain, String objectId, String objectName,
            ObjectOperator operator, Instant at, String actor) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(operator, "operator");
        ObjectNode json = CanonicalJson.object();
        json.put("objectId", require(objectId, "objectId"));
        json.put("shop", require(objectName, "objectName"));
        json.put("operator", operator.name());
        json.put("uscc", operator.unifiedSocialCreditCode().orElse(""));
        ItemSpec spec = ItemSpec.builder(ItemKind.AGENCY_RECORD, "application/json", at, BUSINESS_REGISTER)
                .fact(ItemSpec.RECORD_TYPE, "BUSINESS").subject(objectId).build();
        return add(chain, spec, json, actor);
    }

    /**
     * Adds the record of a loudspeaker warning (喊话记录) that was played: an {@link ItemKind#VOICE_WARNING_RECORD}
     * captured by {@code speaker} at {@code playedAt}, subject {@code subject}, content
     * {@code {"key","playedAt","speaker","text"}} ({@code key} names the message, e.g. its outbox key; {@code text} is
     * what was said, as the host may show it).
     */
    public static EvidenceItem addVoiceWarning(EvidenceChain chain, String key, String speaker, Instant playedAt,
            String text, String subject, String actor) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(playedAt, "playedAt");
        ObjectNode json = CanonicalJson.object();
        json.put("key", require(key, "key"));
        json.put("speaker", require(speaker, "speaker"));
        json.put("playedAt", playedAt.toString());
        json.put("text", Objects.requireNonNull(text, "text"));
        ItemSpec spec = ItemSpec.builder(ItemKind.VOICE_WARNING_RECORD, "application/json", playedAt, speaker)
                .subject(require(subject, "subject")).build();
        return add(chain, spec, json, actor);
    }

    /**
     * Adds the record of a text the gateway delivered (短信送达记录): an {@link ItemKind#SMS_RECORD} captured by
     * {@code sms-gateway} at {@code sentAt} with its sent and delivered times (what the parking rules check), subject
     * {@code subject}, content {@code {"deliveredAt","key","providerId","sentAt","to"}}; {@code to} as the host may
     * show it (masked), {@code providerId} the gateway's message id or empty.
     */
    public static EvidenceItem addSmsRecord(EvidenceChain chain, String key, String to, Instant sentAt,
            Instant deliveredAt, String providerId, String subject, String actor) {
        Objects.requireNonNull(chain, "chain");
        ObjectNode json = CanonicalJson.object();
        json.put("key", require(key, "key"));
        json.put("to", require(to, "to"));
        json.put("sentAt", sentAt.toString());
        json.put("deliveredAt", deliveredAt.toString());
        json.put("providerId", Objects.requireNonNull(providerId, "providerId"));
        ItemSpec spec = ItemSpec.builder(ItemKind.SMS_RECORD, "application/json", sentAt, SMS_GATEWAY)
                .sms(sentAt, deliveredAt).subject(require(subject, "subject")).build();
        return add(chain, spec, json, actor);
    }

    private static EvidenceItem add(EvidenceChain chain, ItemSpec spec, ObjectNode json, String actor) {
        return chain.add(spec, new ByteArrayInputStream(CanonicalJson.write(json)), actor);
    }

    private static String require(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new EvidenceException(what + " of a record item must not be blank");
        }
        return value;
    }
}
