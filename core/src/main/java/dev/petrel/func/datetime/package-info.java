/**
 * SQLite's date and time functions ({@code date, time, datetime, julianday, unixepoch, strftime, timediff},
 * {@code CURRENT_DATE/TIME/TIMESTAMP}) as pure static functions over storage values
 * ({@link dev.petrel.func.datetime.DateTimeFunctions}). The caller passes "now" as Julian-day milliseconds so a
 * statement sees one stable instant; local time is UTC unless a {@link dev.petrel.func.datetime.LocalZone} is
 * given. Internally a time value is parsed ({@code TimeValueParser}), modified left to right ({@code Modifiers})
 * and rendered ({@code DateFormat}), all on one {@code DateTime} state whose validity flags mirror SQLite's.
 */
package dev.petrel.func.datetime;
