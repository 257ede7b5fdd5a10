package io.offsite.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds unmasked licence plates and mainland mobile numbers in captured output lines. */
final class PersonalDataScan {
    /** A province character, the issuing-authority letter and 5–6 letters/digits, or 4 and a special suffix. */
    static final Pattern PLATE = Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z](?:[A-Z0-9]{5,6}|[A-Z0-9]{4}[挂学警港澳])");
    /** Eleven digits starting 13–19, not part of a longer number (a coordinate's decimals are not a phone). */
    static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

    private PersonalDataScan() {
    }

    /** Every line holding an unmasked plate or mobile number, as "line N: match in: text". */
    static List<String> findings(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (Pattern p : new Pattern[] {PLATE, MOBILE}) {
                Matcher m = p.matcher(lines.get(i));
                while (m.find()) {
                    out.add("line " + (i + 1) + ": " + m.group() + " in: " + lines.get(i));
                }
            }
        }
        return out;
    }
}
