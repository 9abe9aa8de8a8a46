package dev.petrel.func.datetime;

/**
 * Reads SQLite time values from text into a {@link DateTime}: {@code YYYY-MM-DD[( |T)HH:MM[:SS[.SSS]]][tz]},
 * {@code HH:MM[:SS[.SSS]][tz]}, {@code now}, and decimal numbers (Julian day numbers, or raw values for
 * {@code 'unixepoch'}/{@code 'auto'}). A time zone suffix is {@code Z} or {@code [+-]HH:MM} (hours 00..14).
 *
 * <p>Also holds the small lexical helpers the modifier reader shares: fixed-width digit groups, SQLite's
 * notion of white space, and a strict decimal number reader.
 */
final class TimeValueParser {
    private TimeValueParser() {
    }

    /** Parses a whole time value; returns false if the text is not one. */
    static boolean parseTimeValue(String z, DateTime p, long nowJdMs) {
        if (parseYyyyMmDd(z, p)) {
            return true;
        }
        if (parseHhMmSs(z, 0, p)) {
            return true;
        }
        if (z.equalsIgnoreCase("now")) {
            p.iJD = nowJdMs;
            p.validJD = true;
            p.isUtc = true;
            p.isLocal = false;
            p.clearYmdHmsTz();
            return true;
        }
        double[] r = new double[1];
        if (parseNumber(z, 0, z.length(), r)) {
            p.setRawNumber(r[0]);
            return true;
        }
        return false;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Value of {@code width} decimal digits at {@code at}, or -1 if they are not all digits or exceed max. */
    static int digits(String z, int at, int width, int max) {
        if (at + width > z.length()) {
            return -1;
        }
        int v = 0;
        for (int i = at; i < at + width; i++) {
            char c = z.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > max ? -1 : v;
    }

    /** Reads {@code [-]YYYY-MM-DD} then an optional time; on success the calendar fields are valid. */
    private static boolean parseYyyyMmDd(String z, DateTime p) {
        int i = 0;
        boolean neg = false;
        if (z.length() > 0 && z.charAt(0) == '-') {
            neg = true;
            i = 1;
        }
        int y = digits(z, i, 4, 9999);
        if (y < 0 || !charAt(z, i + 4, '-')) {
            return false;
        }
        int m = digits(z, i + 5, 2, 12);
        if (m < 1 || !charAt(z, i + 7, '-')) {
            return false;
        }
        int d = digits(z, i + 8, 2, 31);
        if (d < 1) {
            return false;
        }
        i += 10;
        while (i < z.length() && (isSpace(z.charAt(i)) || z.charAt(i) == 'T')) {
            i++;
        }
        if (!parseHhMmSs(z, i, p) && i < z.length()) {
            return false;
        }
        p.validJD = false;
        p.validYMD = true;
        p.year = neg ? -y : y;
        p.month = m;
        p.day = d;
        p.computeFloor();
        if (p.validTZ) {
            p.computeJD();
        }
        return true;
    }

    private static boolean charAt(String z, int i, char c) {
        return i < z.length() && z.charAt(i) == c;
    }

    /** Reads {@code HH:MM[:SS[.F+]]} plus optional zone from {@code at} to the end; sets the clock fields. */
    static boolean parseHhMmSs(String z, int at, DateTime p) {
        int h = digits(z, at, 2, 24);
        if (h < 0 || !charAt(z, at + 2, ':')) {
            return false;
        }
        int m = digits(z, at + 3, 2, 59);
        if (m < 0) {
            return false;
        }
        int i = at + 5;
        double s = 0;
        if (charAt(z, i, ':')) {
            int sec = digits(z, i + 1, 2, 59);
            if (sec < 0) {
                return false;
            }
            i += 3;
            s = sec;
            if (charAt(z, i, '.') && i + 1 < z.length() && isDigit(z.charAt(i + 1))) {
                // The fraction is kept as a double but capped at .999, so it never carries into the next
                // second (.9996 stays .999); milliseconds are rounded later, from the double (.6405 -> .640).
                double frac = 0;
                double scale = 1.0;
                i++;
                while (i < z.length() && isDigit(z.charAt(i))) {
                    frac = frac * 10.0 + (z.charAt(i) - '0');
                    scale *= 10.0;
                    i++;
                }
                s += Math.min(frac / scale, 0.999);
            }
        }
        if (!parseTimezone(z, i, p)) {
            return false;
        }
        p.validJD = false;
        p.rawS = false;
        p.validHMS = true;
        p.hour = h;
        p.minute = m;
        p.second = s;
        return true;
    }

    /** Reads optional white space, an optional zone and trailing white space; false if anything else remains. */
    private static boolean parseTimezone(String z, int i, DateTime p) {
        int n = z.length();
        while (i < n && isSpace(z.charAt(i))) {
            i++;
        }
        p.tz = 0;
        if (i >= n) {
            return true;
        }
        char c = z.charAt(i);
        if (c == 'Z' || c == 'z') {
            i++;
        } else if (c == '+' || c == '-') {
            int hh = digits(z, i + 1, 2, 14);
            if (hh < 0 || !charAt(z, i + 3, ':')) {
                return false;
            }
            int mm = digits(z, i + 4, 2, 59);
            if (mm < 0) {
                return false;
            }
            p.tz = (c == '-' ? -1 : 1) * (mm + hh * 60);
            i += 6;
        } else {
            return false;
        }
        while (i < n && isSpace(z.charAt(i))) {
            i++;
        }
        p.validTZ = p.tz != 0;
        if (!p.validTZ) {
            // Z or +00:00 marks the value as UTC now; a real offset does so only once it is applied
            // (DateTime.computeJD), and is forgotten if a modifier drops it first ('start of').
            p.isLocal = false;
            p.isUtc = true;
        }
        return i >= n;
    }

    /**
     * Reads a decimal number filling exactly {@code z[from, to)}: optional surrounding white space, a sign, digits
     * with an optional point (at least one digit), and an optional exponent. Returns false otherwise, or when the
     * value is not finite.
     */
    static boolean parseNumber(String z, int from, int to, double[] out) {
        int i = from;
        while (i < to && isSpace(z.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < to && (z.charAt(i) == '+' || z.charAt(i) == '-')) {
            i++;
        }
        int nDigits = 0;
        while (i < to && isDigit(z.charAt(i))) {
            i++;
            nDigits++;
        }
        if (i < to && z.charAt(i) == '.') {
            i++;
            while (i < to && isDigit(z.charAt(i))) {
                i++;
                nDigits++;
            }
        }
        if (nDigits == 0) {
            return false;
        }
        if (i < to && (z.charAt(i) == 'e' || z.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < to && (z.charAt(j) == '+' || z.charAt(j) == '-')) {
                j++;
            }
            if (j >= to || !isDigit(z.charAt(j))) {
                return false;
            }
            while (j < to && isDigit(z.charAt(j))) {
                j++;
            }
            i = j;
        }
        int end = i;
        while (i < to && isSpace(z.charAt(i))) {
            i++;
        }
        if (i != to) {
            return false;
        }
        String text = z.substring(start, end);
        if (text.endsWith(".")) {
            text = text + "0";
        }
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return false;
        }
        out[0] = v;
        return true;
    }
}
