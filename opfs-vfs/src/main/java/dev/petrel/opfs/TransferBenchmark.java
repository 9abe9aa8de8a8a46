package dev.petrel.opfs;

import dev.petrel.api.PetrelException;
import org.teavm.jso.JSObject;

/**
 * Measures {@link PageTransfer}: moves pages between one registered OPFS file and Java arrays so that the page can
 * time the call and divide by the page count (the figure the browser-runtime report quotes).
 */
public final class TransferBenchmark {
    private TransferBenchmark() {
    }

    /**
     * Reads (or with {@code write} writes) {@code pages} pages of {@code pageSize} bytes at successive offsets of
     * {@code path} in transfer mode {@code mode}; returns a checksum of the bytes moved.
     */
    public static int run(String path, int pageSize, int pages, boolean write, int mode) {
        JSObject handle = SyncAccessHandles.lookup(path);
        if (handle == null || pageSize <= 0 || pages < 0) {
            throw PetrelException.misuse("benchmark needs a registered file and a positive page size");
        }
        int previous = PageTransfer.mode();
        PageTransfer.setMode(mode);
        try {
            byte[] page = new byte[pageSize];
            int sum = 0;
            for (int i = 0; i < pages; i++) {
                double at = (double) i * pageSize;
                if (write) {
                    page[0] = (byte) i;
                    PageTransfer.write(handle, at, page, 0, pageSize);
                    sum += page[0];
                } else {
                    int n = PageTransfer.read(handle, at, page, 0, pageSize);
                    sum += n + page[pageSize - 1];
                }
            }
            return sum;
        } finally {
            PageTransfer.setMode(previous);
        }
    }
}
