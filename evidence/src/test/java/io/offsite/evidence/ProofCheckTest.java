package io.offsite.evidence;

import io.offsite.testkit.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offsite.core.violation.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verifier's check of earlier heads: a head signed before history was rewritten exposes the rewrite. */
class ProofCheckTest {
    final InMemorySigningKeys keys = InMemorySigningKeys.generate("k1");

    EvidenceChain chain(String secondItem) {
        EvidenceChain c = EvidenceChain.builder("case-h", Violation.PARKING).signingKeys(keys)
                .clock(SettableClock.at(Fixtures.T0)).build();
        c.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("one"), "platform");
        c.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes(secondItem), "platform");
        c.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("three"), "platform");
        return c;
    }

    List<String[]> check(SignedTreeHead earlier, EvidenceChain finalChain, SignedTreeHead last) {
        BundleModel model = new BundleModel(new byte[0], "case-h", "PARKING", Instant.EPOCH, "x", Map.of(), Map.of(),
                last, Map.of("k1", keys.publicKey("k1").orElseThrow()), Optional.empty());
        ObjectNode p = CanonicalJson.object();
        p.putArray("inclusion");
        ObjectNode e = p.putArray("earlierHeads").addObject();
        e.set("head", earlier.toJson());
        ArrayNode path = e.putArray("consistencyPath");
        finalChain.custodyLog().consistencyProof(earlier.treeSize(), last.treeSize()).path()
                .forEach(h -> path.add(h.hex()));
        List<String[]> out = new java.util.ArrayList<>();
        ProofCheck.check(CanonicalJson.write(p), model, null, (k, w, m) -> out.add(new String[] {w, m}));
        return out;
    }

    @Test
    void earlierHeadOfTheSameHistory_isConsistent() {
        EvidenceChain c = chain("two");
        SignedTreeHead early = c.signHead();
        c.recordView("item-0001", "officer-1");
        c.recordView("item-0002", "officer-1");
        assertThat(check(early, c, c.signHead())).isEmpty();
    }

    @Test
    void earlierHeadFromBeforeARewrite_isReportedAsRewrittenHistory() {
        SignedTreeHead early = chain("two").signHead();
        EvidenceChain rewritten = chain("TWO (replaced)");
        rewritten.recordView("item-0001", "officer-1");
        List<String[]> problems = check(early, rewritten, rewritten.signHead());
        assertThat(problems).singleElement().satisfies(p -> assertThat(p[1]).contains("history was rewritten"));
    }
}
