package io.offsite.core.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.objects.EnterpriseArchive.CaseRef;
import io.offsite.core.objects.EnterpriseArchive.Finding;
import io.offsite.core.objects.EnterpriseArchive.Patrol;
import io.offsite.core.spi.EnterpriseFiles;
import io.offsite.core.violation.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryEnterpriseFilesTest {
    private static final ManagedObject FRUIT = new ManagedObject("hy-shop-0001", "黄岩区劳动北路 某水果店",
            ObjectCategory.STREET_SHOP, Optional.empty(), GeoPoint.of(121.2620, 28.6470));
    private static final Instant T0 = Instant.parse("2026-12-05T01:00:00Z");
    private final EnterpriseFiles files = InMemoryEnterpriseFiles.of(List.of(FRUIT));

    private static Finding finding(int minutes, String what) {
        return new Finding(T0.plusSeconds(60L * minutes), Violation.TRADING_BEYOND_SHOPFRONT, what);
    }

    @Test
    void newFile_isEmpty() {
        EnterpriseArchive a = files.load("hy-shop-0001");
        assertThat(a.objectId()).isEqualTo("hy-shop-0001");
        assertThat(a.patrols()).isEmpty();
        assertThat(a.findings()).isEmpty();
        assertThat(a.cases()).isEmpty();
    }

    @Test
    void appends_areKeptOldestFirstWhateverTheArrivalOrder() {
        files.appendFinding("hy-shop-0001", finding(30, "second"));
        files.appendFinding("hy-shop-0001", finding(10, "first, reported late"));
        files.appendFinding("hy-shop-0001", finding(30, "same minute, arrived last"));
        assertThat(files.load("hy-shop-0001").findings()).extracting(Finding::description)
                .containsExactly("first, reported late", "second", "same minute, arrived last");
    }

    @Test
    void sameRecordAppendedTwice_isKeptOnce() {
        files.appendFinding("hy-shop-0001", finding(10, "goods on the pavement"));
        files.appendFinding("hy-shop-0001", finding(10, "goods on the pavement"));
        Patrol p = new Patrol(T0, OfficerId.of("HYZF-1001"), "checked the door front");
        files.appendPatrol("hy-shop-0001", p);
        EnterpriseArchive a = files.appendPatrol("hy-shop-0001", p);
        assertThat(a.findings()).hasSize(1);
        assertThat(a.patrols()).containsExactly(p);
    }

    @Test
    void caseIdReusedForADifferentCase_isRefused() {
        CaseRef c = new CaseRef("331003-2026-000107", Violation.TRADING_BEYOND_SHOPFRONT, T0);
        files.appendCase("hy-shop-0001", c);
        assertThat(files.appendCase("hy-shop-0001", c).cases()).containsExactly(c);
        assertThatThrownBy(() -> files.appendCase("hy-shop-0001",
                new CaseRef("331003-2026-000107", Violation.SEWAGE_DUMPING, T0)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("already holds case 331003-2026-000107");
    }

    @Test
    void unknownObject_isAnUnknownObjectErrorNamingIt() {
        assertThatThrownBy(() -> files.load("hy-shop-0404")).isInstanceOf(UnknownObjectException.class)
                .hasMessageContaining("enterprise file").hasMessageContaining("\"hy-shop-0404\"");
        assertThatThrownBy(() -> files.appendFinding("hy-shop-0404", finding(1, "x")))
                .isInstanceOf(UnknownObjectException.class);
    }

    @Test
    void malformedObjectId_isAValueErrorNotAnUnknownObject() {
        assertThatThrownBy(() -> files.load("")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("non-blank");
        assertThatThrownBy(() -> files.load(" hy-shop-0001")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("surrounding whitespace");
        assertThatThrownBy(() -> files.load(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void objectOpenedLater_getsAnEmptyFileAndReopeningKeepsIt() {
        InMemoryEnterpriseFiles f = EnterpriseFiles.inMemory(List.of(FRUIT));
        ManagedObject later = new ManagedObject("hy-shop-0005", "黄岩区劳动北路 某茶叶店", ObjectCategory.STREET_SHOP,
                Optional.empty(), GeoPoint.of(121.2621, 28.6470));
        assertThatThrownBy(() -> f.load("hy-shop-0005")).isInstanceOf(UnknownObjectException.class);
        assertThat(f.open(later)).isTrue();
        f.appendFinding("hy-shop-0005", finding(5, "tea tables outside"));
        assertThat(f.open(later)).isFalse();
        assertThat(f.load("hy-shop-0005").findings()).hasSize(1);
    }

    @Test
    void twoObjectsWithOneId_areRefused() {
        assertThatThrownBy(() -> InMemoryEnterpriseFiles.of(List.of(FRUIT, FRUIT)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("given twice");
    }
}
