package dev.petrel.record;

/**
 * Random access to the bytes of one record's payload, which a b-tree may keep partly on overflow pages.
 *
 * <p>{@link Record} reads only the byte ranges it needs through this interface, so decoding one column of a large
 * record touches only the pages holding that column. Implementations validate what they read and raise
 * {@code PetrelException.corrupt}.
 */
public interface PayloadSource {
    /** The payload size in bytes. */
    int size();

    /** Copies payload bytes {@code [offset, offset+len)} into {@code dst[dstOff..]}; the range is within size(). */
    void read(int offset, byte[] dst, int dstOff, int len);

    /** A source over an in-memory byte array. */
    static PayloadSource of(byte[] bytes) {
        return new PayloadSource() {
            @Override
            public int size() {
                return bytes.length;
            }

            @Override
            public void read(int offset, byte[] dst, int dstOff, int len) {
                System.arraycopy(bytes, offset, dst, dstOff, len);
            }
        };
    }
}
