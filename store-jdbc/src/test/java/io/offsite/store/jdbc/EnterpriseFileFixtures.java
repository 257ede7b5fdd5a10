package io.offsite.store.jdbc;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.objects.EnterpriseArchive.CaseRef;
import io.offsite.core.objects.EnterpriseArchive.Finding;
import io.offsite.core.objects.EnterpriseArchive.Patrol;
import io.offsite.core.objects.ManagedObject;
import io.offsite.core.objects.ObjectCategory;
import io.offsite.core.violation.Violation;
import java.time.Instant;
import java.util.Optional;

/** Shops on 劳动北路, Huangyan, and records for their files. */
final class EnterpriseFileFixtures {
    static final ManagedObject FRUIT = shop("hy-shop-0001", "黄岩区劳动北路 某水果店", 121.2620);
    static final ManagedObject TEA = shop("hy-shop-0005", "黄岩区劳动北路 某茶叶店", 121.2621);
    static final Instant T0 = Instant.parse("2026-12-05T01:00:00Z");
    static final OfficerId OFFICER = OfficerId.of("HYZF-1001");

    private EnterpriseFileFixtures() {
    }

    static ManagedObject shop(String id, String name, double lon) {
        return new ManagedObject(id, name, ObjectCategory.STREET_SHOP, Optional.empty(), GeoPoint.of(lon, 28.6470));
    }

    static Finding finding(int minutes, String what) {
        return new Finding(T0.plusSeconds(60L * minutes), Violation.TRADING_BEYOND_SHOPFRONT, what);
    }

    static Patrol patrol(int minutes, String note) {
        return new Patrol(T0.plusSeconds(60L * minutes), OFFICER, note);
    }

    static CaseRef caseRef(String caseId, Violation v, int minutes) {
        return new CaseRef(caseId, v, T0.plusSeconds(60L * minutes));
    }
}
