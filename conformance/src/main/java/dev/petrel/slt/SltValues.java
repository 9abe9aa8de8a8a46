package dev.petrel.slt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Rendering of result values exactly as SQLite's reference harness (slt_sqlite.c) prints them; see
 * ../shared/sqllogictest/FORMAT.md, "Rendering values".
 */
public final class SltValues {
    private SltValues() {
    }

    /** I: {@code sqlite3_column_int}, i.e. the 64-bit integer value cut to 32 bits, printed with %d. */
    public static String integer(long columnInt64) {
        return Integer.toString((int) columnInt64);
    }

    /** R: SQLite's printf {@code "%.3f"}: at most 16 significant digits, then zero padding; -0.0 prints as 0.000. */
    public static String real(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == 0.0) {
            return "0.000";
        }
        BigDecimal exact = new BigDecimal(v);
        BigDecimal limited = exact.round(new MathContext(16, RoundingMode.HALF_EVEN));
        String s = limited.setScale(3, RoundingMode.HALF_EVEN).toPlainString();
        if (s.equals("-0.000")) {
            return "0.000";
        }
        return s;
    }

    /** T: {@code sqlite3_column_text}; empty prints as "(empty)", bytes outside 0x20..0x7E print as '@'. */
    public static String text(String s) {
        if (s.isEmpty()) {
            return "(empty)";
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(utf8.length);
        for (byte b : utf8) {
            int c = b & 0xff;
            sb.append(c < 0x20 || c > 0x7e ? '@' : (char) c);
        }
        return sb.toString();
    }
}
