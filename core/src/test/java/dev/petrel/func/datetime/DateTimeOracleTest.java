package dev.petrel.func.datetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test: random time values in every accepted form, random chains of 0-4 modifiers and every
 * strftime specifier, evaluated by Petrel and by SQLite 3.53 (sqlite-jdbc, bound parameters); value and type
 * must agree. "now" is never used on the SQLite side (it cannot be pinned there).
 */
class DateTimeOracleTest {
    /** Fixed "now" for Petrel-only checks: 2024-06-15 12:34:56.789 UTC. */
    static final long NOW = DateTimeFunctions.jdMillisFromUnixMillis(1_718_454_896_789L);
    private static final String[] FUNCTIONS = {"date", "time", "datetime", "julianday", "unixepoch"};
    private static final String SPECIFIERS = "deFfGgHIjJklmMpPRsSTuUVwWY%";

    private static SqliteOracle oracle;

    @BeforeAll
    static void open() throws Exception {
        oracle = new SqliteOracle();
    }

    @AfterAll
    static void close() throws Exception {
        oracle.close();
    }

    static String pad(long v, int w) {
        StringBuilder sb = new StringBuilder(Long.toString(Math.abs(v)));
        while (sb.length() < w) {
            sb.insert(0, '0');
        }
        return (v < 0 ? "-" : "") + sb;
    }

    static String randomClock(SplitMix64 r) {
        int h = r.chance(3) ? 24 : r.nextInt(24);
        StringBuilder sb = new StringBuilder(pad(h, 2) + ":" + pad(r.nextInt(60), 2));
        int form = r.nextInt(3);
        if (form >= 1) {
            sb.append(':').append(pad(r.nextInt(60), 2));
        }
        if (form == 2) {
            sb.append('.');
            int n = 1 + r.nextInt(6);
            for (int i = 0; i < n; i++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
        }
        return sb.toString();
    }

    static String randomZone(SplitMix64 r) {
        switch (r.nextInt(6)) {
            case 0:
                return "Z";
            case 1:
                return " z";
            case 2:
                return (r.chance(50) ? "+" : "-") + pad(r.nextInt(15), 2) + ":" + pad(r.nextInt(60), 2);
            case 3:
                return " " + (r.chance(50) ? "+" : "-") + pad(r.nextInt(15), 2) + ":" + pad(r.nextInt(60), 2);
            default:
                return "";
        }
    }

    static String randomDate(SplitMix64 r) {
        long y;
        int k = r.nextInt(10);
        if (k < 6) {
            y = r.range(1900, 2100);
        } else if (k < 8) {
            y = r.range(0, 9999);
        } else {
            y = r.range(-4713, 9999);
        }
        int m = 1 + r.nextInt(12);
        int d = r.chance(20) ? 28 + r.nextInt(4) : 1 + r.nextInt(31);
        String ys = y < 0 ? "-" + pad(-y, 4) : pad(y, 4);
        return ys + "-" + pad(m, 2) + "-" + pad(d, 2);
    }

    static Object randomTimeValue(SplitMix64 r) {
        switch (r.nextInt(13)) {
            case 0:
            case 1:
                return randomDate(r);
            case 2:
            case 3:
            case 4:
                return randomDate(r) + (r.chance(70) ? " " : "T") + randomClock(r) + randomZone(r);
            case 5:
                return randomClock(r) + randomZone(r);
            case 6:
                return (double) Math.round(r.nextDouble() * 5373484.0 * 1000.0) / 1000.0;
            case 7:
                return r.range(2_400_000L, 2_500_000L);
            case 8:
                return r.range(-210_866_760_000L, 253_402_300_799L);
            case 9:
                return (r.nextDouble() - 0.2) * 3e9;
            case 10:
                return Double.toString(2_400_000 + r.nextDouble() * 100_000);
            case 11:
                return r.pick(new Object[] {" 2460000.5 ", "1e6", "+2460000", "2.46e6", "2460000.", "0x10", "- 5",
                    "1.5e+1", "1.5E1 ", "2024-01-01TT10:00", "2024-01-01 T 10:00", "2024-01-01\t10:00",
                    "2024-01-01  10:00", "2024-01-01 10:00:00.", "2024-01-01 10:00+14:59", "2024-01-01 10:00+15:00",
                    "2024-01-01 10:00:00 +0530", "2024-01-01 10:00:00ZZ", "10:00:60", "25:00", "2024-13-01",
                    "2024-00-10", "2024-01-32", "-0001-03-01 10:00", "0000-02-29", "1900-02-29", "2000-02-29",
                    "now ", "10:00:00.5 -01:00", "2024-01-01 10:00:00.123456789",
                    "2024-01-01 23:59:59.9999", "24:00:00.5", "2024-01-01 24:00Z", "12:00:00-14:00"});
            default:
                return r.pick(new Object[] {"", "2024-02-30", "2023-02-29 10:00", "24:00", "2024-1-1", "garbage",
                    " 2024-01-01", "2024-01-01 ", "10000-01-01", "-4713-11-24 12:00:00", "-4713-11-24 11:59:59",
                    "9999-12-31 23:59:59.999", "1e6", ".5", "5.", "-.5", null, 0L, -1L, 5373484.5, 1.5,
                    "2460000.5", "1700000000", new byte[] {'2', '0', '2', '4', '-', '0', '1', '-', '0', '1'}});
        }
    }

    static String randomNumber(SplitMix64 r, int max) {
        String sign = r.pick(new String[] {"+", "-", ""});
        if (r.chance(30)) {
            return sign + r.nextInt(max) + "." + r.nextInt(1000);
        }
        return sign + r.nextInt(max);
    }

    static String randomModifier(SplitMix64 r) {
        switch (r.nextInt(17)) {
            case 0:
            case 1:
            case 2: {
                String unit = r.pick(new String[] {"day", "hour", "minute", "second", "month", "year"});
                int max = unit.equals("year") ? 300 : unit.equals("month") ? 40 : unit.equals("day") ? 400 : 100000;
                String u = r.chance(50) ? unit + "s" : unit;
                if (r.chance(10)) {
                    u = u.toUpperCase();
                }
                return randomNumber(r, max) + (r.chance(90) ? " " : "  ") + u;
            }
            case 3:
                return (r.chance(50) ? "+" : "-") + randomClock(r);
            case 4:
                return (r.chance(50) ? "+" : "-") + pad(r.nextInt(30), 4) + "-" + pad(r.nextInt(12), 2) + "-"
                        + pad(r.nextInt(31), 2) + (r.chance(40) ? " " + randomClock(r) : "");
            case 5:
            case 6:
                return r.pick(new String[] {"start of month", "start of year", "start of day"});
            case 7:
                return "weekday " + (r.chance(95) ? Integer.toString(r.nextInt(7)) : r.pick(new String[] {"7", "1.5",
                    "-1", "3.0"}));
            case 8:
                return r.pick(new String[] {"unixepoch", "julianday", "auto"});
            case 9:
                return r.pick(new String[] {"localtime", "utc"});
            case 10:
                return r.pick(new String[] {"subsec", "subsecond"});
            case 11:
            case 12:
                return r.pick(new String[] {"ceiling", "floor"});
            case 13:
                return r.pick(new String[] {"Start Of Month", "UNIXEPOCH", "LocalTime", "UTC", "SUBSEC", "Floor",
                    "weekday  3", "weekday 3 ", "WEEKDAY 0", "start of  day", "start of day ", "+.5 day",
                    "5. days", "1e2 days", "-1E1 hours", "+0.25 years", "-1.5 months", "+1 minutes",
                    "+12:30:15.125", "-00:00:00.0001", "+01:00+02:00", "-10:00Z", "+0000-00-00", "+0000-11-30 23:59:59.999",
                    "-9999-00-00", "14713 years", "-14712 years", "176545 months", "5373484 days",
                    "+4.6e14 seconds", "+7.7e12 minutes", "1.28e11 hours"});
            default:
                return r.pick(new String[] {"bogus", "+1", "+1days", "start of week", "1 fortnight", "+10:60",
                    "+0000-12-00", "+24:00", "weekday", "", "+1 day ", "-0001-00-00 10:00Z", "auto ", " utc",
                    "+ 1 day", "1 day s", "+1:30", "+01:30:", "+0001-02-03T04:05", "0001-02-03",
                    "+0001-02-03 ", "weekday 7", "weekday -1", "weekday 1.5"});
        }
    }

    static Object[] randomCall(SplitMix64 r, boolean rawFirst) {
        List<Object> args = new ArrayList<>();
        args.add(randomTimeValue(r));
        int mods = r.nextInt(5);
        for (int i = 0; i < mods; i++) {
            args.add(randomModifier(r));
        }
        if (rawFirst && args.size() > 0) {
            // Unix timestamps mostly come with a unixepoch/auto first modifier.
            Object v = args.get(0);
            if (v instanceof Long && Math.abs((Long) v) > 6_000_000L || v instanceof Double && r.chance(50)) {
                args.add(1, r.chance(50) ? "unixepoch" : "auto");
            }
        }
        return args.toArray();
    }

    static String randomStrftimeFormat(SplitMix64 r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (r.chance(20)) {
                sb.append(r.pick(new String[] {"-", " ", "|", "T", "x"}));
            }
            sb.append('%').append(SPECIFIERS.charAt(r.nextInt(SPECIFIERS.length())));
        }
        if (r.chance(2)) {
            sb.append(r.chance(50) ? "%" : "%C");
        }
        return sb.toString();
    }

    static Object petrel(String fn, Object[] args) {
        switch (fn) {
            case "date":
                return DateTimeFunctions.date(args, NOW);
            case "time":
                return DateTimeFunctions.time(args, NOW);
            case "datetime":
                return DateTimeFunctions.datetime(args, NOW);
            case "julianday":
                return DateTimeFunctions.julianday(args, NOW);
            case "unixepoch":
                return DateTimeFunctions.unixepoch(args, NOW);
            case "strftime":
                return DateTimeFunctions.strftime(args, NOW);
            case "timediff":
                return DateTimeFunctions.timediff(args, NOW);
            default:
                throw new IllegalArgumentException(fn);
        }
    }

    private static int compare(String fn, Object[] args, List<String> failures) throws Exception {
        Object want = oracle.call(fn, args);
        Object got;
        try {
            got = petrel(fn, args);
        } catch (RuntimeException e) {
            got = e.toString();
        }
        if (!SqliteOracle.same(want, got)) {
            StringBuilder sb = new StringBuilder(fn).append('(');
            for (int i = 0; i < args.length; i++) {
                sb.append(i > 0 ? ", " : "").append(SqliteOracle.show(args[i]));
            }
            sb.append(") sqlite=").append(SqliteOracle.show(want)).append(" petrel=").append(SqliteOracle.show(got));
            failures.add(sb.toString());
        }
        return 1;
    }

    private static void report(String what, long seed, int cases, List<String> failures, long startNanos) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        System.out.println(what + ": " + cases + " cases, " + failures.size() + " mismatches, " + ms + " ms, seed "
                + seed);
        for (int i = 0; i < Math.min(40, failures.size()); i++) {
            System.out.println("  " + failures.get(i));
        }
        assertTrue(cases > 0);
        assertEquals(0, failures.size(), what + " mismatches (seed " + seed + "), first: "
                + (failures.isEmpty() ? "" : failures.get(0)));
    }

    @Test
    void dateFunctionsMatchSqlite() throws Exception {
        long seed = Long.getLong("petrel.seed", 0x5EED_DA7EL);
        SplitMix64 r = new SplitMix64(seed);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        long t0 = System.nanoTime();
        int n = 12_000 * SplitMix64.scale();
        for (int i = 0; i < n; i++) {
            Object[] args = randomCall(r, true);
            cases += compare(FUNCTIONS[r.nextInt(FUNCTIONS.length)], args, failures);
        }
        report("date/time/datetime/julianday/unixepoch", seed, cases, failures, t0);
    }

    @Test
    void strftimeMatchesSqlite() throws Exception {
        long seed = Long.getLong("petrel.seed", 0x5EED_F0F0L);
        SplitMix64 r = new SplitMix64(seed);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        long t0 = System.nanoTime();
        int n = 6_000 * SplitMix64.scale();
        for (int i = 0; i < n; i++) {
            Object[] call = randomCall(r, true);
            Object[] args = new Object[call.length + 1];
            args[0] = randomStrftimeFormat(r);
            System.arraycopy(call, 0, args, 1, call.length);
            cases += compare("strftime", args, failures);
        }
        // Every specifier alone over a spread of dates, including 24:00 and day-overflow corner cases.
        for (int i = 0; i < SPECIFIERS.length(); i++) {
            for (int k = 0; k < 60 * SplitMix64.scale(); k++) {
                Object tv = randomTimeValue(r);
                cases += compare("strftime", new Object[] {"%" + SPECIFIERS.charAt(i), tv}, failures);
            }
        }
        report("strftime", seed, cases, failures, t0);
    }

    /** "now" cannot be pinned in SQLite: compare the shape (digits masked) and type of the results instead. */
    @Test
    void nowResultsHaveSqlitesShape() throws Exception {
        String[][] calls = {{"date"}, {"time"}, {"datetime"}, {"datetime", "now", "subsec"},
            {"date", "now", "start of month"}, {"time", "now", "subsec"}, {"unixepoch"}, {"unixepoch", "now", "subsec"},
            {"julianday"}, {"strftime", "%Y-%m-%dT%H:%M:%f %j %s %J"}};
        for (String[] c : calls) {
            Object[] args = new Object[c.length - 1];
            System.arraycopy(c, 1, args, 0, args.length);
            Object want = oracle.call(c[0], args);
            Object got = petrel(c[0], args);
            assertEquals(want == null ? null : want.getClass(), got == null ? null : got.getClass(), c[0]);
            if (want instanceof String) {
                assertEquals(((String) want).replaceAll("[0-9]+", "d"), ((String) got).replaceAll("[0-9]+", "d"),
                        String.join(",", c));
            }
        }
    }

    @Test
    void timediffMatchesSqlite() throws Exception {
        long seed = Long.getLong("petrel.seed", 0x5EED_D1FFL);
        SplitMix64 r = new SplitMix64(seed);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        long t0 = System.nanoTime();
        int n = 3_000 * SplitMix64.scale();
        for (int i = 0; i < n; i++) {
            cases += compare("timediff", new Object[] {randomTimeValue(r), randomTimeValue(r)}, failures);
        }
        report("timediff", seed, cases, failures, t0);
    }
}
