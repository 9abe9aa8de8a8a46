package dev.petrel.record;

import dev.petrel.api.PetrelException;

/**
 * Serial types: the per-column codes of a record header that give each value's storage class and byte size.
 *
 * <p>See sqlite.org/fileformat2.html, section 2.1 "Record Format". All integers are big-endian two's complement.
 * <pre>
 * TYPE    SIZE       MEANING
 *  0       0         NULL
 *  1..4    1,2,3,4   signed integer of that many bytes
 *  5       6         48-bit signed integer
 *  6       8         64-bit signed integer
 *  7       8         IEEE 754 float64
 *  8       0         the integer 0 (schema format 4)
 *  9       0         the integer 1 (schema format 4)
 *  10,11   -         reserved (corrupt in a database file)
 *  N>=12   (N-12)/2  BLOB, N even
 *  N>=13   (N-13)/2  TEXT in the database encoding, N odd
 * </pre>
 * {@link #of} picks the smallest type for a value, as SQLite does when it writes a record.
 */
public final class SerialType {
    public static final int NULL = 0;
    public static final int INT8 = 1;
    public static final int INT16 = 2;
    public static final int INT24 = 3;
    public static final int INT32 = 4;
    public static final int INT48 = 5;
    public static final int INT64 = 6;
    public static final int FLOAT64 = 7;
    public static final int ZERO = 8;
    public static final int ONE = 9;
    public static final int FIRST_BLOB = 12;
    public static final int FIRST_TEXT = 13;

    private static final int[] FIXED_SIZES = {0, 1, 2, 3, 4, 6, 8, 8, 0, 0};

    private SerialType() {
    }

    /** The smallest serial type of an integer. */
    public static long ofInteger(long v) {
        if (v == 0) {
            return ZERO;
        }
        if (v == 1) {
            return ONE;
        }
        if (v >= -128 && v <= 127) {
            return INT8;
        }
        if (v >= -32768 && v <= 32767) {
            return INT16;
        }
        if (v >= -8388608 && v <= 8388607) {
            return INT24;
        }
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            return INT32;
        }
        if (v >= -(1L << 47) && v < (1L << 47)) {
            return INT48;
        }
        return INT64;
    }

    /** The serial type for a storage value whose TEXT/BLOB content is {@code bytesLen} long (ignored otherwise). */
    public static long of(Object v, int bytesLen) {
        if (v == null) {
            return NULL;
        }
        if (v instanceof Long) {
            return ofInteger((Long) v);
        }
        if (v instanceof Double) {
            return FLOAT64;
        }
        if (v instanceof String) {
            return FIRST_TEXT + 2L * bytesLen;
        }
        if (v instanceof byte[]) {
            return FIRST_BLOB + 2L * bytesLen;
        }
        throw new IllegalArgumentException("not a storage value: " + v.getClass().getName());
    }

    /** The content size in bytes of a serial type; corrupt for the reserved types 10 and 11. */
    public static long sizeOf(long type) {
        if (type < 0) {
            throw PetrelException.corrupt(0, "negative serial type");
        }
        if (type < FIXED_SIZES.length) {
            return FIXED_SIZES[(int) type];
        }
        if (type < FIRST_BLOB) {
            throw PetrelException.corrupt(0, "reserved serial type " + type);
        }
        return (type - FIRST_BLOB) >>> 1;
    }

    /** Writes the integer {@code v} as the {@code size}-byte big-endian field at {@code dst[off..]}. */
    static void putInt(byte[] dst, int off, int size, long v) {
        for (int i = size - 1; i >= 0; i--) {
            dst[off + i] = (byte) v;
            v >>= 8;
        }
    }

    /** Reads a {@code size}-byte big-endian signed integer. */
    static long getInt(byte[] b, int off, int size) {
        long v = b[off];
        for (int i = 1; i < size; i++) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }

    /**
     * Decodes the value of serial type {@code type} whose content is {@code b[off..off+sizeOf(type))}; the caller
     * has checked the bounds.
     */
    public static Object decode(long type, byte[] b, int off, int encoding) {
        switch ((int) Math.min(type, FIRST_BLOB)) {
            case NULL:
                return null;
            case INT8:
            case INT16:
            case INT24:
            case INT32:
            case INT48:
            case INT64:
                return getInt(b, off, FIXED_SIZES[(int) type]);
            case FLOAT64:
                return Double.longBitsToDouble(getInt(b, off, 8));
            case ZERO:
                return 0L;
            case ONE:
                return 1L;
            case 10:
            case 11:
                throw PetrelException.corrupt(0, "reserved serial type " + type);
            default:
                int len = (int) sizeOf(type);
                if ((type & 1) == 0) {
                    byte[] blob = new byte[len];
                    System.arraycopy(b, off, blob, 0, len);
                    return blob;
                }
                return TextEncoding.decode(b, off, len, encoding);
        }
    }
}
