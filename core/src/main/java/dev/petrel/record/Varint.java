package dev.petrel.record;

import dev.petrel.api.PetrelException;

/**
 * SQLite's variable-length integer: 1 to 9 bytes, big-endian, encoding a 64-bit two's complement value.
 *
 * <p>Bytes 1..8 each carry 7 bits, the high bit set meaning "another byte follows"; a 9th byte, if reached,
 * carries a full 8 bits. So 0x7f is one byte {@code 7f}, 0x80 is {@code 81 00}, 0x3fff is {@code ff 7f}, and every
 * negative value takes all 9 bytes. See sqlite.org/fileformat2.html, section 1.6 "B-tree Pages" (varint).
 */
public final class Varint {
    /** The longest encoding in bytes. */
    public static final int MAX_BYTES = 9;
    private static final int PAYLOAD_BITS = 7;
    private static final int CONTINUE_BIT = 0x80;
    private static final int LOW_BITS = 0x7f;

    private Varint() {
    }

    /** The number of bytes {@link #write} uses for {@code v}. */
    public static int size(long v) {
        if (v >= 0 && v < (1L << 56)) {
            int n = 1;
            while ((v >>>= PAYLOAD_BITS) != 0) {
                n++;
            }
            return n;
        }
        return MAX_BYTES;
    }

    /** Encodes {@code v} at {@code dst[off..]}; returns the number of bytes written. */
    public static int write(byte[] dst, int off, long v) {
        int n = size(v);
        if (n == MAX_BYTES) {
            dst[off + 8] = (byte) v;
            v >>>= 8;
            for (int i = 7; i >= 0; i--) {
                dst[off + i] = (byte) ((v & LOW_BITS) | CONTINUE_BIT);
                v >>>= PAYLOAD_BITS;
            }
            return MAX_BYTES;
        }
        for (int i = n - 1; i >= 0; i--) {
            dst[off + i] = (byte) ((v & LOW_BITS) | (i == n - 1 ? 0 : CONTINUE_BIT));
            v >>>= PAYLOAD_BITS;
        }
        return n;
    }

    /** Decodes the varint at {@code b[off..]}, which must end before {@code end}; corrupt otherwise. */
    public static long read(byte[] b, int off, int end) {
        long v = 0;
        for (int i = 0; i < MAX_BYTES - 1; i++) {
            if (off + i >= end) {
                throw PetrelException.corrupt(0, "varint runs past its buffer");
            }
            int x = b[off + i] & 0xff;
            v = (v << PAYLOAD_BITS) | (x & LOW_BITS);
            if ((x & CONTINUE_BIT) == 0) {
                return v;
            }
        }
        if (off + MAX_BYTES - 1 >= end) {
            throw PetrelException.corrupt(0, "varint runs past its buffer");
        }
        return (v << 8) | (b[off + MAX_BYTES - 1] & 0xff);
    }

    /** The length in bytes of the varint at {@code b[off..]} (at most 9; may run to {@code end}). */
    public static int sizeAt(byte[] b, int off, int end) {
        for (int i = 0; i < MAX_BYTES - 1; i++) {
            if (off + i >= end) {
                throw PetrelException.corrupt(0, "varint runs past its buffer");
            }
            if ((b[off + i] & CONTINUE_BIT) == 0) {
                return i + 1;
            }
        }
        return MAX_BYTES;
    }
}
