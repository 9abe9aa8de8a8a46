package dev.petrel.jdbc;

import java.sql.SQLException;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Date and time conversions with sqlite-jdbc's defaults: dates are bound as milliseconds since the epoch; text is
 * read as {@code yyyy-MM-dd HH:mm:ss.SSS} (or a prefix of it, or with a {@code T}); REAL is a Julian day number.
 */
final class JdbcDates {
    /** Julian day number of 1970-01-01T00:00:00Z. */
    private static final double UNIX_EPOCH_JULIAN_DAY = 2440587.5;
    private static final double MILLIS_PER_DAY = 86_400_000.0;
    private static final String[] PATTERNS = {
        "yyyy-MM-dd HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd", "HH:mm:ss.SSS", "HH:mm:ss", "HH:mm",
    };

    private JdbcDates() {
    }

    static long julianDayToMillis(double jd) {
        return Math.round((jd - UNIX_EPOCH_JULIAN_DAY) * MILLIS_PER_DAY);
    }

    /** Parses date text in the calendar's zone (the default zone without one). */
    static Long parse(String text, Calendar cal) throws SQLException {
        String s = text.trim();
        for (String pattern : PATTERNS) {
            if (patternLength(pattern) != s.length()) {
                continue;
            }
            SimpleDateFormat f = new SimpleDateFormat(pattern);
            f.setLenient(false);
            f.setTimeZone(cal != null ? cal.getTimeZone() : TimeZone.getDefault());
            try {
                return f.parse(s).getTime();
            } catch (ParseException e) {
                // try the next pattern
            }
        }
        throw new SQLException("Error parsing date: " + text);
    }

    private static int patternLength(String pattern) {
        return pattern.replace("'", "").length();
    }
}
