package dev.petrel.func.datetime;

/**
 * The working state of one date/time computation: a point in time held in up to three partly redundant forms
 * (Julian day milliseconds, calendar date, time of day), each with its own validity flag, exactly as SQLite's
 * date functions behave.
 *
 * <p>The forms are computed lazily from one another ({@link #computeJD()}, {@link #computeYMD()},
 * {@link #computeHMS()}). Which form stays valid after each step is observable in SQLite's results and is
 * reproduced here on purpose: a parsed {@code 2024-02-31} keeps its calendar fields (so {@code 'start of day'}
 * still prints day 31) while its Julian day normalizes to March 2nd; a parsed {@code 24:00} keeps hour 24.
 *
 * <p>Invariants:
 * <ol>
 *   <li>{@code iJD} is milliseconds since the Julian epoch (-4713-11-24 12:00:00); a final value is valid only
 *       in {@code [0, MAX_JD_MS]} (years 0000..9999 and the tail of -4713).</li>
 *   <li>When {@code validTZ} is set the calendar fields are local to {@code tz} minutes east of UTC; the first
 *       {@link #computeJD()} folds the offset into {@code iJD} and invalidates the calendar fields.</li>
 *   <li>{@code rawS} means {@code raw} still holds the numeric time value as given, so the first modifier may
 *       reinterpret it ({@code 'unixepoch'}, {@code 'julianday'}, {@code 'auto'}).</li>
 *   <li>{@code isError} is sticky: once set, the computation yields SQL NULL.</li>
 * </ol>
 * Not thread-safe; one instance per evaluation.
 */
final class DateTime {
    /** Milliseconds in a day. */
    static final long DAY_MS = 86_400_000L;
    /** Half a day: Julian days start at noon. */
    static final long HALF_DAY_MS = 43_200_000L;
    /** Largest valid Julian day in milliseconds: 9999-12-31 23:59:59.999. */
    static final long MAX_JD_MS = 464_269_060_799_999L;
    /** Julian day of the Unix epoch (1970-01-01 00:00:00) in milliseconds. */
    static final long UNIX_EPOCH_JD_MS = 210_866_760_000_000L;
    /** Smallest and largest year a calendar date may carry before it turns into an error. */
    static final int MIN_YEAR = -4713;
    static final int MAX_YEAR = 9999;

    long iJD;
    int year;
    int month;
    int day;
    int hour;
    int minute;
    double second;
    /** Time zone offset in minutes east of UTC, meaningful when {@link #validTZ}. */
    int tz;
    /** The raw numeric time value (see invariant 3). */
    double raw;
    /** Days past the end of the month of the last calendar computation, subtracted by {@code 'floor'}. */
    int nFloor;
    boolean validJD;
    boolean validYMD;
    boolean validHMS;
    boolean validTZ;
    boolean rawS;
    boolean isError;
    boolean isUtc;
    boolean isLocal;
    boolean useSubsec;

    DateTime copy() {
        DateTime c = new DateTime();
        c.iJD = iJD;
        c.year = year;
        c.month = month;
        c.day = day;
        c.hour = hour;
        c.minute = minute;
        c.second = second;
        c.tz = tz;
        c.raw = raw;
        c.nFloor = nFloor;
        c.validJD = validJD;
        c.validYMD = validYMD;
        c.validHMS = validHMS;
        c.validTZ = validTZ;
        c.rawS = rawS;
        c.isError = isError;
        c.isUtc = isUtc;
        c.isLocal = isLocal;
        c.useSubsec = useSubsec;
        return c;
    }

    /** Forgets everything but the given UTC Julian day (the {@code 'utc'} modifier starts afresh). */
    void resetToUtcJd(long jdMs) {
        DateTime fresh = new DateTime();
        iJD = jdMs;
        year = fresh.year;
        month = fresh.month;
        day = fresh.day;
        hour = 0;
        minute = 0;
        second = 0;
        tz = 0;
        raw = 0;
        nFloor = 0;
        validJD = true;
        validYMD = false;
        validHMS = false;
        validTZ = false;
        rawS = false;
        isError = false;
        isUtc = true;
        isLocal = false;
        useSubsec = false;
    }

    static boolean validJulianDay(long jdMs) {
        return jdMs >= 0 && jdMs <= MAX_JD_MS;
    }

    /**
     * Marks the computation failed (invariant 4) and zeroes every field, as SQLite does. Later steps still run on
     * the zeroed state (which reads as 2000-01-01), and {@code 'localtime'}/{@code 'utc'} clear the error again:
     * SQLite's results depend on both.
     */
    void fail() {
        resetToUtcJd(0);
        validJD = false;
        isUtc = false;
        isError = true;
    }

    void clearYmdHmsTz() {
        validYMD = false;
        validHMS = false;
        validTZ = false;
    }

    /** Takes a number as the time value: a Julian day when in range, and always remembered raw (invariant 3). */
    void setRawNumber(double r) {
        raw = r;
        rawS = true;
        if (r >= 0.0 && r < 5373484.5) {
            iJD = (long) (r * DAY_MS + 0.5);
            validJD = true;
        }
    }

    void computeJD() {
        if (validJD) {
            return;
        }
        int y = 2000;
        int m = 1;
        int d = 1;
        if (validYMD) {
            y = year;
            m = month;
            d = day;
        }
        if (y < MIN_YEAR || y > MAX_YEAR || rawS) {
            fail();
            return;
        }
        iJD = midnightJdMs(y, m, 1) + (d - 1) * DAY_MS;
        validJD = true;
        if (validHMS) {
            iJD += hmsMs();
            if (validTZ) {
                iJD -= tz * 60_000L;
                validYMD = false;
                validHMS = false;
                validTZ = false;
                isUtc = true;
                isLocal = false;
            }
        }
    }

    /** The time-of-day fields as milliseconds, rounded as SQLite rounds them when folding into a Julian day. */
    long hmsMs() {
        return hour * 3_600_000L + minute * 60_000L + (long) (second * 1000.0 + 0.5);
    }

    void computeYMD() {
        if (validYMD) {
            return;
        }
        if (!validJD) {
            year = 2000;
            month = 1;
            day = 1;
        } else if (!validJulianDay(iJD)) {
            fail();
            return;
        } else {
            setCivilFromJd(iJD);
        }
        validYMD = true;
    }

    private void setCivilFromJd(long jdMs) {
        long jdn = Math.floorDiv(jdMs + HALF_DAY_MS, DAY_MS);
        long a = jdn + 32044;
        long b = Math.floorDiv(4 * a + 3, 146097);
        long c = a - Math.floorDiv(146097 * b, 4);
        long dd = Math.floorDiv(4 * c + 3, 1461);
        long e = c - Math.floorDiv(1461 * dd, 4);
        long mm = Math.floorDiv(5 * e + 2, 153);
        day = (int) (e - Math.floorDiv(153 * mm + 2, 5) + 1);
        month = (int) (mm + 3 - 12 * Math.floorDiv(mm, 10));
        year = (int) (100 * b + dd - 4800 + Math.floorDiv(mm, 10));
    }

    void computeHMS() {
        if (validHMS) {
            return;
        }
        computeJD();
        long dayMs = Math.floorMod(iJD + HALF_DAY_MS, DAY_MS);
        second = (dayMs % 60_000L) / 1000.0;
        long minutes = dayMs / 60_000L;
        minute = (int) (minutes % 60);
        hour = (int) (minutes / 60);
        rawS = false;
        validHMS = true;
    }

    void computeYmdHms() {
        computeYMD();
        computeHMS();
    }

    /**
     * Sets all calendar and clock fields from a local Julian day in whole seconds, adding the millisecond part
     * {@code ms} (used by the local time conversion).
     */
    void setFieldsFromJd(long jdMs, long ms) {
        setCivilFromJd(jdMs);
        long dayMs = Math.floorMod(jdMs + HALF_DAY_MS, DAY_MS);
        second = (dayMs % 60_000L) / 1000 + ms * 0.001;
        long minutes = dayMs / 60_000L;
        minute = (int) (minutes % 60);
        hour = (int) (minutes / 60);
        validYMD = true;
        validHMS = true;
        validJD = false;
        rawS = false;
        validTZ = false;
        isError = false;
    }

    /** Remembers how far the calendar day runs past the end of its month, for {@code 'floor'}. */
    void computeFloor() {
        if (day <= 28) {
            nFloor = 0;
        } else {
            int dim = daysInMonth(year, month);
            nFloor = day > dim ? day - dim : 0;
        }
    }

    static boolean isLeap(int y) {
        return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    }

    static int daysInMonth(int y, int m) {
        switch (m) {
            case 2:
                return isLeap(y) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Julian day in milliseconds of 00:00:00 on the given proleptic Gregorian date ({@code m} in 1..12). */
    static long midnightJdMs(int y, int m, int d) {
        int a = m <= 2 ? 1 : 0;
        long yy = (long) y + 4800 - a;
        long mm = m + 12L * a - 3;
        long jdn = d + Math.floorDiv(153 * mm + 2, 5) + 365 * yy + Math.floorDiv(yy, 4) - Math.floorDiv(yy, 100)
                + Math.floorDiv(yy, 400) - 32045;
        return jdn * DAY_MS - HALF_DAY_MS;
    }
}
