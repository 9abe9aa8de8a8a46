package dev.petrel.record;

import java.nio.charset.StandardCharsets;

/**
 * The database text encoding (file header offset 56): how TEXT values are stored in records.
 *
 * <p>Values are the header's codes, so a header field maps directly: {@link #UTF8} = 1, {@link #UTF16LE} = 2,
 * {@link #UTF16BE} = 3. Any other value is treated as UTF-8 by {@link #ofHeader} (SQLite refuses to open such a
 * file; the pager decides that).
 */
public final class TextEncoding {
    public static final int UTF8 = 1;
    public static final int UTF16LE = 2;
    public static final int UTF16BE = 3;

    private TextEncoding() {
    }

    /** The encoding for a header value, UTF-8 for anything unknown. */
    public static int ofHeader(int headerValue) {
        return headerValue == UTF16LE || headerValue == UTF16BE ? headerValue : UTF8;
    }

    /** Decodes {@code len} bytes of {@code b} at {@code off}. Malformed input decodes to U+FFFD, never throws. */
    public static String decode(byte[] b, int off, int len, int encoding) {
        if (encoding == UTF16LE) {
            return new String(b, off, len & ~1, StandardCharsets.UTF_16LE);
        }
        if (encoding == UTF16BE) {
            return new String(b, off, len & ~1, StandardCharsets.UTF_16BE);
        }
        // The JDK's decoder copies ASCII straight into a one-byte-per-char string (no char[] in between).
        return new String(b, off, len, StandardCharsets.UTF_8);
    }

    /** Encodes a string in {@code encoding}. */
    public static byte[] encode(String s, int encoding) {
        if (encoding == UTF16LE) {
            return s.getBytes(StandardCharsets.UTF_16LE);
        }
        if (encoding == UTF16BE) {
            return s.getBytes(StandardCharsets.UTF_16BE);
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
