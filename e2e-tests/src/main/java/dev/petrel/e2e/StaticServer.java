package dev.petrel.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A small static file server for the browser tests and the local playground: URL prefixes mounted on directories,
 * the MIME types wasm and ES modules need ({@code application/wasm}, {@code text/javascript} for {@code .mjs}), no
 * caching, and deliberately NO COOP/COEP headers (Petrel must work without cross-origin isolation).
 *
 * <p>Run: {@code java -cp e2e-tests/target/classes dev.petrel.e2e.StaticServer [--port N] /=dir /pkg/=dir2 ...}
 */
public final class StaticServer implements AutoCloseable {
    private final HttpServer server;
    private final List<Map.Entry<String, Path>> mounts = new ArrayList<>();

    /** Starts serving on 127.0.0.1:{@code port} (0 picks a free port). Mounts map URL prefixes to directories. */
    public StaticServer(int port, Map<String, Path> mountPoints) throws IOException {
        for (Map.Entry<String, Path> e : mountPoints.entrySet()) {
            mounts.add(Map.entry(e.getKey(), e.getValue().toAbsolutePath().normalize()));
        }
        // Longest prefix first, so "/pkg/" wins over "/".
        mounts.sort(Comparator.comparingInt((Map.Entry<String, Path> e) -> e.getKey().length()).reversed());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:43210}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Path file = resolve(path);
            if (file != null && Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (file == null || !Files.isRegularFile(file)) {
                byte[] msg = ("not found: " + path).getBytes();
                ex.sendResponseHeaders(404, msg.length);
                ex.getResponseBody().write(msg);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            ex.getResponseHeaders().set("Content-Type", contentType(file.getFileName().toString()));
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Path resolve(String urlPath) {
        for (Map.Entry<String, Path> m : mounts) {
            String prefix = m.getKey();
            if (urlPath.startsWith(prefix) || (urlPath + "/").equals(prefix)) {
                String rest = urlPath.length() > prefix.length() ? urlPath.substring(prefix.length()) : "";
                Path p = m.getValue().resolve(rest).normalize();
                return p.startsWith(m.getValue()) ? p : null;
            }
        }
        return null;
    }

    static String contentType(String name) {
        String n = name.toLowerCase();
        if (n.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (n.endsWith(".js") || n.endsWith(".mjs")) {
            return "text/javascript; charset=utf-8";
        }
        if (n.endsWith(".wasm")) {
            return "application/wasm";
        }
        if (n.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (n.endsWith(".json") || n.endsWith(".map")) {
            return "application/json";
        }
        if (n.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (n.endsWith(".png")) {
            return "image/png";
        }
        return "application/octet-stream";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        Map<String, Path> mountPoints = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[++i]);
            } else {
                int eq = args[i].indexOf('=');
                mountPoints.put(args[i].substring(0, eq), Path.of(args[i].substring(eq + 1)));
            }
        }
        StaticServer s = new StaticServer(port, mountPoints);
        System.out.println("Petrel playground: " + s.baseUrl() + "/   (Ctrl+C to stop)");
        Thread.currentThread().join();
    }
}
