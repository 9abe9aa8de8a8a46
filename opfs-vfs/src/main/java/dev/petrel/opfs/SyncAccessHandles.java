package dev.petrel.opfs;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The JavaScript side of {@link OpfsVfs}: the handle registry the worker fills before the engine opens a database,
 * and the synchronous calls of OPFS {@code FileSystemSyncAccessHandle} (read, write, truncate, flush, getSize).
 *
 * <p>Contract with the worker script: {@code self.petrelOpfs} is an object with {@code handle(path)} returning an
 * open sync access handle (or {@code null/undefined} for a path the worker did not open). Handles are created
 * asynchronously ({@code createSyncAccessHandle()} returns a Promise) and so must be opened before the synchronous
 * Java calls that use them; every call here is synchronous. A DOM exception (quota exceeded, handle closed) never
 * crosses into Java as a foreign exception: the script catches it, returns -1 and leaves the text in
 * {@link #lastError()}.
 */
final class SyncAccessHandles {
    private SyncAccessHandles() {
    }

    /** The open handle the worker registered for {@code path}, or null. */
    @JSBody(params = "path", script = "var r = self.petrelOpfs; var h = r ? r.handle(path) : null;"
            + " return h ? h : null;")
    static native JSObject lookup(String path);

    /**
     * Reads into the first {@code len} bytes of {@code view} at byte offset {@code at}; the number of bytes read,
     * or -1. (A view of a direct buffer spans its whole capacity, whatever its limit: hence {@code len}.)
     */
    @JSBody(params = {"h", "view", "len", "at"}, script = "try {"
            + " return h.read(view.length === len ? view : view.subarray(0, len), {at: at}); }"
            + " catch (e) { self.petrelOpfsError = String(e); return -1; }")
    static native int read(JSObject h, Int8Array view, int len, double at);

    /** Writes the first {@code len} bytes of {@code view} at byte offset {@code at}; the bytes written, or -1. */
    @JSBody(params = {"h", "view", "len", "at"}, script = "try {"
            + " return h.write(view.length === len ? view : view.subarray(0, len), {at: at}); }"
            + " catch (e) { self.petrelOpfsError = String(e); return -1; }")
    static native int write(JSObject h, Int8Array view, int len, double at);

    /** The file size in bytes, or -1. */
    @JSBody(params = "h", script = "try { return h.getSize(); }"
            + " catch (e) { self.petrelOpfsError = String(e); return -1; }")
    static native double size(JSObject h);

    /** Sets the file size; 0 on success, -1 on failure. */
    @JSBody(params = {"h", "size"}, script = "try { h.truncate(size); return 0; }"
            + " catch (e) { self.petrelOpfsError = String(e); return -1; }")
    static native int truncate(JSObject h, double size);

    /** Persists the writes made so far; 0 on success, -1 on failure. */
    @JSBody(params = "h", script = "try { h.flush(); return 0; }"
            + " catch (e) { self.petrelOpfsError = String(e); return -1; }")
    static native int flush(JSObject h);

    /** The text of the last DOM exception caught by a call above. */
    @JSBody(script = "return String(self.petrelOpfsError || 'unknown OPFS error');")
    static native String lastError();

    /** A fresh JavaScript byte array of {@code length} bytes (the copy-based transfer path). */
    @JSBody(params = "length", script = "return new Int8Array(length);")
    static native Int8Array newBytes(int length);
}
