package io.offsite.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.offsite.core.geo.GeoPoint;
import io.offsite.evidence.BundleVerifier;
import io.offsite.evidence.EvidenceChain;
import io.offsite.evidence.EvidenceItem;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.ItemSpec;
import io.offsite.evidence.VerificationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A case's evidence: {@code POST /cases/{id}/evidence} (the body streamed into the blob store and hashed as it
 * arrives; item facts in query parameters), {@code GET /cases/{id}/evidence} (the items),
 * {@code GET /cases/{id}/evidence/{item}} (the bytes), {@code GET /cases/{id}/bundle} (a streamed ZIP an
 * independent verifier can check) and {@code POST /bundles/verify}. Every listing, download and export is written to
 * the case's custody log with the caller's role and the time.
 */
final class EvidenceApi implements HttpService {
    private final Enforcement enforcement;
    private final Path scratch;

    EvidenceApi(Enforcement enforcement, Path scratch) {
        this.enforcement = enforcement;
        this.scratch = scratch;
    }

    /** One evidence item. */
    record Item(String id, String kind, String mediaType, String capturedAt, String capturedBy, String sha256,
            long sizeBytes) {
        static Item of(EvidenceItem i) {
            return new Item(i.id(), i.kind().name(), i.spec().mediaType(), i.capturedAt().toString(),
                    i.spec().capturedBy(), i.sha256().toString(), i.sizeBytes());
        }
    }

    /** What a bundle check found. */
    record Verification(boolean ok, boolean cannotCheck, String caseId, List<Problem.FieldError> problems,
            List<String> notes) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/cases/{id}/evidence", this::upload)
                .get("/cases/{id}/evidence", this::list)
                .get("/cases/{id}/evidence/{item}", this::download)
                .get("/cases/{id}/bundle", this::bundle)
                .post("/bundles/verify", this::verify);
    }

    private EvidenceChain chain(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        if (enforcement.cases().find(id).isEmpty()) {
            throw ApiException.notFound("no case " + id);
        }
        return enforcement.desk().chain(id);
    }

    private void upload(ServerRequest req, ServerResponse res) {
        Role role = Auth.require(req, Role.OFFICER);
        EvidenceChain chain = chain(req);
        String mediaType = req.headers().first(HeaderNames.CONTENT_TYPE)
                .orElseThrow(() -> ApiException.field("Content-Type", "the item's media type is required"));
        ItemKind kind;
        try {
            kind = ItemKind.valueOf(req.query().first("kind").orElseThrow(() -> ApiException.field("kind", "required")));
        } catch (IllegalArgumentException e) {
            throw ApiException.field("kind", "one of " + List.of(ItemKind.values()));
        }
        Instant capturedAt;
        try {
            capturedAt = Instant.parse(req.query().first("capturedAt")
                    .orElseThrow(() -> ApiException.field("capturedAt", "required")));
        } catch (DateTimeParseException e) {
            throw ApiException.field("capturedAt", "not an ISO-8601 instant");
        }
        String capturedBy = req.query().first("capturedBy").orElseThrow(() -> ApiException.field("capturedBy",
                "required: the device or person who captured it"));
        ItemSpec.Builder spec = ItemSpec.builder(kind, mediaType, capturedAt, capturedBy);
        req.query().first("subject").ifPresent(spec::subject);
        List<String> facts = req.query().contains("fact") ? req.query().all("fact") : List.of();
        for (String fact : facts) {
            int colon = fact.indexOf(':');
            if (colon < 1 || colon == fact.length() - 1) {
                throw ApiException.field("fact", "each fact is key:value (e.g. identifiesParty:true), was " + fact);
            }
            try {
                spec.fact(fact.substring(0, colon), fact.substring(colon + 1));
            } catch (RuntimeException e) {
                throw ApiException.field("fact", e.getMessage());
            }
        }
        if (req.query().contains("deviceReview")) {
            try {
                spec.deviceReview(io.offsite.evidence.DeviceReview.valueOf(req.query().get("deviceReview")));
            } catch (IllegalArgumentException e) {
                throw ApiException.field("deviceReview", "one of " + List.of(io.offsite.evidence.DeviceReview.values()));
            }
        }
        if (req.query().contains("lon") || req.query().contains("lat")) {
            try {
                spec.location(GeoPoint.of(Double.parseDouble(req.query().get("lon")),
                        Double.parseDouble(req.query().get("lat"))));
            } catch (RuntimeException e) {
                throw ApiException.field("lon", "lon and lat must both be WGS-84 degrees: " + e.getMessage());
            }
        }
        EvidenceItem item;
        try (InputStream in = req.content().inputStream()) {
            item = chain.add(spec.build(), in, "api:" + role.label());
        } catch (IOException e) {
            throw ApiException.badRequest("the upload broke off: " + e.getMessage());
        }
        res.status(201).send(Item.of(item));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Role role = Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER);
        EvidenceChain chain = chain(req);
        List<EvidenceItem> all = chain.items();
        if (!all.isEmpty()) {
            chain.recordViews(all.stream().map(EvidenceItem::id).toList(), "api:" + role.label());
        }
        res.send(all.stream().map(Item::of).toList());
    }

    private void download(ServerRequest req, ServerResponse res) {
        Role role = Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER);
        EvidenceChain chain = chain(req);
        String itemId = req.path().pathParameters().get("item");
        EvidenceItem item = chain.item(itemId).orElseThrow(() -> ApiException.notFound("no item " + itemId));
        res.headers().set(HeaderNames.CONTENT_TYPE, item.spec().mediaType());
        try (InputStream in = chain.openItem(itemId, "api:" + role.label()); OutputStream out = res.outputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void bundle(ServerRequest req, ServerResponse res) {
        Role role = Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER);
        EvidenceChain chain = chain(req);
        res.headers().set(HeaderNames.CONTENT_TYPE, "application/zip");
        res.headers().set(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + chain.caseId() + ".zip\"");
        try (OutputStream out = res.outputStream()) {
            chain.exportBundle(out, "api:" + role.label());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void verify(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER, Role.ADMIN);
        Path tmp = null;
        try {
            Files.createDirectories(scratch);
            tmp = Files.createTempFile(scratch, "verify-", ".zip");
            try (InputStream in = req.content().inputStream()) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            VerificationReport r = BundleVerifier.create().verify(tmp);
            res.send(new Verification(r.ok(), r.cannotCheck(), r.caseId(), r.problems().stream()
                    .map(p -> new Problem.FieldError(p.where(), p.kind() + ": " + p.message())).toList(), r.notes()));
        } catch (IOException e) {
            throw ApiException.badRequest("the bundle upload broke off: " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // scratch space; removed on the next start
                }
            }
        }
    }
}
