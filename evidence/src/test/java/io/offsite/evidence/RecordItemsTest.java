package io.offsite.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offsite.core.objects.ObjectOperator;
import io.offsite.core.violation.Violation;
import io.offsite.testkit.SettableClock;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Register and warning records become items with exact, canonical JSON content, whatever the names hold. */
class RecordItemsTest {
    private static final String USCC = "91350100M000100Y43"; // the standard's worked example (valid check character)

    private static EvidenceChain chain(String caseId) {
        return EvidenceChain.builder(caseId, Violation.TRADING_BEYOND_SHOPFRONT)
                .signingKeys(InMemorySigningKeys.generate("k")).clock(SettableClock.at(Fixtures.T0)).build();
    }

    private static JsonNode content(EvidenceChain chain, EvidenceItem item) throws IOException {
        try (InputStream in = chain.openItem(item.id(), "officer-7")) {
            return new ObjectMapper().readTree(in.readAllBytes());
        }
    }

    @Test
    void businessRegistration_keepsNamesWithQuotesBackslashesAndLineBreaksExact() throws IOException {
        EvidenceChain chain = chain("case-b");
        String shop = "老王\"海鲜\"排档 \\ 东城\n2号";
        ObjectOperator op = ObjectOperator.business("HY-SHOP-0042", "黄岩\"老王\"餐饮店", "13800001111", USCC);
        EvidenceItem item = RecordItems.addBusinessRegistration(chain, "HY-SHOP-0042", shop, op, Fixtures.T0, "platform");

        assertThat(item.spec().kind()).isEqualTo(ItemKind.AGENCY_RECORD);
        assertThat(item.spec().facts()).containsEntry(ItemSpec.RECORD_TYPE, "BUSINESS");
        assertThat(item.spec().capturedBy()).isEqualTo(RecordItems.BUSINESS_REGISTER);
        JsonNode json = content(chain, item);
        assertThat(json.get("shop").asText()).isEqualTo(shop);
        assertThat(json.get("operator").asText()).isEqualTo("黄岩\"老王\"餐饮店");
        assertThat(json.get("uscc").asText()).isEqualTo(USCC);
        assertThat(json.get("objectId").asText()).isEqualTo("HY-SHOP-0042");
        assertThat(json.has("phone")).as("no personal phone in the record").isFalse();
    }

    @Test
    void sameRecordInTwoChains_hasTheSameBytes_andAPersonOperatorHasAnEmptyCreditCode() throws IOException {
        ObjectOperator person = ObjectOperator.person("HY-SHOP-0007", "王某", "13800002222");
        EvidenceItem a = RecordItems.addBusinessRegistration(chain("case-1"), "HY-SHOP-0007", "小吃店", person,
                Fixtures.T0, "platform");
        EvidenceChain second = chain("case-2");
        EvidenceItem b = RecordItems.addBusinessRegistration(second, "HY-SHOP-0007", "小吃店", person, Fixtures.T0,
                "platform");
        assertThat(a.sha256()).isEqualTo(b.sha256());
        assertThat(content(second, b).get("uscc").asText()).isEmpty();
    }

    @Test
    void voiceWarning_isDatedWhenPlayed_byItsSpeaker_withTheTextAsSaid() throws IOException {
        EvidenceChain chain = chain("case-v");
        String said = "请勿\"占道\"经营，\\ 立即收回";
        EvidenceItem item = RecordItems.addVoiceWarning(chain, "ep-1/voice-warning/1", "speaker-33100300001",
                Fixtures.T0.plusSeconds(40), said, "HY-SHOP-0042", "platform");
        assertThat(item.spec().kind()).isEqualTo(ItemKind.VOICE_WARNING_RECORD);
        assertThat(item.spec().capturedAt()).isEqualTo(Fixtures.T0.plusSeconds(40));
        assertThat(item.spec().capturedBy()).isEqualTo("speaker-33100300001");
        JsonNode json = content(chain, item);
        assertThat(json.get("text").asText()).isEqualTo(said);
        assertThat(json.get("playedAt").asText()).isEqualTo(Fixtures.T0.plusSeconds(40).toString());
        assertThat(json.get("key").asText()).isEqualTo("ep-1/voice-warning/1");
    }

    @Test
    void smsRecord_carriesTheSentAndDeliveredTimesTheParkingRulesCheck_andAProviderIdWithQuotes() throws IOException {
        EvidenceChain chain = chain("case-s");
        EvidenceItem item = RecordItems.addSmsRecord(chain, "ep-1/request-owner-move", "138****1111", Fixtures.T0,
                Fixtures.T0.plusSeconds(4), "gw\"42\"", "浙J58821", "platform");
        assertThat(item.spec().kind()).isEqualTo(ItemKind.SMS_RECORD);
        assertThat(item.spec().facts()).containsEntry(ItemSpec.SMS_SENT_AT, Fixtures.T0.toString())
                .containsEntry(ItemSpec.SMS_DELIVERED_AT, Fixtures.T0.plusSeconds(4).toString());
        assertThat(item.spec().capturedBy()).isEqualTo(RecordItems.SMS_GATEWAY);
        JsonNode json = content(chain, item);
        assertThat(json.get("providerId").asText()).isEqualTo("gw\"42\"");
        assertThat(json.get("to").asText()).isEqualTo("138****1111");
    }

    @Test
    void blankNames_areRefusedNamingTheField_andNothingIsAdded() {
        EvidenceChain chain = chain("case-x");
        ObjectOperator op = ObjectOperator.person("HY-SHOP-0001", "王某", "13800003333");
        assertThatThrownBy(() -> RecordItems.addBusinessRegistration(chain, " ", "店", op, Fixtures.T0, "platform"))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("objectId");
        assertThatThrownBy(() -> RecordItems.addVoiceWarning(chain, "k", "", Fixtures.T0, "t", "s", "platform"))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("speaker");
        assertThat(chain.items()).isEmpty();
    }
}
