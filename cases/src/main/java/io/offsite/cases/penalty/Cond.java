package io.offsite.cases.penalty;

import java.util.ArrayList;
import java.util.List;

/** A compiled conjunction of fact tests: primitive fields only, so matching allocates nothing. */
final class Cond {
    static final int ALL_PARTIES = (1 << PartyType.values().length) - 1;
    static final int ALL_HARMS = (1 << HarmLevel.values().length) - 1;

    int partyMask = ALL_PARTIES;
    int harmMask = ALL_HARMS;
    /** -1 any, 0 must be false, 1 must be true. */
    int first = -1;
    int corrected = -1;
    int repeatMin = 0;
    int repeatMax = Integer.MAX_VALUE;
    int aggrAll;
    int aggrNone;
    int mitigAll;
    int mitigNone;
    long areaMin = Long.MIN_VALUE;
    long areaMax = Long.MAX_VALUE;
    long costMin = Long.MIN_VALUE;
    long costMax = Long.MAX_VALUE;

    boolean matches(Facts f) {
        return (partyMask & (1 << f.party.ordinal())) != 0
                && (harmMask & (1 << f.harm.ordinal())) != 0
                && (first < 0 || (first == 1) == f.firstViolation)
                && (corrected < 0 || (corrected == 1) == f.promptlyCorrected)
                && f.repeatCount >= repeatMin && f.repeatCount <= repeatMax
                && (f.aggravationMask & aggrAll) == aggrAll && (f.aggravationMask & aggrNone) == 0
                && (f.mitigationMask & mitigAll) == mitigAll && (f.mitigationMask & mitigNone) == 0
                && f.areaDm2 >= areaMin && f.areaDm2 <= areaMax
                && f.constructionCostFen >= costMin && f.constructionCostFen <= costMax;
    }

    boolean usesArea() {
        return areaMin != Long.MIN_VALUE || areaMax != Long.MAX_VALUE;
    }

    boolean usesCost() {
        return costMin != Long.MIN_VALUE || costMax != Long.MAX_VALUE;
    }

    boolean allowsParty(PartyType p) {
        return (partyMask & (1 << p.ordinal())) != 0;
    }

    /** Plain-language description of the tests, for explanations and error messages. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (partyMask != ALL_PARTIES) {
            parts.add("party in " + names(PartyType.values(), partyMask));
        }
        if (harmMask != ALL_HARMS) {
            parts.add("harm in " + names(HarmLevel.values(), harmMask));
        }
        if (first >= 0) {
            parts.add("firstViolation=" + (first == 1));
        }
        if (corrected >= 0) {
            parts.add("promptlyCorrected=" + (corrected == 1));
        }
        if (repeatMin != 0 || repeatMax != Integer.MAX_VALUE) {
            parts.add("repeatCount in " + repeatMin + ".." + (repeatMax == Integer.MAX_VALUE ? "∞" : repeatMax));
        }
        if (aggrAll != 0) {
            parts.add("aggravations include " + names(Aggravation.values(), aggrAll));
        }
        if (aggrNone != 0) {
            parts.add("aggravations exclude " + names(Aggravation.values(), aggrNone));
        }
        if (mitigAll != 0) {
            parts.add("mitigations include " + names(Mitigation.values(), mitigAll));
        }
        if (mitigNone != 0) {
            parts.add("mitigations exclude " + names(Mitigation.values(), mitigNone));
        }
        if (usesArea()) {
            parts.add("areaDm2 in " + areaMin + ".." + (areaMax == Long.MAX_VALUE ? "∞" : areaMax));
        }
        if (usesCost()) {
            parts.add("constructionCostFen in " + costMin + ".." + (costMax == Long.MAX_VALUE ? "∞" : costMax));
        }
        return parts.isEmpty() ? "always" : String.join(" and ", parts);
    }

    private static String names(Enum<?>[] values, int mask) {
        List<String> out = new ArrayList<>();
        for (Enum<?> e : values) {
            if ((mask & (1 << e.ordinal())) != 0) {
                out.add(e.name());
            }
        }
        return out.toString();
    }
}
