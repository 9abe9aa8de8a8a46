package dev.petrel.cli;

import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.api.Statement;
import dev.petrel.jdbc.PetrelFiles;
import dev.petrel.jdbc.SqlSplitter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One shell session: the open database, the output settings and the input loop, as sqlite3's {@code ShellState}.
 *
 * <p>Input loop (sqlite3's rules): lines are read one at a time; on an empty buffer a line starting with {@code .}
 * is a dot-command and one starting with {@code #} a comment; otherwise lines accumulate (leading whitespace of the
 * first dropped) until a line holding {@code ;} completes the buffer ({@link SqlSplitter#isComplete}). The buffer's
 * statements then run in order; the first error abandons the rest of the buffer and is reported on stderr as
 * {@code Parse error near line N: ...} (it failed to prepare) or {@code Runtime error near line N: ...} (it failed
 * while stepping), N being the buffer's first line, followed for parse errors by the statement and a caret.
 * Statements given as arguments report {@code Error: in prepare, ...} / {@code Error: stepping, ...} instead.
 * A primary result code above 1 is appended as {@code (N)}. With {@code .changes on} (and {@code .timer on}) a line
 * follows each input buffer, not each statement, and none follows statements given as arguments.
 */
final class Shell {
    /** The settings {@code .show} lists and the output modes read. */
    static final class Settings {
        Mode mode = Mode.LIST;
        boolean header;
        /** Whether .headers (or -header/-noheader) chose the header: then .mode column keeps it. */
        boolean headerSet;
        /** {@code .width}: per-column widths of the columnar modes (0 automatic, negative right-aligned). */
        int[] widths = new int[0];
        String colSeparator = "|";
        String rowSeparator = "\n";
        String nullValue = "";
        String insertTable = "table";
        boolean bail;
        boolean echo;
        boolean changes;
        boolean timer;
        /** The {@code .eqp} setting as {@code .show} prints it (off, on, trigger, full). */
        String eqp = "off";
    }

    /** Thrown by {@code .exit}/{@code .quit} to unwind every input level. */
    static final class ExitRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        ExitRequest(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    /** The start line passed for interactive input, whose errors name no line ("Parse error: ..."). */
    private static final int INTERACTIVE = -1;

    final Settings settings = new Settings();
    final TextOut out;
    final PrintStream err;
    private final OutputStream stdout;
    private final DotCommands dot;
    private Database database;
    /** The VFS holding the database when it is in memory, else null. */
    dev.petrel.vfs.MemoryVfs memoryVfs;
    private Connection conn;
    private String fileName;
    boolean readOnly;
    /** The primary result code of the last SQL error (sqlite3 exits with it after a failing SQL argument). */
    int lastErrorCode = 1;
    /** The values {@code .parameter set} gave, bound to every statement. */
    final Parameters parameters = new Parameters();
    /** Set by {@code .once}: output returns to stdout after the next command. */
    boolean onceActive;

    Shell(OutputStream stdout, OutputStream stderr) {
        this.stdout = stdout;
        this.out = new TextOut(stdout, "stdout");
        this.err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        this.dot = new DotCommands(this);
    }

    /** Opens {@code path} (":memory:" or "" for memory), closing the current database. */
    void open(String path) {
        closeDatabase();
        if (PetrelFiles.isMemory(path)) {
            // The shell's own memory VFS: .backup of an in-memory database copies a VACUUM INTO image out of it.
            memoryVfs = new dev.petrel.vfs.MemoryVfs();
            database = dev.petrel.Petrel.open(memoryVfs, dev.petrel.Petrel.MEMORY_PATH);
        } else {
            memoryVfs = null;
            database = PetrelFiles.open(path, readOnly);
        }
        conn = database.connect();
        fileName = path;
    }

    /** The shell's original standard output ({@code .output} with no file returns to it). */
    OutputStream stdout() {
        return stdout;
    }

    Connection connection() {
        if (conn == null) {
            open(":memory:");
        }
        return conn;
    }

    String fileName() {
        return fileName == null ? "" : fileName;
    }

    void closeDatabase() {
        if (conn != null) {
            conn.close();
            database.close();
            conn = null;
            database = null;
        }
    }

    /** Runs a dot-command line; returns false on error. */
    boolean dotCommand(String line) {
        return dot.run(line);
    }

    /**
     * Reads and runs {@code in} to its end (stdin, {@code .read}); returns the number of errors.
     *
     * @param prompts whether to print sqlite3-style prompts (interactive stdin)
     */
    int processInput(InputStream in, boolean prompts) throws IOException {
        int errors = 0;
        int lineNo = 0;
        int startLine = 0;
        StringBuilder sql = new StringBuilder();
        while (true) {
            if (prompts) {
                out.print(sql.length() == 0 ? "petrel> " : "   ...> ");
                out.flush();
            }
            String line = readLine(in);
            if (line == null) {
                break;
            }
            lineNo++;
            if (sql.length() == 0) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith(".") || line.startsWith("#")) {
                    if (settings.echo) {
                        out.print(line).print("\n");
                    }
                    boolean once = onceActive;
                    if (line.startsWith(".") && !dotCommand(line)) {
                        errors++;
                        if (settings.bail) {
                            break;
                        }
                    }
                    if (once) {
                        endOnce();
                    }
                    continue;
                }
                startLine = lineNo;
                sql.append(line.stripLeading());
            } else {
                sql.append('\n').append(line);
            }
            if (line.indexOf(';') >= 0 && SqlSplitter.isComplete(sql.toString())) {
                if (settings.echo) {
                    out.print(sql.toString()).print("\n");
                }
                boolean ok = runSql(sql.toString(), prompts ? INTERACTIVE : startLine, true);
                endOnce();
                if (!ok) {
                    errors++;
                    if (settings.bail) {
                        sql.setLength(0);
                        break;
                    }
                }
                sql.setLength(0);
            }
        }
        if (sql.length() > 0 && !SqlSplitter.isBlank(sql.toString(), 0, sql.length())) {
            if (!runSql(sql.toString(), startLine, true)) {
                errors++;
            }
        }
        out.flush();
        return errors;
    }

    /** One line without its terminating newline, or null at end of input. Bytes are UTF-8. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int c;
        boolean any = false;
        while ((c = in.read()) >= 0) {
            any = true;
            if (c == '\n') {
                break;
            }
            buf.write(c);
        }
        if (!any) {
            return null;
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /**
     * Runs every statement of {@code sql}; returns false (after reporting it) on the first error.
     *
     * @param fromInput whether the text came from an input stream (error prefix "Parse error near line N")
     *     rather than from the command line ("Error: in prepare, ")
     */
    boolean runSql(String sql, int startLine, boolean fromInput) {
        long started = System.nanoTime();
        int pos = 0;
        while (pos < sql.length()) {
            while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
                pos++;
            }
            if (pos >= sql.length()) {
                break;
            }
            int end = SqlSplitter.endOfStatement(sql, pos);
            if (end < 0) {
                end = sql.length();
            }
            String text = sql.substring(pos, end);
            if (SqlSplitter.isBlank(text, 0, text.length())) {
                pos = end;
                continue;
            }
            Statement stmt;
            try {
                stmt = connection().prepare(text);
            } catch (PetrelException e) {
                String context = ErrorContext.of(sql.substring(pos), e.getMessage(), e.errorOffset());
                report(e, "in prepare, ", context, startLine, fromInput);
                return false;
            }
            try {
                parameters.bind(stmt);
                if (!settings.eqp.equals("off") && !QueryPlanTree.isExplain(text)) {
                    printPlanOf(text);
                }
                boolean hasRow = stmt.step();
                if (QueryPlanTree.isQueryPlan(text)) {
                    out.print(QueryPlanTree.render(stmt, hasRow));
                } else if (hasRow) {
                    new ResultPrinter(settings, out).print(stmt);
                }
            } catch (PetrelException e) {
                stmt.close();
                report(e, "stepping, ", "", startLine, fromInput);
                return false;
            }
            stmt.close();
            pos = end;
        }
        if (fromInput && settings.changes) {
            out.print("changes: " + conn.changes() + "   total_changes: " + conn.totalChanges() + "\n");
        }
        if (fromInput && settings.timer) {
            double secs = (System.nanoTime() - started) / 1e9;
            out.print(String.format(java.util.Locale.ROOT, "Run Time: real %.3f user %f sys %f\n", secs, secs, 0.0));
        }
        return true;
    }

    /** After the command following {@code .once}: back to standard output. */
    private void endOnce() {
        if (onceActive) {
            onceActive = false;
            out.redirect(stdout, "stdout", false);
        }
    }

    /** {@code .eqp on}: the plan of {@code text} before it runs (nothing when it has none or cannot be planned). */
    private void printPlanOf(String text) {
        try (Statement eqp = connection().prepare("EXPLAIN QUERY PLAN " + text)) {
            out.print(QueryPlanTree.render(eqp, eqp.step()));
        } catch (PetrelException e) {
            // sqlite3 shows no plan for a statement EXPLAIN QUERY PLAN cannot prepare, and runs it anyway
        }
    }

    private void report(PetrelException e, String phase, String context, int startLine, boolean fromInput) {
        out.flush();
        int primary = e.code().primary().code;
        lastErrorCode = primary;
        String msg = e.getMessage() + (primary > ResultCode.ERROR.code ? " (" + primary + ")" : "") + context;
        if (fromInput) {
            String prefix = phase.startsWith("in prepare") ? "Parse error" : "Runtime error";
            err.print(prefix + (startLine == INTERACTIVE ? "" : " near line " + startLine) + ": " + msg + "\n");
        } else {
            err.print("Error: " + phase + msg + "\n");
        }
        err.flush();
    }
}
