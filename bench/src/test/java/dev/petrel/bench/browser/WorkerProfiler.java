package dev.petrel.bench.browser;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chromium's CPU profiler (DevTools protocol {@code Profiler.*}) in the benchmark's engine workers. Playwright opens
 * CDP sessions on pages only, so this session asks the page's target to auto-attach its workers (non-flattened) and
 * talks to each worker through {@code Target.sendMessageToTarget}. A stopped profile is summarized as the functions
 * with the most self time (wasm functions appear by name when the wasm has a name section).
 */
final class WorkerProfiler implements AutoCloseable {
    private static final int TOP = 15;
    private final Page page;
    private final CDPSession session;
    private final Gson gson = new Gson();
    /** Attached worker sessions: CDP session id -> worker name (the name given to {@code new Worker}). */
    private final Map<String, String> workers = new HashMap<>();
    private final Map<Integer, JsonObject> answers = new HashMap<>();
    private int nextId = 1;

    WorkerProfiler(Page page) {
        this.page = page;
        this.session = page.context().newCDPSession(page);
        session.on("Target.attachedToTarget", ev -> {
            JsonObject info = ev.getAsJsonObject("targetInfo");
            workers.put(ev.get("sessionId").getAsString(), info.get("title").getAsString());
        });
        session.on("Target.detachedFromTarget", ev -> workers.remove(ev.get("sessionId").getAsString()));
        session.on("Target.receivedMessageFromTarget", ev -> {
            JsonObject msg = gson.fromJson(ev.get("message").getAsString(), JsonObject.class);
            if (msg.has("id")) {
                answers.put(msg.get("id").getAsInt(), msg);
            }
        });
        JsonObject attach = new JsonObject();
        attach.addProperty("autoAttach", true);
        attach.addProperty("waitForDebuggerOnStart", false);
        attach.addProperty("flatten", false);
        session.send("Target.setAutoAttach", attach);
    }

    /** The session of the worker whose name contains {@code nameFragment} (waits for it to be attached). */
    private String workerSession(String nameFragment) {
        for (int i = 0; i < 100; i++) {
            for (Map.Entry<String, String> w : workers.entrySet()) {
                if (w.getValue().contains(nameFragment)) {
                    return w.getKey();
                }
            }
            page.waitForTimeout(50);
        }
        throw new IllegalStateException("no worker named like " + nameFragment + " among " + workers.values());
    }

    private JsonObject call(String sessionId, String method, JsonObject params) {
        int id = nextId++;
        JsonObject msg = new JsonObject();
        msg.addProperty("id", id);
        msg.addProperty("method", method);
        msg.add("params", params != null ? params : new JsonObject());
        JsonObject send = new JsonObject();
        send.addProperty("sessionId", sessionId);
        send.addProperty("message", gson.toJson(msg));
        session.send("Target.sendMessageToTarget", send);
        for (int i = 0; i < 1200 && !answers.containsKey(id); i++) {
            page.waitForTimeout(50); // lets Playwright dispatch the CDP events
        }
        JsonObject answer = answers.remove(id);
        if (answer == null || answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer);
        }
        return answer.getAsJsonObject("result");
    }

    /** The worker name of an engine of engines.ts (Petrel's workers are named by petrel-db). */
    private static String workerName(String engine) {
        return switch (engine) {
            case "petrel-memory" -> "petrel::memory:";
            case "petrel-opfs" -> "petrel:bench-petrel.sqlite";
            default -> engine;
        };
    }

    void start(String engine) {
        String s = workerSession(workerName(engine));
        call(s, "Profiler.enable", null);
        JsonObject interval = new JsonObject();
        interval.addProperty("interval", 100);
        call(s, "Profiler.setSamplingInterval", interval);
        call(s, "Profiler.start", null);
    }

    /** Stops the profiler and returns a Markdown summary of the top self-time functions. */
    String stop(String engine, String test, double ratio) {
        String s = workerSession(workerName(engine));
        JsonObject profile = call(s, "Profiler.stop", null).getAsJsonObject("profile");
        call(s, "Profiler.disable", null);
        return summarize(String.format(Locale.ROOT, "%s on %s (ratio %.2f)", test, engine, ratio), profile);
    }

    static String summarize(String title, JsonObject profile) {
        JsonArray nodes = profile.getAsJsonArray("nodes");
        JsonArray samples = profile.getAsJsonArray("samples");
        JsonArray deltas = profile.getAsJsonArray("timeDeltas");
        Map<Integer, String> nameOf = new HashMap<>();
        for (JsonElement e : nodes) {
            JsonObject n = e.getAsJsonObject();
            JsonObject f = n.getAsJsonObject("callFrame");
            String name = f.get("functionName").getAsString();
            String url = f.get("url").getAsString();
            String file = url.substring(url.lastIndexOf('/') + 1);
            nameOf.put(n.get("id").getAsInt(), (name.isEmpty() ? "(anonymous)" : name)
                    + (file.isEmpty() ? "" : " [" + file.replaceAll("-[A-Za-z0-9_-]{8}\\.", ".") + "]"));
        }
        // Self time: each sample's interval goes to the node it hit (time delta of the next sample).
        Map<String, Double> self = new HashMap<>();
        double total = 0;
        double idle = 0;
        for (int i = 0; i < samples.size(); i++) {
            double dt = i + 1 < deltas.size() ? deltas.get(i + 1).getAsDouble() / 1000.0 : 0;
            String name = nameOf.get(samples.get(i).getAsInt());
            if (name.equals("(idle)")) { // waiting for the page's next message
                idle += dt;
                continue;
            }
            self.merge(name, dt, Double::sum);
            total += dt;
        }
        List<Map.Entry<String, Double>> top = new ArrayList<>(self.entrySet());
        top.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### %s: %.0f ms busy, %.0f ms idle%n%n| self ms | %% of busy | function |%n"
                + "|---:|---:|---|%n", title, total, idle));
        for (Map.Entry<String, Double> e : top.subList(0, Math.min(TOP, top.size()))) {
            md.append(String.format(Locale.ROOT, "| %.1f | %.1f | `%s` |%n", e.getValue(), 100 * e.getValue() / total,
                    e.getKey()));
        }
        return md.append('\n').toString();
    }

    @Override
    public void close() {
        session.detach();
    }
}
