package dev.pedigree.report;

import java.math.BigDecimal;
import java.util.Locale;

/** How reports print numbers, the same in every rendering. */
final class Numbers {
    private Numbers() {
    }

    /** A p-value to three significant digits; {@code -} when there is none. */
    static String p(Double p) {
        return p == null || !Double.isFinite(p) ? "-" : String.format(Locale.ROOT, "%.3g", p);
    }

    /** A score to four decimals; {@code -} when there is none. */
    static String score(Double v) {
        return v == null || !Double.isFinite(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** A level as the shortest decimal that names it: 0.1, 0.05, 0.01. */
    static String level(double level) {
        return BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
    }
}
