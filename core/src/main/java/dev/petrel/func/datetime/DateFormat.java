package dev.petrel.func.datetime;

import dev.petrel.func.printf.Printf;

/**
 * Renders a finished {@link DateTime} as text: the fixed layouts of {@code date()}, {@code time()},
 * {@code datetime()} and {@code timediff()}, and the {@code strftime()} substitutions of SQLite 3.53
 * ({@code %d %e %f %F %G %g %H %I %j %J %k %l %m %M %p %P %R %s %S %T %u %U %V %w %W %Y %%}).
 *
 * <p>Years follow two conventions, both SQLite's: the fixed layouts print a sign and then four digits
 * ({@code -0044}), while {@code %Y}, {@code %F} and {@code %G} print like C's {@code %04d} ({@code -044}).
 */
final class DateFormat {
    private DateFormat() {
    }

    static void appendDate(StringBuilder sb, DateTime x) {
        if (x.year < 0) {
            sb.append('-');
            pad(sb, -x.year, 4);
        } else {
            pad(sb, x.year, 4);
        }
        sb.append('-');
        pad(sb, x.month, 2);
        sb.append('-');
        pad(sb, x.day, 2);
    }

    static void appendTime(StringBuilder sb, DateTime x, boolean subsec) {
        pad(sb, x.hour, 2);
        sb.append(':');
        pad(sb, x.minute, 2);
        sb.append(':');
        if (subsec) {
            appendSecondsMillis(sb, x.second);
        } else {
            pad(sb, (int) x.second, 2);
        }
    }

    /**
     * Seconds as {@code SS.SSS}: milliseconds rounded in double arithmetic, as SQLite does ({@code 46.1125}
     * prints {@code 46.113} although its binary value lies just below the tie).
     */
    static void appendSecondsMillis(StringBuilder sb, double s) {
        long ms = (long) (s * 1000.0 + 0.5);
        pad(sb, ms / 1000, 2);
        sb.append('.');
        pad(sb, ms % 1000, 3);
    }

    /** Appends {@code v} zero-padded to {@code width} digits ({@code v} non-negative). */
    static void pad(StringBuilder sb, long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }

    /** C's {@code %0Nd}: the sign counts towards the width. */
    static void padSigned(StringBuilder sb, long v, int width) {
        if (v < 0) {
            sb.append('-');
            pad(sb, -v, width - 1);
        } else {
            pad(sb, v, width);
        }
    }

    /** C's {@code %Nd}: space padded on the left. */
    static void spacePad(StringBuilder sb, long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        sb.append(s);
    }

    /** Milliseconds as a signed decimal with three places, e.g. {@code -0.700}. */
    static void appendMillisAsSeconds(StringBuilder sb, long ms) {
        if (ms < 0) {
            sb.append('-');
            ms = -ms;
        }
        sb.append(ms / 1000).append('.');
        pad(sb, ms % 1000, 3);
    }

    /** Days from January 1st of {@code x.year} (carrying x's clock, as SQLite does) to {@code x}. */
    private static long daysAfterJan1(DateTime x, int year) {
        long jan1 = DateTime.midnightJdMs(year, 1, 1) + (x.validHMS ? x.hmsMs() : 0);
        // C division truncates toward zero; a 24:00 clock can make this slightly negative (see %U of 24:00).
        return (x.iJD - jan1 + DateTime.HALF_DAY_MS) / DateTime.DAY_MS;
    }

    /** Day of week, 0 = Monday. */
    private static int daysAfterMonday(DateTime x) {
        return (int) Math.floorMod(Math.floorDiv(x.iJD + DateTime.HALF_DAY_MS, DateTime.DAY_MS), 7L);
    }

    /** Day of week, 0 = Sunday. */
    private static int daysAfterSunday(DateTime x) {
        return (int) Math.floorMod(Math.floorDiv(x.iJD + 129_600_000L, DateTime.DAY_MS), 7L);
    }

    /** Expands a strftime format; null when it holds an unknown or incomplete substitution. */
    static String strftime(String fmt, DateTime x) {
        x.computeJD();
        x.computeYmdHms();
        StringBuilder sb = new StringBuilder();
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            i++;
            if (i >= n) {
                return null;
            }
            switch (fmt.charAt(i)) {
                case 'd':
                    pad(sb, x.day, 2);
                    break;
                case 'e':
                    spacePad(sb, x.day, 2);
                    break;
                case 'f':
                    appendSecondsMillis(sb, x.second);
                    break;
                case 'F':
                    padSigned(sb, x.year, 4);
                    sb.append('-');
                    pad(sb, x.month, 2);
                    sb.append('-');
                    pad(sb, x.day, 2);
                    break;
                case 'G':
                case 'g':
                case 'V': {
                    DateTime y = x.copy();
                    y.iJD += (3 - daysAfterMonday(x)) * DateTime.DAY_MS;
                    y.validYMD = false;
                    y.computeYMD();
                    char spec = fmt.charAt(i);
                    if (spec == 'G') {
                        padSigned(sb, y.year, 4);
                    } else if (spec == 'g') {
                        padSigned(sb, y.year % 100, 2);
                    } else {
                        padSigned(sb, daysAfterJan1(y, y.year) / 7 + 1, 2);
                    }
                    break;
                }
                case 'H':
                    pad(sb, x.hour, 2);
                    break;
                case 'I':
                    pad(sb, hour12(x.hour), 2);
                    break;
                case 'j':
                    padSigned(sb, daysAfterJan1(x, x.year) + 1, 3);
                    break;
                case 'J':
                    sb.append(Printf.format("%.16g", x.iJD / 86400000.0));
                    break;
                case 'k':
                    spacePad(sb, x.hour, 2);
                    break;
                case 'l':
                    spacePad(sb, hour12(x.hour), 2);
                    break;
                case 'm':
                    pad(sb, x.month, 2);
                    break;
                case 'M':
                    pad(sb, x.minute, 2);
                    break;
                case 'p':
                    sb.append(x.hour >= 12 ? "PM" : "AM");
                    break;
                case 'P':
                    sb.append(x.hour >= 12 ? "pm" : "am");
                    break;
                case 'R':
                    pad(sb, x.hour, 2);
                    sb.append(':');
                    pad(sb, x.minute, 2);
                    break;
                case 's':
                    if (x.useSubsec) {
                        appendMillisAsSeconds(sb, x.iJD - DateTime.UNIX_EPOCH_JD_MS);
                    } else {
                        sb.append(x.iJD / 1000 - DateTime.UNIX_EPOCH_JD_MS / 1000);
                    }
                    break;
                case 'S':
                    pad(sb, (int) x.second, 2);
                    break;
                case 'T':
                    appendTime(sb, x, false);
                    break;
                case 'u': {
                    int w = daysAfterSunday(x);
                    sb.append(w == 0 ? 7 : w);
                    break;
                }
                case 'U':
                    padSigned(sb, (daysAfterJan1(x, x.year) - daysAfterSunday(x) + 7) / 7, 2);
                    break;
                case 'w':
                    sb.append(daysAfterSunday(x));
                    break;
                case 'W':
                    padSigned(sb, (daysAfterJan1(x, x.year) - daysAfterMonday(x) + 7) / 7, 2);
                    break;
                case 'Y':
                    padSigned(sb, x.year, 4);
                    break;
                case '%':
                    sb.append('%');
                    break;
                default:
                    return null;
            }
        }
        return sb.toString();
    }

    private static int hour12(int h) {
        int r = h % 12;
        return r == 0 ? 12 : r;
    }
}
