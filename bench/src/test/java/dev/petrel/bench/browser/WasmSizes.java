package dev.petrel.bench.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * What each engine makes the built benchmark page download (bench/browser/dist/assets, minified by Vite), raw and
 * gzip -9: the wasm, and the JS of its worker (Petrel: petrel-db's worker with the engine glue and TeaVM runtime;
 * sqlite-wasm: its Emscripten glue and oo1 API plus our small worker host; sql.js likewise).
 */
final class WasmSizes {
    /** engine -> asset file name prefixes (Vite appends a hash) of its wasm and its worker JS. */
    private static final Map<String, List<String>> ASSETS = Map.of(
            "petrel", List.of("petrel-", "worker-"),
            "sqlite-wasm", List.of("sqlite3-", "sqlite-wasm-worker-"),
            "sql.js", List.of("sql-wasm-browser-", "sqljs-worker-"));

    private WasmSizes() {
    }

    static Map<String, Object> measure(Path repo) throws IOException {
        Path assets = repo.resolve("bench/browser/dist/assets");
        Map<String, Object> out = new LinkedHashMap<>();
        for (String engine : List.of("petrel", "sqlite-wasm", "sql.js")) {
            List<String> prefixes = ASSETS.get(engine);
            Map<String, Object> sizes = new LinkedHashMap<>();
            sizes.put("wasm", sizeOf(assets, prefixes.get(0), ".wasm"));
            sizes.put("js", sizeOf(assets, prefixes.get(1), ".js"));
            out.put(engine, sizes);
        }
        return out;
    }

    private static Map<String, Object> sizeOf(Path dir, String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            // "sqlite3-<hash>.wasm" but not "sqlite3-opfs-async-proxy-<hash>.js": the hash has no further dash.
            Path f = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(suffix)
                        && n.substring(prefix.length(), n.length() - suffix.length()).matches("[A-Za-z0-9_-]{8}");
            }).findFirst().orElseThrow(() -> new IOException("no " + prefix + "*" + suffix + " in " + dir));
            byte[] body = Files.readAllBytes(f);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.getFileName().toString());
            m.put("raw", body.length);
            m.put("gzip", gzipSize(body));
            return m;
        }
    }

    static int gzipSize(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes) {
            {
                def.setLevel(9);
            }
        }) {
            gz.write(body);
        }
        return bytes.size();
    }
}
