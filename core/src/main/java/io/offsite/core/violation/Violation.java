package io.offsite.core.violation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What was violated (违法行为): the one vocabulary every module keys on. Ladder presets (geofence), evidence
 * completeness rules (evidence), penalty tables ({@code io.offsite.cases.penalty.PenaltyCatalogue}) and message
 * templates (notify) are all looked up by a {@code Violation}, and the effects in
 * {@link io.offsite.core.effect} carry one, so a case flows from the camera to the fine with no host-side mapping.
 *
 * <p><b>Why a value type and not an enum.</b> Cities enforce items the library does not know (a local noise
 * or poster rule, a regional 门前三包 item). With a closed enum a vendor could only add one by forking core.
 * A {@code Violation} is an immutable value identified by its <em>code</em> alone: the standard items are
 * constants ({@link #PARKING} …), and {@link #of(String)} returns the constant for a standard code or a new
 * local value for any other well-formed code, so a vendor adds a local item by loading a penalty table,
 * a rule set, a ladder and templates under a new code. Equality, hashing and ordering use the code only;
 * codes are stable strings (they appear in data files, manifests and journals) and never change meaning.
 *
 * <p>A code is 2–40 characters of {@code A–Z}, {@code 0–9} and {@code _}, starting with a letter.
 */
public final class Violation implements Comparable<Violation> {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    /** Illegal parking in a no-parking fence (违法停车, 违停); Road Traffic Safety Law Art. 93. */
    public static final Violation PARKING = new Violation("PARKING", "违法停车 (illegal parking)");
    /** Road occupation by street vending (占道经营). */
    public static final Violation ROAD_OCCUPATION = new Violation("ROAD_OCCUPATION", "占道经营 (street vending)");
    /** A shop trading beyond its front door onto the pavement (店铺越门经营, 店外经营). */
    public static final Violation TRADING_BEYOND_SHOPFRONT = new Violation("TRADING_BEYOND_SHOPFRONT",
            "店铺越门经营 (trading beyond the shop front)");
    /** Dumping household waste (乱倒垃圾); Solid Waste Law Art. 111. */
    public static final Violation HOUSEHOLD_WASTE = new Violation("HOUSEHOLD_WASTE", "乱倒垃圾 (dumping household waste)");
    /** Pouring sewage onto the street or into storm drains (乱倒污水). */
    public static final Violation SEWAGE_DUMPING = new Violation("SEWAGE_DUMPING", "乱倒污水 (dumping sewage)");
    /** Dumping or spilling construction waste (乱倒建筑垃圾), e.g. by a muck truck off its approved route. */
    public static final Violation CONSTRUCTION_WASTE = new Violation("CONSTRUCTION_WASTE",
            "乱倒建筑垃圾 (dumping construction waste)");
    /** Building without a planning permit (违法建设); Urban and Rural Planning Law Art. 64. */
    public static final Violation ILLEGAL_BUILDING = new Violation("ILLEGAL_BUILDING", "违法建设 (illegal building)");
    /** Putting up a temporary structure without approval (擅自搭建临时建筑物、构筑物). */
    public static final Violation TEMPORARY_STRUCTURE = new Violation("TEMPORARY_STRUCTURE",
            "擅自搭建临时建筑物 (unapproved temporary structure)");

    private static final Map<String, Violation> STANDARD;

    static {
        Map<String, Violation> m = new LinkedHashMap<>();
        for (Violation v : List.of(PARKING, ROAD_OCCUPATION, TRADING_BEYOND_SHOPFRONT, HOUSEHOLD_WASTE, SEWAGE_DUMPING,
                CONSTRUCTION_WASTE, ILLEGAL_BUILDING, TEMPORARY_STRUCTURE)) {
            m.put(v.code, v);
        }
        STANDARD = java.util.Collections.unmodifiableMap(m);
    }

    private final String code;
    private final String name;

    private Violation(String code, String name) {
        this.code = code;
        this.name = name;
    }

    /**
     * The violation with {@code code}: the standard constant when the code is one of {@link #standard()},
     * otherwise a local violation whose name is the code.
     *
     * @throws ViolationException if the code is not 2–40 characters of A–Z, 0–9, _ starting with a letter
     */
    public static Violation of(String code) {
        Violation std = STANDARD.get(requireCode(code));
        return std != null ? std : new Violation(code, code);
    }

    /**
     * A vendor's local violation with a display name, e.g. {@code local("SHOP_NOISE", "商铺噪声扰民")}.
     *
     * @throws ViolationException if the code is malformed, is a standard code, or the name is blank
     */
    public static Violation local(String code, String name) {
        requireCode(code);
        Objects.requireNonNull(name, "name");
        if (STANDARD.containsKey(code)) {
            throw new ViolationException("violation code " + code + " is a standard violation; use Violation."
                    + code + " or Violation.of(\"" + code + "\")");
        }
        if (name.isBlank()) {
            throw new ViolationException("name of local violation " + code + " must be non-blank");
        }
        return new Violation(code, name);
    }

    /** The standard violations every shipped preset, rule set, table and template set covers, in a fixed order. */
    public static List<Violation> standard() {
        return List.copyOf(STANDARD.values());
    }

    /** Whether this is one of the {@link #standard()} violations. */
    public boolean isStandard() {
        return STANDARD.containsKey(code);
    }

    /** The stable code, e.g. {@code PARKING}. */
    public String code() {
        return code;
    }

    /** A display name (Chinese term with an English gloss for standard items; the code for an unnamed local item). */
    public String name() {
        return name;
    }

    private static String requireCode(String code) {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new ViolationException("violation code must be 2–40 characters of A–Z, 0–9, _ starting with"
                    + " a letter (e.g. PARKING), was '" + code + "'");
        }
        return code;
    }

    @Override
    public int compareTo(Violation o) {
        return code.compareTo(o.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Violation && ((Violation) o).code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** The code. */
    @Override
    public String toString() {
        return code;
    }
}
