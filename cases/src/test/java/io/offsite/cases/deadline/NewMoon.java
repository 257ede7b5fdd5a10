package io.offsite.cases.deadline;

import java.time.Instant;
import java.time.LocalDate;

/** Test astronomy: the instant of a new moon (Meeus, Astronomical Algorithms ch. 49; error well under a minute). */
final class NewMoon {
    private static final double[] A_BASE = {299.77, 251.88, 251.83, 349.42, 84.66, 141.74, 207.14, 154.84, 34.52,
        207.19, 291.34, 161.72, 239.56, 331.55};
    private static final double[] A_RATE = {0.107408, 0.016321, 26.651886, 36.412478, 18.206239, 53.303771, 2.453732,
        7.306860, 27.261239, 0.121824, 1.844379, 24.198154, 25.513099, 3.592518};
    private static final double[] A_COEF = {0.000325, 0.000165, 0.000164, 0.000126, 0.000110, 0.000062, 0.000060,
        0.000056, 0.000047, 0.000042, 0.000040, 0.000037, 0.000035, 0.000023};

    private NewMoon() {
    }

    /** The new moon nearest to {@code day} (UT). */
    static Instant nearest(LocalDate day) {
        double years = day.getYear() + (day.getDayOfYear() - 1) / 365.25;
        return instant(Math.round((years - 2000) * 12.3685));
    }

    static Instant instant(double k) {
        double t = k / 1236.85;
        double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t * t - 0.000000150 * t * t * t
                + 0.00000000073 * t * t * t * t;
        double e = 1 - 0.002516 * t - 0.0000074 * t * t;
        double m = r(2.5534 + 29.10535670 * k - 0.0000014 * t * t - 0.00000011 * t * t * t);
        double mp = r(201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t * t * t
                - 0.000000058 * t * t * t * t);
        double f = r(160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t * t * t
                + 0.000000011 * t * t * t * t);
        double om = r(124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t * t * t);
        double c = -0.40720 * sin(mp) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mp) + 0.01039 * sin(2 * f)
                + 0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m) + 0.00208 * e * e * sin(2 * m)
                - 0.00111 * sin(mp - 2 * f) - 0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m)
                - 0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f) + 0.00038 * e * sin(m - 2 * f)
                - 0.00024 * e * sin(2 * mp - m) - 0.00017 * sin(om) - 0.00007 * sin(mp + 2 * m)
                + 0.00004 * sin(2 * mp - 2 * f) + 0.00004 * sin(3 * m) + 0.00003 * sin(mp + m - 2 * f)
                + 0.00003 * sin(2 * mp + 2 * f) - 0.00003 * sin(mp + m + 2 * f) + 0.00003 * sin(mp - m + 2 * f)
                - 0.00002 * sin(mp - m - 2 * f) - 0.00002 * sin(3 * mp + m) + 0.00002 * sin(4 * mp);
        double extra = 0;
        for (int i = 0; i < A_BASE.length; i++) {
            double a = A_BASE[i] + A_RATE[i] * k - (i == 0 ? 0.009173 * t * t : 0);
            extra += A_COEF[i] * Math.sin(Math.toRadians(a));
        }
        double ut = jde + c + extra - deltaTSeconds(k) / 86_400.0;
        return Instant.ofEpochMilli(Math.round((ut - 2440587.5) * 86_400_000.0));
    }

    /** TT − UT in seconds, roughly extrapolated (±1 min is ample for these checks). */
    static double deltaTSeconds(double k) {
        double year = 2000 + k / 12.3685;
        return 69.2 + 0.6 * (year - 2024);
    }

    private static double r(double degrees) {
        return Math.toRadians(degrees % 360.0);
    }

    private static double sin(double radians) {
        return Math.sin(radians);
    }
}
