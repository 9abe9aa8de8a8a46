package dev.petrel.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code sqlite3} binary and Petrel's shell (in-process) on the same arguments and stdin. */
final class ShellRunner {
    /** What one run printed and returned. */
    record Result(byte[] stdout, String stderr, int exitCode) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit=" + exitCode + "\n--- stdout ---\n" + out() + "--- stderr ---\n" + stderr;
        }
    }

    private ShellRunner() {
    }

    static boolean sqlite3Available() {
        try {
            Process p = new ProcessBuilder("sqlite3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Result sqlite3(Path dir, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("sqlite3");
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getErrorStream(), err));
        drain.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // sqlite3 given SQL arguments never reads stdin and may exit before it is written
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sqlite3 did not finish");
        }
        drain.join();
        return new Result(out, err.toString(StandardCharsets.UTF_8), p.exitValue());
    }

    private static void copy(InputStream in, OutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Result petrel(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, false);
        return new Result(out.toByteArray(), err.toString(StandardCharsets.UTF_8), rc);
    }
}
