package io.offsite.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.offsite.core.Masks;
import io.offsite.notify.MessageStatus;
import io.offsite.notify.OutboxMessage;
import io.offsite.notify.Receipt;
import io.offsite.notify.ReceiptOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox as integrators see it: {@code GET /outbox?state=} (numbers and texts masked) and {@code POST
 * /sms/receipts}, the SMS gateway's delivery callback, which drives the parking window (a delivered owner text
 * starts the owner's ten minutes; a failed one sends the officer on site).
 */
final class OutboxApi implements HttpService {
    private final Enforcement enforcement;
    private final Json json;

    OutboxApi(Enforcement enforcement, Json json) {
        this.enforcement = enforcement;
        this.json = json;
    }

    /** A delivery callback: the message by our key or the provider's id, its status and when. */
    record ReceiptBody(@NotBlank @Size(max = 200) String reference,
            @Pattern(regexp = "key|provider") String match,
            @NotBlank @Pattern(regexp = "SENT|DELIVERED|FAILED") String status,
            @NotBlank String at,
            @Size(max = 500) String detail) {
    }

    /** One message, masked. */
    record Message(String key, String channel, String to, String text, String status, int attempts, String enqueuedAt,
            String sentAt, String deliveredAt, String deadLetteredAt, String deadLetterReason) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/outbox", this::list).post("/sms/receipts", this::receipt);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.ADMIN, Role.OFFICER);
        String s = req.query().first("state").orElse("PENDING").toUpperCase(Locale.ROOT);
        MessageStatus status;
        try {
            status = MessageStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.field("state", "one of " + List.of(MessageStatus.values()) + ", got " + s);
        }
        res.send(enforcement.outbox().messages(status).stream().limit(1_000).map(OutboxApi::view).toList());
    }

    static Message view(OutboxMessage m) {
        return new Message(m.key(), m.message().channel().name(), Masks.phone(m.message().to()),
                Masks.inText(m.message().text()), m.status().name(), m.attempts(), m.enqueuedAt().toString(),
                str(m.sentAt()), str(m.deliveredAt()), str(m.deadLetteredAt()),
                m.deadLetterReason().map(Masks::inText).orElse(null));
    }

    private static String str(Optional<Instant> t) {
        return t.map(Instant::toString).orElse(null);
    }

    private void receipt(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.ADMIN);
        ReceiptBody b = json.read(req, ReceiptBody.class);
        Instant at;
        try {
            at = Instant.parse(b.at());
        } catch (DateTimeParseException e) {
            throw ApiException.field("/at", "not an ISO-8601 instant");
        }
        Receipt.Status status = Receipt.Status.valueOf(b.status());
        String detail = b.detail() == null ? "" : b.detail();
        Receipt r = "provider".equals(b.match()) ? Receipt.forProviderId(b.reference(), status, at, detail)
                : Receipt.forKey(b.reference(), status, at, detail);
        ReceiptOutcome o = enforcement.receipt(r);
        res.send(Map.of("outcome", String.valueOf(o)));
    }
}
