package dev.petrel.func.json;

import java.nio.charset.StandardCharsets;

/**
 * SQLite's JSONB binary format (sqlite.org/jsonb.html): encoding a {@link JsonNode} tree to bytes and decoding
 * (and validating) bytes back to a tree.
 *
 * <p>Each element is a header followed by its payload. The header's first byte holds the element type in its low
 * four bits ({@link JsonNode#NULL} .. {@link JsonNode#OBJECT}) and a size code in its high four bits:
 * <pre>
 *   size code | header bytes | payload size
 *   0..11     | 1            | the code itself
 *   12        | 2            | next byte
 *   13        | 3            | next 2 bytes, big-endian
 *   14        | 5            | next 4 bytes, big-endian
 *   15        | 9            | next 8 bytes, big-endian
 * </pre>
 * Payloads: none for null/true/false; the number's ASCII text for INT, INT5, FLOAT, FLOAT5; the string's UTF-8
 * (escapes as written) for the four text types; the concatenated child elements for ARRAY and OBJECT (an object
 * alternates label and value). Encoding always uses the smallest header, as SQLite does.
 */
public final class Jsonb {
    private Jsonb() {
    }

    private static final int SIZE_1BYTE = 12;
    private static final int SIZE_2BYTES = 13;
    private static final int SIZE_4BYTES = 14;
    private static final int SIZE_8BYTES = 15;
    private static final int MAX_INLINE_SIZE = 11;

    /** The JSONB bytes of {@code root}; sets every node's {@link JsonNode#offset}. */
    public static byte[] encode(JsonNode root) {
        Sink out = new Sink();
        write(root, out);
        return out.toBytes();
    }

    /** Bytes of the header for a payload of {@code n} bytes. */
    static int headerBytes(long n) {
        return n <= MAX_INLINE_SIZE ? 1 : n <= 0xff ? 2 : n <= 0xffff ? 3 : n <= 0xffffffffL ? 5 : 9;
    }

    private static void write(JsonNode n, Sink out) {
        n.offset = out.size;
        if (n.children == null) {
            byte[] p = n.payload == null ? new byte[0] : n.payload.getBytes(StandardCharsets.UTF_8);
            header(out, n.type, p.length, n.headerBytes);
            out.append(p, 0, p.length);
            return;
        }
        // Write the children after a placeholder, then move them to fit the real header.
        int start = out.size;
        out.reserve(9);
        out.size = start + 9;
        for (JsonNode c : n.children) {
            write(c, out);
        }
        int payload = out.size - start - 9;
        int hb = Math.max(headerBytes(payload), n.headerBytes);
        int shift = 9 - hb;
        System.arraycopy(out.buf, start + 9, out.buf, start + hb, payload);
        out.size = start;
        header(out, n.type, payload, hb);
        out.size = start + hb + payload;
        if (shift != 0) {
            for (JsonNode c : n.children) {
                shiftOffsets(c, shift);
            }
        }
    }

    private static void shiftOffsets(JsonNode n, int by) {
        n.offset -= by;
        if (n.children != null) {
            for (JsonNode c : n.children) {
                shiftOffsets(c, by);
            }
        }
    }

    /** Writes a header for a payload of {@code n} bytes, {@code forced} header bytes when that is larger. */
    private static void header(Sink out, int type, long n, int forced) {
        int hb = Math.max(headerBytes(n), forced);
        if (hb == 1) {
            out.add((int) (n << 4 | type));
        } else if (hb == 2) {
            out.add(SIZE_1BYTE << 4 | type);
            out.add((int) n);
        } else if (hb == 3) {
            out.add(SIZE_2BYTES << 4 | type);
            out.add((int) (n >> 8));
            out.add((int) n);
        } else {
            out.add(SIZE_4BYTES << 4 | type);
            for (int sh = 24; sh >= 0; sh -= 8) {
                out.add((int) (n >> sh));
            }
        }
    }

    /** A growable byte buffer. */
    private static final class Sink {
        byte[] buf = new byte[64];
        int size;

        void reserve(int n) {
            if (size + n > buf.length) {
                byte[] b = new byte[Math.max(buf.length * 2, size + n)];
                System.arraycopy(buf, 0, b, 0, size);
                buf = b;
            }
        }

        void add(int b) {
            reserve(1);
            buf[size++] = (byte) b;
        }

        void append(byte[] b, int off, int n) {
            reserve(n);
            System.arraycopy(b, off, buf, size, n);
            size += n;
        }

        byte[] toBytes() {
            byte[] r = new byte[size];
            System.arraycopy(buf, 0, r, 0, size);
            return r;
        }
    }

    /** The size in bytes of {@code n}'s JSONB payload. */
    private static long payloadSize(JsonNode n) {
        if (n.children == null) {
            return n.payload == null ? 0 : n.payload.getBytes(StandardCharsets.UTF_8).length;
        }
        long payload = 0;
        for (JsonNode c : n.children) {
            payload += sizeOf(c);
        }
        return payload;
    }

    /** The size in bytes of {@code n}'s JSONB encoding, header included. */
    static long sizeOf(JsonNode n) {
        long payload = payloadSize(n);
        return Math.max(headerBytes(payload), n.headerBytes) + payload;
    }

    /**
     * {@code replacement} padded to the size of {@code old} when it is smaller by an amount a larger header can
     * absorb (SQLite overwrites an element in place that way instead of moving the bytes after it).
     */
    static JsonNode padded(JsonNode old, JsonNode replacement) {
        if (replacement.type <= JsonNode.FALSE) {
            return replacement;
        }
        long payload = payloadSize(replacement);
        long hb = Math.max(headerBytes(payload), replacement.headerBytes);
        long shortfall = sizeOf(old) - (hb + payload);
        long target = hb + shortfall;
        if (shortfall > 0 && (target == 2 || target == 3 || target == 5 || target == 9)) {
            replacement.headerBytes = (int) target;
        }
        return replacement;
    }

    /** The tree of a JSONB blob, or null when {@code b} is not one well-formed JSONB element. */
    public static JsonNode decode(byte[] b) {
        if (b.length == 0) {
            return null;
        }
        Reader r = new Reader(b);
        JsonNode n = r.element(0, b.length, 0);
        return n != null && r.end == b.length ? n : null;
    }

    private static final class Reader {
        final byte[] b;
        int end;

        Reader(byte[] b) {
            this.b = b;
        }

        /** Decodes the element at {@code at} that must end by {@code limit}; sets {@link #end} past it. */
        JsonNode element(int at, int limit, int depth) {
            if (at >= limit || depth > JsonParser.MAX_DEPTH) {
                return null;
            }
            int h = b[at] & 0xff;
            int type = h & 0x0f;
            int code = h >> 4;
            int p = at + 1;
            long size;
            if (code <= MAX_INLINE_SIZE) {
                size = code;
            } else {
                int nb = code == SIZE_1BYTE ? 1 : code == SIZE_2BYTES ? 2 : code == SIZE_4BYTES ? 4 : 8;
                if (p + nb > limit) {
                    return null;
                }
                size = 0;
                for (int i = 0; i < nb; i++) {
                    size = size << 8 | (b[p + i] & 0xff);
                }
                p += nb;
            }
            if (size < 0 || size > limit - p || type > JsonNode.OBJECT) {
                return null;
            }
            int payloadEnd = p + (int) size;
            JsonNode n;
            if (type <= JsonNode.FALSE) {
                if (size != 0) {
                    return null;
                }
                n = type == JsonNode.NULL ? new JsonNode(JsonNode.NULL, null, null)
                        : new JsonNode(type, null, null);
            } else if (type < JsonNode.ARRAY) {
                if (type <= JsonNode.FLOAT5 && size == 0) {
                    return null;
                }
                n = JsonNode.scalar(type, new String(b, p, (int) size, StandardCharsets.UTF_8));
            } else {
                n = JsonNode.container(type);
                int q = p;
                while (q < payloadEnd) {
                    JsonNode c = element(q, payloadEnd, depth + 1);
                    if (c == null) {
                        return null;
                    }
                    if (type == JsonNode.OBJECT && n.children.size() % 2 == 0 && !c.isText()) {
                        return null;
                    }
                    n.children.add(c);
                    q = end;
                }
                if (type == JsonNode.OBJECT && n.children.size() % 2 != 0) {
                    return null;
                }
            }
            n.offset = at;
            if (p - at > headerBytes(size)) {
                n.headerBytes = p - at;
            }
            end = payloadEnd;
            return n;
        }
    }
}
