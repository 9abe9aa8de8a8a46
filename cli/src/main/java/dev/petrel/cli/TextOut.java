package dev.petrel.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A byte-exact output channel: strings are written as UTF-8, byte arrays as they are, with no line-ending
 * translation, so what the shell prints is exactly what sqlite3 would print. It can be redirected ({@code .output})
 * and closes only streams it opened.
 */
final class TextOut {
    private OutputStream stream;
    private boolean owned;
    private String name;

    TextOut(OutputStream stream, String name) {
        this.stream = stream;
        this.name = name;
    }

    /** The name {@code .show} reports: "stdout" or the file name. */
    String name() {
        return name;
    }

    /** Sends output to {@code target} from now on, closing a file opened by an earlier redirect. */
    void redirect(OutputStream target, String targetName, boolean closeLater) {
        flush();
        if (owned) {
            close();
        }
        stream = target;
        name = targetName;
        owned = closeLater;
    }

    TextOut print(String s) {
        return write(s.getBytes(StandardCharsets.UTF_8));
    }

    TextOut write(byte[] b) {
        return write(b, 0, b.length);
    }

    TextOut write(byte[] b, int off, int len) {
        try {
            stream.write(b, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    void flush() {
        try {
            stream.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
