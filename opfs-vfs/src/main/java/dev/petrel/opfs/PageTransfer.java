package dev.petrel.opfs;

import java.nio.ByteBuffer;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Moves bytes between a sync access handle and Java {@code byte[]}s: the one place where {@link OpfsVfs} pays for
 * the boundary between JavaScript typed arrays and Java arrays.
 *
 * <p>Two ways, chosen by {@link #setMode}:
 * <ul>
 *   <li>{@link #STAGED} (the default): a direct {@link ByteBuffer} lives in the wasm linear memory; JavaScript gets
 *       an {@code Int8Array} view of it ({@code Int8Array.fromJavaBuffer}, no copy), the handle reads or writes
 *       straight into that memory, and Java moves the bytes with one bulk {@code get}/{@code put}.</li>
 *   <li>{@link #COPIED}: the handle reads into a JavaScript {@code Int8Array} that TeaVM then copies into a new
 *       {@code byte[]} ({@code copyToJavaArray}), and writes go through {@code ArrayBufferView.set(byte[])}. Kept
 *       for the benchmark export that compares the two.</li>
 * </ul>
 * Invariant: a view of linear memory is made afresh for every call, because growing the wasm memory detaches every
 * earlier view. Not thread-safe (nothing in a worker is).
 */
final class PageTransfer {
    /** Mode: bytes staged in a direct buffer in linear memory. */
    static final int STAGED = 0;
    /** Mode: bytes copied through a JavaScript typed array. */
    static final int COPIED = 1;

    private static final int INITIAL_STAGING_BYTES = 64 * 1024;

    private static int mode = STAGED;
    private static ByteBuffer staging = ByteBuffer.allocateDirect(INITIAL_STAGING_BYTES);

    private PageTransfer() {
    }

    static void setMode(int newMode) {
        mode = newMode == COPIED ? COPIED : STAGED;
    }

    static int mode() {
        return mode;
    }

    private static ByteBuffer staging(int len) {
        if (staging.capacity() < len) {
            int cap = staging.capacity();
            while (cap < len) {
                cap = cap > (Integer.MAX_VALUE >> 1) ? Integer.MAX_VALUE : cap * 2;
            }
            staging = ByteBuffer.allocateDirect(cap);
        }
        staging.clear();
        staging.limit(len);
        return staging;
    }

    /** Reads up to {@code len} bytes at {@code offset} into {@code dst[dstOff..]}; the bytes read, or -1. */
    static int read(JSObject handle, double offset, byte[] dst, int dstOff, int len) {
        if (len == 0) {
            return 0;
        }
        if (mode == COPIED) {
            Int8Array js = SyncAccessHandles.newBytes(len);
            int n = SyncAccessHandles.read(handle, js, len, offset);
            if (n > 0) {
                byte[] copy = js.copyToJavaArray();
                System.arraycopy(copy, 0, dst, dstOff, n);
            }
            return n;
        }
        ByteBuffer buf = staging(len);
        int n = SyncAccessHandles.read(handle, Int8Array.fromJavaBuffer(buf), len, offset);
        if (n > 0) {
            buf.position(0);
            buf.get(dst, dstOff, n);
        }
        return n;
    }

    /** Writes {@code src[srcOff..srcOff+len)} at {@code offset}; the bytes written, or -1. */
    static int write(JSObject handle, double offset, byte[] src, int srcOff, int len) {
        if (len == 0) {
            return 0;
        }
        if (mode == COPIED) {
            Int8Array js = SyncAccessHandles.newBytes(len);
            if (srcOff == 0 && len == src.length) {
                js.set(src);
            } else {
                byte[] part = new byte[len];
                System.arraycopy(src, srcOff, part, 0, len);
                js.set(part);
            }
            return SyncAccessHandles.write(handle, js, len, offset);
        }
        ByteBuffer buf = staging(len);
        buf.put(src, srcOff, len);
        buf.flip();
        return SyncAccessHandles.write(handle, Int8Array.fromJavaBuffer(buf), len, offset);
    }
}
