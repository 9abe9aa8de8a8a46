package dev.petrel.func.datetime;

/**
 * Applies one SQLite date/time modifier to a {@link DateTime}, left to right, as in
 * <a href="https://sqlite.org/lang_datefunc.html#modifiers">lang_datefunc.html</a>: {@code NNN days|hours|
 * minutes|seconds|months|years}, {@code ±HH:MM[:SS[.SSS]]}, {@code ±YYYY-MM-DD[ HH:MM[:SS[.SSS]]]},
 * {@code start of month|year|day}, {@code weekday N}, {@code unixepoch}, {@code julianday}, {@code auto},
 * {@code localtime}, {@code utc}, {@code subsec}/{@code subsecond}, {@code ceiling}, {@code floor}.
 *
 * <p>Which forms of the state stay valid, and when {@code nFloor} is kept, follow SQLite observably:
 * day/hour/minute/second steps and {@code ceiling} reset it; month and year steps recompute it; time shifts,
 * {@code start of}, {@code weekday} and {@code floor} itself keep it; {@code 'utc'} (unless already UTC) starts
 * afresh from the instant, dropping {@code subsec} too. Steps that go out of range zero the state and mark it
 * failed ({@link DateTime#fail()}); later steps still run, which is observable through {@code 'localtime'} and
 * {@code 'utc'}, and reproduced here.
 */
final class Modifiers {
    /** Unit names of {@code NNN unit} (an optional trailing 's' is dropped before matching). */
    private static final String[] UNIT_NAMES = {"second", "minute", "hour", "day", "month", "year"};
    /** Largest magnitude accepted per unit (larger steps are errors, as in SQLite). */
    private static final double[] UNIT_LIMITS = {4.6427e14, 7.7379e12, 1.2897e11, 5373485.0, 176546.0, 14713.0};
    /** Unit length in seconds; fractional months count 30 days and fractional years 365. */
    private static final double[] UNIT_SECONDS = {1.0, 60.0, 3600.0, 86400.0, 2592000.0, 31536000.0};
    private static final int UNIT_MONTH = 4;
    private static final int UNIT_YEAR = 5;

    private Modifiers() {
    }

    /**
     * Applies modifier {@code z}; {@code idx} is 1 for the first modifier (some are only allowed there).
     * Returns false when the modifier is not understood or not allowed here.
     */
    static boolean apply(String z, int idx, DateTime p, LocalZone zone) {
        if (z.isEmpty()) {
            return false;
        }
        char c0 = Character.toLowerCase(z.charAt(0));
        switch (c0) {
            case 'a':
                return z.equalsIgnoreCase("auto") && auto(idx, p);
            case 'c':
                if (!z.equalsIgnoreCase("ceiling")) {
                    return false;
                }
                p.computeJD();
                p.clearYmdHmsTz();
                p.nFloor = 0;
                return true;
            case 'f':
                if (!z.equalsIgnoreCase("floor")) {
                    return false;
                }
                p.computeJD();
                p.iJD -= p.nFloor * DateTime.DAY_MS;
                p.clearYmdHmsTz();
                return true;
            case 'j':
                if (!z.equalsIgnoreCase("julianday") || idx > 1 || !(p.validJD && p.rawS)) {
                    return false;
                }
                p.rawS = false;
                return true;
            case 'l':
                if (!z.equalsIgnoreCase("localtime")) {
                    return false;
                }
                if (!p.isLocal) {
                    toLocal(p, zone);
                }
                p.isUtc = false;
                p.isLocal = true;
                return true;
            case 'u':
                if (z.equalsIgnoreCase("unixepoch")) {
                    return idx <= 1 && p.rawS && unixEpoch(p);
                }
                if (z.equalsIgnoreCase("utc")) {
                    return toUtc(p, zone);
                }
                return false;
            case 'w':
                return weekday(z, p);
            case 's':
                if (regionMatchesIgnoreCase(z, "start of ")) {
                    return startOf(z.substring(9), p);
                }
                if (z.equalsIgnoreCase("subsec") || z.equalsIgnoreCase("subsecond")) {
                    p.useSubsec = true;
                    return true;
                }
                return false;
            default:
                if (c0 == '+' || c0 == '-' || TimeValueParser.isDigit(c0)) {
                    return numeric(z, p);
                }
                return false;
        }
    }

    private static boolean regionMatchesIgnoreCase(String z, String prefix) {
        return z.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static boolean auto(int idx, DateTime p) {
        if (idx > 1) {
            return false;
        }
        if (!p.rawS || p.validJD) {
            p.rawS = false;
            return true;
        }
        return unixEpoch(p);
    }

    private static boolean unixEpoch(DateTime p) {
        double r = p.raw * 1000.0 + DateTime.UNIX_EPOCH_JD_MS;
        if (!(r >= 0.0 && r < DateTime.MAX_JD_MS + 1.0)) {
            return false;
        }
        p.clearYmdHmsTz();
        p.iJD = (long) (r + 0.5);
        p.validJD = true;
        p.rawS = false;
        return true;
    }

    /** 1970-01-01 and 2038-01-19 as Julian-day milliseconds: outside them the year is mapped near 2000 first. */
    private static final long LOCALTIME_LOW_JD_MS = 210_866_760_000_000L;
    private static final long LOCALTIME_HIGH_JD_MS = 213_014_145_600_000L;

    /**
     * Converts from UTC to local time. As SQLite (whose C library only knows 1970..2037), an instant outside that
     * span is first moved to a year near 2000 with the same position in the 4-year cycle, converted, and moved
     * back. With the UTC default this changes no valid instant, but it does define the result for failed or
     * out-of-range states (they come out as 2000-01-01 or 0000-01-01, as in SQLite). Clears any error.
     */
    static void toLocal(DateTime p, LocalZone zone) {
        p.computeJD();
        long t = p.iJD;
        int yearDiff = 0;
        if (t < LOCALTIME_LOW_JD_MS || t > LOCALTIME_HIGH_JD_MS) {
            DateTime x = p.copy();
            x.computeYmdHms();
            yearDiff = (2000 + x.year % 4) - x.year;
            x.year += yearDiff;
            x.validJD = false;
            x.computeJD();
            t = x.iJD;
        }
        long unixSeconds = t / 1000 - DateTime.UNIX_EPOCH_JD_MS / 1000;
        long localMs = unixSeconds * 1000 + zone.offsetMillis(unixSeconds * 1000);
        long localSecondsMs = Math.floorDiv(localMs, 1000L) * 1000;
        p.setFieldsFromJd(localSecondsMs + DateTime.UNIX_EPOCH_JD_MS, p.iJD % 1000);
        p.year -= yearDiff;
    }

    /** Converts local time to UTC by iterating the forward conversion, then starts afresh from the instant. */
    private static boolean toUtc(DateTime p, LocalZone zone) {
        if (p.isUtc) {
            return true;
        }
        p.computeJD();
        long orig = p.iJD;
        long guess = orig;
        long err = 0;
        int tries = 0;
        do {
            guess -= err;
            DateTime probe = new DateTime();
            probe.iJD = guess;
            probe.validJD = true;
            toLocal(probe, zone);
            probe.computeJD();
            err = probe.iJD - orig;
        } while (err != 0 && tries++ < 3);
        p.resetToUtcJd(guess);
        return true;
    }

    private static boolean weekday(String z, DateTime p) {
        if (!regionMatchesIgnoreCase(z, "weekday ")) {
            return false;
        }
        double[] r = new double[1];
        if (!TimeValueParser.parseNumber(z, 8, z.length(), r) || !(r[0] >= 0.0 && r[0] < 7.0)) {
            return false;
        }
        int n = (int) r[0];
        if (n != r[0]) {
            return false;
        }
        p.computeYmdHms();
        p.validTZ = false;
        p.validJD = false;
        p.computeJD();
        long w = Math.floorMod(Math.floorDiv(p.iJD + 129_600_000L, DateTime.DAY_MS), 7L);
        if (w > n) {
            w -= 7;
        }
        p.iJD += (n - w) * DateTime.DAY_MS;
        p.clearYmdHmsTz();
        return true;
    }

    private static boolean startOf(String unit, DateTime p) {
        if (!p.validJD && !p.validYMD && !p.validHMS) {
            return false;
        }
        p.computeYMD();
        p.validHMS = true;
        p.hour = 0;
        p.minute = 0;
        p.second = 0.0;
        p.rawS = false;
        p.validTZ = false;
        p.validJD = false;
        if (unit.equalsIgnoreCase("month")) {
            p.day = 1;
            return true;
        }
        if (unit.equalsIgnoreCase("year")) {
            p.month = 1;
            p.day = 1;
            return true;
        }
        return unit.equalsIgnoreCase("day");
    }

    /** The modifiers that start with a sign or digit: unit steps, time shifts and date shifts. */
    private static boolean numeric(String z, DateTime p) {
        int n = 1;
        while (n < z.length() && z.charAt(n) != ':' && !TimeValueParser.isSpace(z.charAt(n))) {
            n++;
        }
        char sign = z.charAt(0);
        if ((sign == '+' || sign == '-') && n == 11 && z.charAt(5) == '-') {
            return dateShift(z, p);
        }
        if (n < z.length() && z.charAt(n) == ':') {
            int at = TimeValueParser.isDigit(sign) ? 0 : 1;
            long ms = timeShiftMs(z, at);
            if (ms < 0) {
                return false;
            }
            if (sign == '-') {
                ms = -ms;
            }
            p.computeJD();
            p.clearYmdHmsTz();
            p.iJD += ms;
            return true;
        }
        double[] num = new double[1];
        if (!TimeValueParser.parseNumber(z, 0, n, num)) {
            return false;
        }
        double r = num[0];
        int i = n;
        while (i < z.length() && TimeValueParser.isSpace(z.charAt(i))) {
            i++;
        }
        String unit = z.substring(i);
        int len = unit.length();
        if (len > 10 || len < 3) {
            return false;
        }
        if (Character.toLowerCase(unit.charAt(len - 1)) == 's') {
            unit = unit.substring(0, len - 1);
        }
        for (int u = 0; u < UNIT_NAMES.length; u++) {
            if (unit.equalsIgnoreCase(UNIT_NAMES[u])) {
                if (!(r > -UNIT_LIMITS[u] && r < UNIT_LIMITS[u])) {
                    return false;
                }
                applyUnit(u, r, p);
                return true;
            }
        }
        return false;
    }

    private static void applyUnit(int u, double r, DateTime p) {
        p.computeJD();
        p.nFloor = 0;
        if (u == UNIT_MONTH || u == UNIT_YEAR) {
            p.computeYmdHms();
            int whole = (int) r;
            if (u == UNIT_MONTH) {
                addMonths(p, whole);
            } else {
                p.year += whole;
            }
            p.computeFloor();
            p.validJD = false;
            r -= whole;
        }
        p.computeJD();
        double rounder = r < 0 ? -0.5 : 0.5;
        p.iJD += (long) (r * 1000.0 * UNIT_SECONDS[u] + rounder);
        p.clearYmdHmsTz();
    }

    private static void addMonths(DateTime p, int months) {
        int m = p.month + months;
        int carry = m > 0 ? (m - 1) / 12 : (m - 12) / 12;
        p.year += carry;
        p.month = m - carry * 12;
    }

    /** {@code ±YYYY-MM-DD[ HH:MM[:SS[.SSS]]]}: years and months on the calendar, then days and time. */
    private static boolean dateShift(String z, DateTime p) {
        int y = TimeValueParser.digits(z, 1, 4, 9999);
        if (y < 0 || z.charAt(5) != '-') {
            return false;
        }
        int m = TimeValueParser.digits(z, 6, 2, 11);
        if (m < 0 || z.charAt(8) != '-') {
            return false;
        }
        int d = TimeValueParser.digits(z, 9, 2, 30);
        if (d < 0) {
            return false;
        }
        long timeMs = 0;
        boolean hasTime = z.length() > 11;
        if (hasTime) {
            if (z.charAt(11) != ' ') {
                return false;
            }
            timeMs = timeShiftMs(z, 12);
            if (timeMs < 0) {
                return false;
            }
        }
        int sgn = z.charAt(0) == '-' ? -1 : 1;
        p.computeYmdHms();
        p.year += sgn * y;
        addMonths(p, sgn * m);
        p.computeFloor();
        p.validJD = false;
        p.computeJD();
        // Days go onto the Julian day as it stands; after a failed year/month step it is no longer valid and
        // they are lost. The time part then works like a separate ±HH:MM shift, which recomputes first (so a
        // failed state restarts from 2000-01-01). SQLite's results for out-of-range steps depend on this order.
        p.iJD += sgn * d * DateTime.DAY_MS;
        if (hasTime) {
            p.computeJD();
            p.clearYmdHmsTz();
            p.iJD += sgn * timeMs;
        }
        p.clearYmdHmsTz();
        return true;
    }

    /**
     * Milliseconds of a {@code HH:MM[:SS[.SSS]][tz]} shift starting at {@code at}, whole days dropped (so
     * {@code 24:00} is zero), or -1 if the text is not a time.
     */
    private static long timeShiftMs(String z, int at) {
        DateTime t = new DateTime();
        if (!TimeValueParser.parseHhMmSs(z, at, t)) {
            return -1;
        }
        long ms = t.hmsMs();
        if (t.validTZ) {
            ms -= t.tz * 60_000L;
        }
        return Math.floorMod(ms, DateTime.DAY_MS);
    }
}
