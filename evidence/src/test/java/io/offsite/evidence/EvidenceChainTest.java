package io.offsite.evidence;

import io.offsite.testkit.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.violation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvidenceChainTest {

    EvidenceChain chain() {
        return EvidenceChain.builder("case-7", Violation.HOUSEHOLD_WASTE).signingKeys(InMemorySigningKeys.generate("k1"))
                .clock(SettableClock.at(Fixtures.T0)).build();
    }

    @Test
    void add_recordsHashAtCollection_andLogsAdded() {
        EvidenceChain c = chain();
        EvidenceItem i = c.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("abc"), "platform");
        assertThat(i.id()).isEqualTo("item-0001");
        assertThat(i.sha256().hex()).isEqualTo(BlobStoreTest.ABC_SHA);
        assertThat(i.sizeBytes()).isEqualTo(3);
        CustodyEntry e = c.custodyLog().entry(0);
        assertThat(e.action()).isEqualTo(CustodyAction.ADDED);
        assertThat(e.itemSha256()).contains(i.sha256());
        assertThat(c.entrySeqOf("item-0001")).isZero();
    }

    @Test
    void openItem_logsTheViewBeforeServingTheBytes() throws Exception {
        EvidenceChain c = chain();
        c.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("abc"), "platform");
        try (java.io.InputStream in = c.openItem("item-0001", "officer-5")) {
            assertThat(in.readAllBytes()).containsExactly('a', 'b', 'c');
        }
        CustodyEntry e = c.custodyLog().entry(1);
        assertThat(e.action()).isEqualTo(CustodyAction.VIEWED);
        assertThat(e.actor()).isEqualTo("officer-5");
    }

    @Test
    void sealedCase_rejectsNewItems_butAllowsViewsSharesAndRedactedCopies() {
        EvidenceChain c = chain();
        EvidenceItem orig = c.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("abc"), "platform");
        SignedTreeHead sealedHead = c.seal("officer-1");
        assertThat(c.isSealed()).isTrue();
        assertThatThrownBy(() -> c.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("late"), "platform"))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("sealed");
        assertThatThrownBy(() -> c.seal("officer-1")).isInstanceOf(EvidenceException.class);
        c.recordView(orig.id(), "officer-2");
        EvidenceItem red = c.derive(orig.id(), Fixtures.still(Fixtures.T0, false), Fixtures.bytes("a*c"), "officer-2",
                "plate blurred for publication");
        assertThat(red.derivedFrom()).contains(orig.id());
        assertThat(c.item(orig.id())).contains(orig);
        CustodyEntry last = c.custodyLog().entry(c.custodyLog().size() - 1);
        assertThat(last.action()).isEqualTo(CustodyAction.DERIVED);
        assertThat(last.detail()).contains("from item-0001");
        SignedTreeHead later = c.signHead();
        assertThat(MerkleProofs.verifyConsistency(c.custodyLog().consistencyProof(sealedHead.treeSize(),
                later.treeSize()), sealedHead.rootHash(), later.rootHash())).isTrue();
    }

    @Test
    void unknownItem_blankActor_blankDerivation_areRejected() {
        EvidenceChain c = chain();
        assertThatThrownBy(() -> c.recordView("item-0042", "officer-1")).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("no item \"item-0042\"");
        c.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("abc"), "platform");
        assertThatThrownBy(() -> c.recordView("item-0001", " ")).hasMessageContaining("actor");
        assertThatThrownBy(() -> c.derive("item-0001", Fixtures.still(Fixtures.T0, true), Fixtures.bytes("x"), "o", " "))
                .hasMessageContaining("derivation");
        assertThat(c.custodyLog().size()).isEqualTo(1);
        assertThatThrownBy(() -> EvidenceChain.builder("case 1", Violation.PARKING)).hasMessageContaining("case id");
        assertThatThrownBy(() -> EvidenceChain.builder("c1", Violation.PARKING).build()).hasMessageContaining("signingKeys");
    }

    @Test
    void signedHead_verifiesWithPublicKey_andTimestampCoversIt() {
        InMemorySigningKeys keys = InMemorySigningKeys.generate("k1");
        LocalTimestampAuthority tsa = LocalTimestampAuthority.create("tsa", SettableClock.at(Fixtures.T0));
        EvidenceChain c = EvidenceChain.builder("case-8", Violation.PARKING).signingKeys(keys).timestampAuthority(tsa)
                .clock(SettableClock.at(Fixtures.T0)).build();
        c.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("abc"), "platform");
        SignedTreeHead h = c.signHead();
        assertThat(h.verifySignature(keys.publicKey("k1").orElseThrow())).isTrue();
        assertThat(h.timestamp()).hasValueSatisfying(t -> {
            assertThat(t.messageImprint()).isEqualTo(h.imprint());
            assertThat(LocalTimestampAuthority.verify(t, tsa.verificationKey().orElseThrow())).isTrue();
        });
        keys.rotate("k2");
        SignedTreeHead h2 = c.signHead();
        assertThat(h2.keyId()).isEqualTo("k2");
        assertThat(h2.verifySignature(keys.publicKey("k1").orElseThrow())).isFalse();
        assertThatThrownBy(() -> keys.rotate("k1")).hasMessageContaining("never reused");
    }

    @Test
    void witnessStatement_recordsOnlyPseudonymousId_andLinksCorroboratedItems() {
        WitnessRegistry reg = WitnessRegistry.inMemory();
        WitnessId w = new WitnessId("W-0031");
        reg.register(w, WitnessRole.SANITATION_WORKER, new PersonalDetails("王小明", "13800001111", "黄岩区"),
                Fixtures.T0);
        EvidenceChain c = EvidenceChain.builder("case-9", Violation.HOUSEHOLD_WASTE).signingKeys(InMemorySigningKeys.generate("k"))
                .witnesses(reg).clock(SettableClock.at(Fixtures.T0)).build();
        EvidenceItem clip = c.add(ItemSpec.builder(ItemKind.VIDEO_CLIP, "video/mp4", Fixtures.T0, Fixtures.CAMERA)
                .build(), Fixtures.bytes("mp4"), "platform");
        EvidenceItem st = c.addWitnessStatement(w, ItemSpec.builder(ItemKind.WITNESS_STATEMENT, "application/pdf",
                Fixtures.T0.plusSeconds(600), "officer-3").fact(ItemSpec.IDENTIFIES_PARTY, "true").build(),
                Fixtures.bytes("statement"), List.of(clip.id()), "officer-3");
        assertThat(st.spec().fact(ItemSpec.WITNESS_ID)).contains("W-0031");
        CustodyEntry link = c.custodyLog().entry(c.custodyLog().size() - 1);
        assertThat(link.action()).isEqualTo(CustodyAction.WITNESS_LINKED);
        assertThat(link.detail()).isEqualTo("witness W-0031 corroborates item-0001");
        String everything = c.custodyLog().entries().toString() + c.items();
        assertThat(everything).doesNotContain("王小明").doesNotContain("13800001111");
        assertThat(reg.erasePersonalDetails(w)).isTrue();
        assertThat(reg.personalDetails(w)).isEmpty();
        assertThat(reg.find(w)).isPresent();
        assertThatThrownBy(() -> c.addWitnessStatement(new WitnessId("W-9"), st.spec(), Fixtures.bytes("s"),
                List.of(), "officer-3")).hasMessageContaining("not registered");
        assertThat(CompletenessRules.defaults().check(c, CaseContext.builder(Violation.HOUSEHOLD_WASTE, Fixtures.T0.plusSeconds(3600))
                .build()).complete()).isTrue();
    }

    @Test
    void planFromCaptureEvidence_listsStillsSmsAndClip_andTracksWhatIsOutstanding() {
        Instant t = Fixtures.T0;
        CaptureEvidence eff = new CaptureEvidence("ep-1", t.plusSeconds(600), Violation.PARKING, "fence-1", Fixtures.CAMERA,
                "浙J12345", List.of(t, t.plusSeconds(300), t.plusSeconds(660)), 3, true, Duration.ofMinutes(10), true);
        EvidencePlan plan = EvidencePlan.from(eff);
        assertThat(plan.requests()).extracting(EvidenceRequest::kind).containsExactly(ItemKind.STILL, ItemKind.STILL,
                ItemKind.STILL, ItemKind.VIDEO_CLIP, ItemKind.SMS_RECORD);
        EvidenceChain c = Fixtures.parkingChain("case-10");
        List<EvidenceRequest> left = plan.outstanding(c.items(), Duration.ofSeconds(2));
        assertThat(left).extracting(EvidenceRequest::kind).containsExactly(ItemKind.VIDEO_CLIP);
        assertThat(plan.outstanding(List.of(), Duration.ZERO)).hasSize(5);
    }

    @Test
    void planForAnOwnerWhoCouldNotBeTold_saysNoOffSiteCaseMayRestOnTheText() {
        Instant t = Fixtures.T0;
        CaptureEvidence told = new CaptureEvidence("ep-1", t.plusSeconds(720), io.offsite.core.violation.Violation.PARKING, "fence-1", Fixtures.CAMERA,
                "浙J12345", List.of(t, t.plusSeconds(120), t.plusSeconds(720)), 3, true, Duration.ofMinutes(10), false,
                io.offsite.core.effect.OwnerNotice.DELIVERED, Double.NaN);
        CaptureEvidence notTold = new CaptureEvidence("ep-2", t.plusSeconds(420), io.offsite.core.violation.Violation.PARKING, "fence-1",
                Fixtures.CAMERA, "浙J12345", List.of(t, t.plusSeconds(120), t.plusSeconds(420)), 3, true,
                Duration.ofMinutes(10), false, io.offsite.core.effect.OwnerNotice.NOT_DELIVERED, Double.NaN);

        assertThat(EvidencePlan.from(told).offSiteCaseMayRestOnText()).isTrue();
        EvidencePlan plan = EvidencePlan.from(notTold);
        assertThat(plan.offSiteCaseMayRestOnText()).isFalse();
        assertThat(plan.requests()).filteredOn(r -> r.kind() == ItemKind.SMS_RECORD).singleElement()
                .satisfies(r -> assertThat(r.purpose()).contains("could not be told")
                        .contains("no off-site case may rest on the text"));
    }

    @Test
    void hostClockSteppingBack_keepsTheLogInOrder_insteadOfFailing() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(
                Fixtures.T0.plusSeconds(100));
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        EvidenceChain c = EvidenceChain.builder("case-12", Violation.PARKING).signingKeys(InMemorySigningKeys.generate("k"))
                .clock(clock).build();
        c.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("a"), "platform");
        now.set(Fixtures.T0.plusSeconds(40));
        c.recordView("item-0001", "officer-1");
        assertThat(c.custodyLog().entry(1).at()).isEqualTo(Fixtures.T0.plusSeconds(100));
    }

    @Test
    void inclusionProofOfEveryItemEntry_verifiesAgainstLatestHead() {
        EvidenceChain c = Fixtures.parkingChain("case-11");
        SignedTreeHead h = c.signHead();
        for (EvidenceItem i : c.items()) {
            long seq = c.entrySeqOf(i.id());
            InclusionProof p = c.custodyLog().inclusionProof(seq, h.treeSize());
            assertThat(MerkleProofs.verifyInclusion(p, c.custodyLog().leafHash(seq), h.rootHash())).isTrue();
        }
        assertThat(c.heads()).hasSize(2);
        assertThat(c.custodyLog().entries()).extracting(CustodyEntry::itemId).contains(Optional.of("item-0003"));
    }
}
