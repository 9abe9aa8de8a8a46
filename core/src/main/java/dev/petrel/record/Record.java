package dev.petrel.record;

import dev.petrel.api.PetrelException;

/**
 * A lazily decoded record: the serial types of its header are parsed only up to the column asked for, and only
 * that column's bytes are read from the {@link PayloadSource}.
 *
 * <p>Layout (sqlite.org/fileformat2.html, 2.1):
 * <pre>
 * OFFSET  SIZE      MEANING
 *   0     varint    header size H in bytes, including this varint
 *   ...   varints   one serial type per column, up to offset H
 *   H     ...       column contents in column order, sizes given by the serial types
 * </pre>
 * Invariants: (1) H is at most the payload size and at most {@link #MAX_HEADER_BYTES}; (2) every column's content
 * lies inside the payload. A violation raises {@code PetrelException.corrupt}. Columns past the end of the header
 * read as NULL (a row written before ALTER TABLE ADD COLUMN); the caller applies the column default.
 */
public final class Record {
    /** SQLite's bound on a record header (limits the work and memory spent on a corrupt header). */
    public static final int MAX_HEADER_BYTES = 98307;

    /** Bytes read from a lazy source per step when decoding a large value. */
    private static final int READ_CHUNK = 1 << 20;

    private final PayloadSource source;
    private byte[] direct;
    private int encoding;
    private int payloadSize;
    private byte[] header;
    private int headerSize;
    /** Parse position in {@link #header}. */
    private int headerPos;
    private int parsed;
    private long[] types = new long[8];
    private long[] offsets = new long[9];

    /** A record over an in-memory payload in UTF-8. */
    public Record(byte[] payload) {
        this(payload, TextEncoding.UTF8);
    }

    public Record(byte[] payload, int encoding) {
        this.source = null;
        this.direct = payload;
        this.payloadSize = payload.length;
        this.encoding = encoding;
    }

    /**
     * A record over the first {@code size} bytes of {@code payload}; {@link #reset} points it at another payload
     * without allocating (a cursor keeps one such record for its current row, as SQLite's VDBE row cache).
     */
    public Record(byte[] payload, int size, int encoding) {
        this.source = null;
        reset(payload, size, encoding);
    }

    /** Re-targets an in-memory record at the first {@code size} bytes of {@code payload}, forgetting the header. */
    public void reset(byte[] payload, int size, int encoding) {
        if (source != null) {
            throw new IllegalStateException("a lazily read record cannot be reset");
        }
        this.direct = payload;
        this.payloadSize = size;
        this.encoding = encoding;
        this.header = null;
        this.parsed = 0;
    }

    /** A record over a payload read lazily from {@code source}. */
    public Record(PayloadSource source, int encoding) {
        this.source = source;
        this.direct = null;
        this.payloadSize = source.size();
        this.encoding = encoding;
    }

    private void read(int off, byte[] dst, int dstOff, int len) {
        if (direct != null) {
            System.arraycopy(direct, off, dst, dstOff, len);
        } else {
            source.read(off, dst, dstOff, len);
        }
    }

    private void parseHeaderStart() {
        if (header != null) {
            return;
        }
        if (payloadSize == 0) {
            header = new byte[0];
            headerSize = 0;
            offsets[0] = 0;
            return;
        }
        byte[] first;
        int firstLen = Math.min(Varint.MAX_BYTES, payloadSize);
        if (direct != null) {
            first = direct;
        } else {
            first = new byte[firstLen];
            read(0, first, 0, firstLen);
        }
        long h;
        int hLen;
        if (first[0] >= 0) {
            h = first[0];
            hLen = 1;
        } else {
            h = Varint.read(first, 0, firstLen);
            hLen = Varint.sizeAt(first, 0, firstLen);
        }
        if (h < hLen || h > payloadSize || h > MAX_HEADER_BYTES) {
            throw PetrelException.corrupt(0, "record header size " + h + " of a " + payloadSize + "-byte payload");
        }
        headerSize = (int) h;
        if (direct != null) {
            header = direct;
        } else {
            header = new byte[headerSize];
            read(0, header, 0, headerSize);
        }
        headerPos = hLen;
        offsets[0] = headerSize;
    }

    /** Parses serial types until column {@code col} is known or the header ends; returns whether it is known. */
    private boolean parseTo(int col) {
        parseHeaderStart();
        while (parsed <= col) {
            if (headerPos >= headerSize) {
                return false;
            }
            long t;
            int b0 = header[headerPos];
            if (b0 >= 0) {
                // One-byte serial type: every type below 128 (all numbers, short text and blobs).
                t = b0;
                headerPos++;
            } else {
                t = Varint.read(header, headerPos, headerSize);
                headerPos += Varint.sizeAt(header, headerPos, headerSize);
            }
            long end = offsets[parsed] + SerialType.sizeOf(t);
            if (end > payloadSize) {
                throw PetrelException.corrupt(0, "record column " + parsed + " ends past the payload");
            }
            if (parsed == types.length) {
                types = java.util.Arrays.copyOf(types, parsed * 2);
                offsets = java.util.Arrays.copyOf(offsets, parsed * 2 + 1);
            }
            types[parsed] = t;
            offsets[parsed + 1] = end;
            parsed++;
        }
        return true;
    }

    /** The number of columns in the record (parses the whole header). */
    public int columnCount() {
        parseTo(Integer.MAX_VALUE - 1);
        return parsed;
    }

    /** Whether the record has a column {@code col} (parses the header only that far). */
    public boolean hasColumn(int col) {
        return parseTo(col);
    }

    /** The payload size in bytes. */
    public int payloadSize() {
        return payloadSize;
    }

    /** The serial type of column {@code col}, or 0 (NULL) past the last column. */
    public long serialType(int col) {
        return parseTo(col) ? types[col] : SerialType.NULL;
    }

    /** Whether column {@code col} exists and holds an integer (read it with {@link #integer}, unboxed). */
    public boolean isInteger(int col) {
        if (col >= parsed && !parseTo(col)) {
            return false;
        }
        long t = types[col];
        return t >= SerialType.INT8 && t <= SerialType.INT64 || t == SerialType.ZERO || t == SerialType.ONE;
    }

    /** The integer in column {@code col}, for which {@link #isInteger} returned true (no Long is allocated). */
    public long integer(int col) {
        long t = types[col];
        if (t >= SerialType.ZERO) {
            return t - SerialType.ZERO;
        }
        int off = (int) offsets[col];
        int size = (int) (offsets[col + 1] - off);
        if (direct != null) {
            return SerialType.getInt(direct, off, size);
        }
        byte[] buf = new byte[size];
        source.read(off, buf, 0, size);
        return SerialType.getInt(buf, 0, size);
    }

    /** The value of column {@code col} (NULL past the last column), decoding nothing after it. */
    public Object column(int col) {
        if (col >= parsed && !parseTo(col)) {
            return null;
        }
        long t = types[col];
        int off = (int) offsets[col];
        if (t < SerialType.FIRST_BLOB && SerialType.sizeOf(t) == 0) {
            return SerialType.decode(t, null, 0, encoding);
        }
        int len = (int) (offsets[col + 1] - off);
        if (direct != null) {
            return SerialType.decode(t, direct, off, encoding);
        }
        // Grow the buffer as reads succeed: a corrupt size claim then costs no more memory than real bytes.
        byte[] buf = new byte[Math.min(len, READ_CHUNK)];
        for (int got = 0; got < len;) {
            int n = Math.min(READ_CHUNK, len - got);
            if (got + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, (int) Math.min(len, Math.max(2L * buf.length, got + n)));
            }
            source.read(off + got, buf, got, n);
            got += n;
        }
        return SerialType.decode(t, buf, 0, encoding);
    }

    /** All column values. */
    public Object[] values() {
        int n = columnCount();
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = column(i);
        }
        return out;
    }

    /** Decodes a whole in-memory UTF-8 record. */
    public static Object[] decode(byte[] payload) {
        return new Record(payload).values();
    }
}
