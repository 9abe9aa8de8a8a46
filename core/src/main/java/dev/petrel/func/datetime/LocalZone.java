package dev.petrel.func.datetime;

/**
 * The local time zone seen by the {@code 'localtime'} and {@code 'utc'} modifiers.
 *
 * <p>Petrel has no time zone database (TeaVM offers no reliable one), so the default, {@link #UTC}, treats local
 * time as UTC: {@code 'localtime'} and {@code 'utc'} then change no instant, but still re-derive the date fields
 * and reset state exactly as SQLite's modifiers do. A host that knows its zone may pass its own implementation.
 */
public interface LocalZone {
    /**
     * Offset of local time from UTC, in milliseconds (east positive), at the given instant expressed in
     * milliseconds since 1970-01-01 00:00:00 UTC. Must be pure: the same instant always gives the same offset.
     */
    long offsetMillis(long utcUnixMillis);

    /** Local time is UTC. */
    LocalZone UTC = utcUnixMillis -> 0L;

    /** A zone with a constant offset, e.g. {@code fixed(5 * 3600_000L + 1800_000L)} for +05:30. */
    static LocalZone fixed(long offsetMillis) {
        return utcUnixMillis -> offsetMillis;
    }
}
