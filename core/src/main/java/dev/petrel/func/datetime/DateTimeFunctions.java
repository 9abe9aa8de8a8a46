package dev.petrel.func.datetime;

import dev.petrel.func.printf.SqlText;

/**
 * SQLite's date and time SQL functions as static, side-effect-free entry points: {@code date}, {@code time},
 * {@code datetime}, {@code julianday}, {@code unixepoch}, {@code strftime}, {@code timediff} and the
 * {@code CURRENT_DATE/TIME/TIMESTAMP} keywords (<a href="https://sqlite.org/lang_datefunc.html">lang_datefunc</a>).
 *
 * <p>Contract with the function registry: arguments are storage values ({@code null}, {@code Long},
 * {@code Double}, {@code String}, {@code byte[]}) exactly as SQL passed them; results are storage values of the
 * types SQLite returns (TEXT for the text functions, REAL for {@code julianday}, INTEGER for {@code unixepoch}
 * unless {@code 'subsec'}), or {@code null} for any invalid input. The caller supplies "now" as a Julian day
 * number in milliseconds ({@link #jdMillisFromUnixMillis}), fixed for the whole statement, so every use of
 * {@code 'now'} in one statement sees the same instant. {@code 'localtime'}/{@code 'utc'} use a
 * {@link LocalZone}; the overloads without one use {@link LocalZone#UTC}. Thread-safe (no state).
 */
public final class DateTimeFunctions {
    private DateTimeFunctions() {
    }

    /** Converts milliseconds since the Unix epoch to the Julian-day milliseconds these functions take as "now". */
    public static long jdMillisFromUnixMillis(long unixMillis) {
        return unixMillis + DateTime.UNIX_EPOCH_JD_MS;
    }

    public static Object date(Object[] args, long nowJdMillis) {
        return date(args, nowJdMillis, LocalZone.UTC);
    }

    public static Object date(Object[] args, long nowJdMillis, LocalZone zone) {
        DateTime x = evaluate(args, 0, nowJdMillis, zone);
        if (x == null) {
            return null;
        }
        x.computeYMD();
        StringBuilder sb = new StringBuilder(10);
        DateFormat.appendDate(sb, x);
        return sb.toString();
    }

    public static Object time(Object[] args, long nowJdMillis) {
        return time(args, nowJdMillis, LocalZone.UTC);
    }

    public static Object time(Object[] args, long nowJdMillis, LocalZone zone) {
        DateTime x = evaluate(args, 0, nowJdMillis, zone);
        if (x == null) {
            return null;
        }
        x.computeHMS();
        StringBuilder sb = new StringBuilder(12);
        DateFormat.appendTime(sb, x, x.useSubsec);
        return sb.toString();
    }

    public static Object datetime(Object[] args, long nowJdMillis) {
        return datetime(args, nowJdMillis, LocalZone.UTC);
    }

    public static Object datetime(Object[] args, long nowJdMillis, LocalZone zone) {
        DateTime x = evaluate(args, 0, nowJdMillis, zone);
        if (x == null) {
            return null;
        }
        x.computeYmdHms();
        StringBuilder sb = new StringBuilder(23);
        DateFormat.appendDate(sb, x);
        sb.append(' ');
        DateFormat.appendTime(sb, x, x.useSubsec);
        return sb.toString();
    }

    public static Object julianday(Object[] args, long nowJdMillis) {
        return julianday(args, nowJdMillis, LocalZone.UTC);
    }

    public static Object julianday(Object[] args, long nowJdMillis, LocalZone zone) {
        DateTime x = evaluate(args, 0, nowJdMillis, zone);
        return x == null ? null : Double.valueOf(x.iJD / 86400000.0);
    }

    public static Object unixepoch(Object[] args, long nowJdMillis) {
        return unixepoch(args, nowJdMillis, LocalZone.UTC);
    }

    public static Object unixepoch(Object[] args, long nowJdMillis, LocalZone zone) {
        DateTime x = evaluate(args, 0, nowJdMillis, zone);
        if (x == null) {
            return null;
        }
        if (x.useSubsec) {
            return Double.valueOf((x.iJD - DateTime.UNIX_EPOCH_JD_MS) / 1000.0);
        }
        return Long.valueOf(x.iJD / 1000 - DateTime.UNIX_EPOCH_JD_MS / 1000);
    }

    public static Object strftime(Object[] args, long nowJdMillis) {
        return strftime(args, nowJdMillis, LocalZone.UTC);
    }

    /** {@code strftime(format, time-value, modifier...)}; null when the format is NULL or has a bad substitution. */
    public static Object strftime(Object[] args, long nowJdMillis, LocalZone zone) {
        if (args.length == 0) {
            return null;
        }
        String fmt = text(args[0]);
        if (fmt == null) {
            return null;
        }
        if (fmt.indexOf('\0') >= 0) {
            // SQLite reads the format as a C string: it ends at the first NUL.
            fmt = fmt.substring(0, fmt.indexOf('\0'));
        }
        DateTime x = evaluate(args, 1, nowJdMillis, zone);
        return x == null ? null : DateFormat.strftime(fmt, x);
    }

    /**
     * {@code timediff(A, B)}: the time to add to B to reach A, as {@code (+|-)YYYY-MM-DD HH:MM:SS.SSS}, counting
     * whole years and months on the calendar first. Null unless exactly two valid time values are given.
     */
    public static Object timediff(Object[] args, long nowJdMillis) {
        if (args.length != 2) {
            return null;
        }
        DateTime a = evaluate(new Object[] {args[0]}, 0, nowJdMillis, LocalZone.UTC);
        DateTime b = evaluate(new Object[] {args[1]}, 0, nowJdMillis, LocalZone.UTC);
        if (a == null || b == null) {
            return null;
        }
        a.computeYmdHms();
        b.computeYmdHms();
        char sign;
        int years;
        int months;
        long remainderMs;
        if (a.iJD >= b.iJD) {
            // Walk B forward to A's year and month, then back off month by month while it overshoots.
            sign = '+';
            years = a.year - b.year;
            if (years != 0) {
                b.year = a.year;
                b.validJD = false;
                b.computeJD();
            }
            months = a.month - b.month;
            if (months < 0) {
                years--;
                months += 12;
            }
            if (months != 0) {
                b.month = a.month;
                b.validJD = false;
                b.computeJD();
            }
            while (a.iJD < b.iJD) {
                months--;
                if (months < 0) {
                    months = 11;
                    years--;
                }
                b.month--;
                if (b.month < 1) {
                    b.month = 12;
                    b.year--;
                }
                b.validJD = false;
                b.computeJD();
            }
            remainderMs = a.iJD - b.iJD;
        } else {
            // Walk B (the later one) back to A's year and month, then forward while it undershoots A.
            sign = '-';
            years = b.year - a.year;
            if (years != 0) {
                b.year = a.year;
                b.validJD = false;
                b.computeJD();
            }
            months = b.month - a.month;
            if (months < 0) {
                years--;
                months += 12;
            }
            if (months != 0) {
                b.month = a.month;
                b.validJD = false;
                b.computeJD();
            }
            while (a.iJD > b.iJD) {
                months--;
                if (months < 0) {
                    months = 11;
                    years--;
                }
                b.month++;
                if (b.month > 12) {
                    b.month = 1;
                    b.year++;
                }
                b.validJD = false;
                b.computeJD();
            }
            remainderMs = b.iJD - a.iJD;
        }
        DateTime rest = new DateTime();
        // The remainder is under a month: render it as an offset from 0000-01-01 00:00:00.
        rest.iJD = remainderMs + DateTime.midnightJdMs(0, 1, 1);
        rest.validJD = true;
        rest.computeYmdHms();
        StringBuilder sb = new StringBuilder(24);
        sb.append(sign);
        DateFormat.pad(sb, years, 4);
        sb.append('-');
        DateFormat.pad(sb, months, 2);
        sb.append('-');
        DateFormat.pad(sb, rest.day - 1, 2);
        sb.append(' ');
        DateFormat.appendTime(sb, rest, true);
        return sb.toString();
    }

    /** {@code CURRENT_DATE}. */
    public static String currentDate(long nowJdMillis) {
        return (String) date(new Object[0], nowJdMillis);
    }

    /** {@code CURRENT_TIME}. */
    public static String currentTime(long nowJdMillis) {
        return (String) time(new Object[0], nowJdMillis);
    }

    /** {@code CURRENT_TIMESTAMP}. */
    public static String currentTimestamp(long nowJdMillis) {
        return (String) datetime(new Object[0], nowJdMillis);
    }

    /**
     * Parses the time value at {@code args[first]} (or "now" when absent) and applies the modifiers after it.
     * Returns null for invalid input (SQL NULL result).
     */
    static DateTime evaluate(Object[] args, int first, long nowJdMillis, LocalZone zone) {
        DateTime p = new DateTime();
        int argc = args.length - first;
        if (argc <= 0) {
            p.iJD = nowJdMillis;
            p.validJD = true;
            p.isUtc = true;
        } else {
            Object v = args[first];
            if (v instanceof Long || v instanceof Double) {
                p.setRawNumber(((Number) v).doubleValue());
            } else {
                String z = text(v);
                if (z == null || !TimeValueParser.parseTimeValue(z, p, nowJdMillis)) {
                    return null;
                }
            }
            for (int i = 1; i < argc; i++) {
                String m = text(args[first + i]);
                if (m == null || !Modifiers.apply(m, i, p, zone)) {
                    return null;
                }
            }
        }
        p.computeJD();
        if (p.isError || !DateTime.validJulianDay(p.iJD)) {
            return null;
        }
        if (argc == 1 && p.validYMD && p.day > 28) {
            // A lone time value like 2023-02-31 prints normalized (2023-03-03).
            p.validYMD = false;
        }
        return p;
    }

    private static String text(Object v) {
        return v == null ? null : SqlText.of(v);
    }
}
