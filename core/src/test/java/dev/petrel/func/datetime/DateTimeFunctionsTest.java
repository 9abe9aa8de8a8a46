package dev.petrel.func.datetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Pinned examples of SQLite 3.53 behaviour (each value was read from real SQLite), plus the Petrel-only parts
 * that the oracle cannot check: a fixed "now" and a non-UTC {@link LocalZone}.
 */
class DateTimeFunctionsTest {
    /** 2024-06-15 12:34:56.789 UTC. */
    private static final long NOW = DateTimeFunctions.jdMillisFromUnixMillis(1_718_454_896_789L);

    private static Object[] a(Object... v) {
        return v;
    }

    @Test
    void nowIsTheCallersInstant() {
        assertEquals("2024-06-15 12:34:56", DateTimeFunctions.datetime(a(), NOW));
        assertEquals("2024-06-15 12:34:56", DateTimeFunctions.datetime(a("now"), NOW));
        assertEquals("2024-06-15 12:34:56.789", DateTimeFunctions.datetime(a("NOW", "subsec"), NOW));
        assertEquals("2024-06-15", DateTimeFunctions.currentDate(NOW));
        assertEquals("12:34:56", DateTimeFunctions.currentTime(NOW));
        assertEquals("2024-06-15 12:34:56", DateTimeFunctions.currentTimestamp(NOW));
        assertEquals(1_718_454_896L, DateTimeFunctions.unixepoch(a(), NOW));
        assertEquals("2024", DateTimeFunctions.strftime(a("%Y"), NOW));
    }

    @Test
    void calendarNormalizationAndFloor() {
        assertEquals("2024-03-01", DateTimeFunctions.date(a("2024-02-30"), NOW));
        assertEquals("2024-02-30", DateTimeFunctions.date(a("2024-02-30", "subsec"), NOW));
        assertEquals("2023-02-28", DateTimeFunctions.date(a("2023-02-31", "floor"), NOW));
        assertEquals("2024-02-29", DateTimeFunctions.date(a("2024-01-31", "+1 month", "floor"), NOW));
        assertEquals("2024-03-02", DateTimeFunctions.date(a("2024-01-31", "+1 month"), NOW));
        assertEquals("2000-01-02 24:00:00", DateTimeFunctions.datetime(a("24:00"), NOW));
        assertEquals("2024-01-30 00:00:00",
                DateTimeFunctions.datetime(a("2024-02-31 10:00", "start of month", "floor"), NOW));
    }

    @Test
    void numbersAndFirstOnlyModifiers() {
        assertEquals("2023-11-14 22:13:20", DateTimeFunctions.datetime(a(1_700_000_000L, "unixepoch"), NOW));
        assertEquals("2023-02-24 12:00:00", DateTimeFunctions.datetime(a(2_460_000L, "auto"), NOW));
        assertNull(DateTimeFunctions.datetime(a(1_700_000_000L, "+1 day", "unixepoch"), NOW));
        assertNull(DateTimeFunctions.datetime(a(-1L), NOW));
        assertEquals(2460310.5, DateTimeFunctions.julianday(a("2024-01-01"), NOW));
        assertEquals(-1L, DateTimeFunctions.unixepoch(a("1969-12-31 23:59:59.3"), NOW));
        assertEquals(-0.7, DateTimeFunctions.unixepoch(a("1969-12-31 23:59:59.3", "subsec"), NOW));
        assertEquals("-4713-11-24", DateTimeFunctions.date(a(-1L, "utc"), NOW));
    }

    @Test
    void strftimeAndTimediff() {
        assertEquals("07| 7|05.678|2024-01-07|2024|24|13|01|007|2460317.044510162|13| 1|01|04|PM|pm|13:04|"
                + "1704632645|05|13:04:05|7|01|01|0|01|2024|%",
                DateTimeFunctions.strftime(a("%d|%e|%f|%F|%G|%g|%H|%I|%j|%J|%k|%l|%m|%M|%p|%P|%R|%s|%S|%T|%u|"
                        + "%U|%V|%w|%W|%Y|%%", "2024-01-07 13:04:05.678"), NOW));
        assertEquals("-044", DateTimeFunctions.strftime(a("%Y", "-0044-03-15"), NOW));
        assertNull(DateTimeFunctions.strftime(a("%C", "2024-01-01"), NOW));
        assertNull(DateTimeFunctions.strftime(a("abc%", "2024-01-01"), NOW));
        assertEquals("+0000-11-30 00:00:00.000", DateTimeFunctions.timediff(a("2025-02-28", "2024-02-29"), NOW));
        assertEquals("-2729-01-18 00:00:00.000", DateTimeFunctions.timediff(a("2010-02-15", "4739-04-05"), NOW));
        assertEquals("-0000-00-00 10:19:50.999",
                DateTimeFunctions.timediff(a("1934-08-18", "1934-08-18 10:19:50.9996"), NOW));
    }

    @Test
    void localZoneProvider() {
        LocalZone plus0530 = LocalZone.fixed(5 * 3_600_000L + 30 * 60_000L);
        assertEquals("2024-01-01 15:30:00",
                DateTimeFunctions.datetime(a("2024-01-01 10:00", "localtime"), NOW, plus0530));
        assertEquals("2024-01-01 04:30:00",
                DateTimeFunctions.datetime(a("2024-01-01 10:00", "utc"), NOW, plus0530));
        assertEquals("2024-01-01 10:00:00",
                DateTimeFunctions.datetime(a("2024-01-01 10:00", "utc", "localtime"), NOW, plus0530));
        // Already UTC (a zone suffix was given): 'utc' changes nothing.
        assertEquals("2024-01-01 10:00:00",
                DateTimeFunctions.datetime(a("2024-01-01 10:00Z", "utc"), NOW, plus0530));
        // Years outside 1970..2037 go through the same conversion.
        assertEquals("1900-03-01 05:30:00",
                DateTimeFunctions.datetime(a("1900-03-01", "localtime"), NOW, plus0530));
    }
}
