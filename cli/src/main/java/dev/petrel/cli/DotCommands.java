package dev.petrel.cli;

import dev.petrel.api.PetrelException;
import dev.petrel.api.Statement;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shell's dot-commands ({@code .mode}, {@code .tables}, {@code .dump}, ...), with sqlite3 3.40's argument
 * rules (words split on spaces, {@code '...'} taken literally, {@code "..."} with backslash escapes) and its
 * messages for bad usage. {@link #run} returns false when the command failed, which counts as an error.
 */
final class DotCommands {
    private final Shell shell;

    DotCommands(Shell shell) {
        this.shell = shell;
    }

    /** Splits a dot-command line into words. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        int i = 1;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char q = line.charAt(i);
            StringBuilder w = new StringBuilder();
            if (q == '\'' || q == '"') {
                i++;
                while (i < n && line.charAt(i) != q) {
                    if (q == '"' && line.charAt(i) == '\\' && i + 1 < n) {
                        w.append(line.charAt(i++));
                    }
                    w.append(line.charAt(i++));
                }
                i++;
                out.add(q == '"' ? unescape(w.toString()) : w.toString());
            } else {
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    w.append(line.charAt(i++));
                }
                out.add(w.toString());
            }
        }
        return out;
    }

    /** Resolves C-style backslash escapes: \t \n \r \" \' \\ and octal \NNN. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'a': sb.append('\007'); break;
                case 'b': sb.append('\b'); break;
                case 't': sb.append('\t'); break;
                case 'n': sb.append('\n'); break;
                case 'v': sb.append('\013'); break;
                case 'f': sb.append('\f'); break;
                case 'r': sb.append('\r'); break;
                case '"': sb.append('"'); break;
                case '\'': sb.append('\''); break;
                case '\\': sb.append('\\'); break;
                default:
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int k = 0;
                        while (k < 2 && i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7') {
                            v = v * 8 + (s.charAt(++i) - '0');
                            k++;
                        }
                        sb.append((char) v);
                    } else {
                        sb.append('\\').append(e);
                    }
            }
        }
        return sb.toString();
    }

    /** sqlite3's {@code output_c_string}: a double-quoted string with C escapes. */
    static String cQuoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\': sb.append("\\\\"); break;
                case '"': sb.append("\\\""); break;
                case '\t': sb.append("\\t"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                default:
                    if (c < 0x20 || c == 0x7f) {
                        sb.append('\\').append(String.format("%03o", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }

    private boolean usage(String text) {
        shell.err.print(text + "\n");
        return false;
    }

    private Boolean bool(String w) {
        switch (w.toLowerCase(Locale.ROOT)) {
            case "on": case "yes": case "true": case "1":
                return true;
            case "off": case "no": case "false": case "0":
                return false;
            default:
                shell.err.print("ERROR: Not a boolean value: \"" + w + "\". Assuming \"no\".\n");
                return false;
        }
    }

    /** Runs one dot-command line; false if it failed. */
    boolean run(String line) {
        List<String> a = words(line);
        if (a.isEmpty()) {
            return true;
        }
        String cmd = a.get(0);
        Shell.Settings s = shell.settings;
        try {
            switch (cmd) {
                case "bail":
                case "changes":
                case "echo":
                case "headers":
                case "timer": {
                    if (a.size() != 2) {
                        return usage("Usage: ." + cmd + " on|off");
                    }
                    boolean v = bool(a.get(1));
                    if (cmd.equals("bail")) {
                        s.bail = v;
                    } else if (cmd.equals("changes")) {
                        s.changes = v;
                    } else if (cmd.equals("echo")) {
                        s.echo = v;
                    } else if (cmd.equals("headers")) {
                        s.header = v;
                        s.headerSet = true;
                    } else {
                        s.timer = v;
                    }
                    return true;
                }
                case "mode":
                    return mode(a);
                case "parameter":
                    return shell.parameters.run(shell, a);
                case "eqp":
                    if (a.size() != 2) {
                        return usage("Usage: .eqp off|on|trace|trigger|full");
                    }
                    s.eqp = switch (a.get(1)) {
                        case "full", "trigger", "trace" -> a.get(1);
                        default -> bool(a.get(1)) ? "on" : "off";
                    };
                    return true;
                case "nullvalue":
                    if (a.size() != 2) {
                        return usage("Usage: .nullvalue STRING");
                    }
                    s.nullValue = a.get(1);
                    return true;
                case "separator":
                    if (a.size() < 2 || a.size() > 3) {
                        return usage("Usage: .separator COL ?ROW?");
                    }
                    s.colSeparator = unescape(a.get(1));
                    if (a.size() == 3) {
                        s.rowSeparator = unescape(a.get(2));
                    }
                    return true;
                case "show":
                    return show();
                case "print":
                    shell.out.print(String.join(" ", a.subList(1, a.size())) + "\n");
                    return true;
                case "databases":
                    return Catalog.databases(shell);
                case "tables":
                case "indexes":
                case "indices":
                    return Catalog.listNames(shell, cmd.equals("tables"), a.size() > 1 ? a.get(1) : null);
                case "schema": {
                    boolean indent = a.remove("--indent");
                    return Catalog.schema(shell, a.size() > 1 ? a.get(1) : null, indent);
                }
                case "dump":
                    return new Dumper(shell).dump(a.subList(1, a.size()));
                case "import":
                    return new CsvImporter(shell).run(a.subList(1, a.size()));
                case "read":
                    return read(a);
                case "output":
                    return output(a);
                case "once":
                    if (a.size() != 2) {
                        return usage("Usage: .once [-e|-x|FILE]");
                    }
                    if (output(a)) {
                        shell.onceActive = true;
                        return true;
                    }
                    return false;
                case "backup":
                case "save":
                    return backup(cmd, a);
                case "open":
                    return open(a);
                case "help":
                    shell.out.print(Help.TEXT);
                    return true;
                case "quit":
                    throw new Shell.ExitRequest(0);
                case "exit":
                    throw new Shell.ExitRequest(a.size() > 1 ? parseIntPrefix(a.get(1)) : 0);
                case "width": {
                    int[] w = new int[a.size() - 1];
                    for (int i = 1; i < a.size(); i++) {
                        w[i - 1] = parseIntPrefix(a.get(i));
                    }
                    s.widths = w;
                    return true;
                }
                default:
                    shell.err.print("Error: unknown command or invalid arguments:  \"" + cmd
                            + "\". Enter \".help\" for help\n");
                    return false;
            }
        } catch (PetrelException e) {
            shell.err.print("Error: " + e.getMessage() + "\n");
            return false;
        }
    }

    private static int parseIntPrefix(String w) {
        int i = 0;
        int sign = 1;
        if (i < w.length() && (w.charAt(i) == '-' || w.charAt(i) == '+')) {
            sign = w.charAt(i) == '-' ? -1 : 1;
            i++;
        }
        long v = 0;
        while (i < w.length() && Character.isDigit(w.charAt(i)) && v < Integer.MAX_VALUE) {
            v = v * 10 + (w.charAt(i++) - '0');
        }
        return (int) (sign * v);
    }

    private boolean mode(List<String> a) {
        Shell.Settings s = shell.settings;
        if (a.size() == 1) {
            shell.out.print("current output mode: " + modeDescription() + "\n");
            return true;
        }
        String w = a.get(1);
        Mode m = w.equals("tabs") ? Mode.TABS : Mode.byWord(w);
        if (m == null) {
            return usage("Error: mode should be one of: ascii box column csv html insert json line list markdown "
                    + "qbox quote table tabs tcl");
        }
        switch (m) {
            case LIST:
                s.colSeparator = "|";
                s.rowSeparator = "\n";
                break;
            case TABS:
                s.colSeparator = "\t";
                break;
            case CSV:
                s.colSeparator = ",";
                s.rowSeparator = "\r\n";
                break;
            case QUOTE:
                s.colSeparator = ",";
                s.rowSeparator = "\n";
                break;
            case ASCII:
                s.colSeparator = "\037";
                s.rowSeparator = "\036";
                break;
            case LINE:
                s.rowSeparator = "\n";
                break;
            case COLUMN:
                s.rowSeparator = "\n";
                s.header |= !s.headerSet;
                break;
            case INSERT:
                s.insertTable = a.size() > 2 ? a.get(2) : "table";
                break;
            default:
                break;
        }
        s.mode = m == Mode.TABS ? Mode.LIST : m;
        return true;
    }

    private String modeDescription() {
        Mode m = shell.settings.mode;
        return m.word + (m.columnar() ? " --wrap 60 --wordwrap off --noquote" : "");
    }

    private boolean show() {
        Shell.Settings s = shell.settings;
        StringBuilder sb = new StringBuilder();
        row(sb, "echo", s.echo ? "on" : "off");
        row(sb, "eqp", s.eqp);
        row(sb, "explain", "auto");
        row(sb, "headers", s.header ? "on" : "off");
        row(sb, "mode", modeDescription());
        row(sb, "nullvalue", cQuoted(s.nullValue));
        row(sb, "output", shell.out.name());
        row(sb, "colseparator", cQuoted(s.colSeparator));
        row(sb, "rowseparator", cQuoted(s.rowSeparator));
        row(sb, "stats", "off");
        StringBuilder widths = new StringBuilder();
        for (int w : s.widths) {
            widths.append(w).append(' ');
        }
        row(sb, "width", widths.toString());
        row(sb, "filename", shell.fileName());
        shell.out.print(sb.toString());
        return true;
    }

    private static void row(StringBuilder sb, String label, String value) {
        sb.append(" ".repeat(Math.max(0, 12 - label.length()))).append(label).append(": ").append(value).append('\n');
    }

    private boolean read(List<String> a) {
        if (a.size() != 2) {
            return usage("Usage: .read FILE");
        }
        try (InputStream in = new FileInputStream(a.get(1))) {
            return shell.processInput(in, false) == 0;
        } catch (IOException e) {
            shell.err.print("Error: cannot open \"" + a.get(1) + "\"\n");
            return false;
        }
    }

    private boolean output(List<String> a) {
        if (a.size() > 2) {
            return usage("Usage: .output [-e|-x|FILE]");
        }
        if (a.size() == 1 || a.get(1).equals("stdout")) {
            shell.out.redirect(shell.stdout(), "stdout", false);
            return true;
        }
        try {
            shell.out.redirect(new FileOutputStream(a.get(1)), a.get(1), true);
            return true;
        } catch (IOException e) {
            shell.err.print("Error: cannot write to \"" + a.get(1) + "\"\n");
            return false;
        }
    }

    /**
     * {@code .backup ?DB? FILE} and {@code .save FILE}: a page-for-page copy of the main database in FILE,
     * replacing it.
     */
    private boolean backup(String cmd, List<String> a) {
        String file = null;
        String db = "main";
        for (String w : a.subList(1, a.size())) {
            if (w.startsWith("-")) {
                continue; // --append / --async: nothing to do for a copy written in one piece
            } else if (file == null) {
                file = w;
            } else if (db.equals("main")) {
                db = file;
                file = w;
            } else {
                return usage("Usage: .backup ?DB? ?OPTIONS? FILENAME");
            }
        }
        if (file == null) {
            return usage("missing FILENAME argument on ." + cmd);
        }
        if (!db.equals("main")) {
            shell.err.print("Error: unknown database " + db + "\n");
            return false;
        }
        // The pages as they are (as sqlite3's backup copies them): the in-memory image, or the file once a WAL
        // has been checkpointed into it.
        byte[] image;
        if (shell.memoryVfs != null) {
            shell.connection();
            image = shell.memoryVfs.snapshot(dev.petrel.Petrel.MEMORY_PATH);
        } else {
            query(shell, "PRAGMA wal_checkpoint(TRUNCATE)");
            try {
                image = java.nio.file.Files.readAllBytes(new File(shell.fileName()).toPath());
            } catch (IOException e) {
                shell.err.print("Error: cannot read \"" + shell.fileName() + "\"\n");
                return false;
            }
        }
        try (FileOutputStream f = new FileOutputStream(file)) {
            f.write(image == null ? new byte[0] : image);
        } catch (IOException e) {
            shell.err.print("Error: cannot write to \"" + file + "\"\n");
            return false;
        }
        return true;
    }

    private boolean open(List<String> a) {
        String file = null;
        boolean fresh = false;
        boolean readOnly = false;
        for (String w : a.subList(1, a.size())) {
            if (w.equals("--new") || w.equals("-new")) {
                fresh = true;
            } else if (w.equals("--readonly") || w.equals("-readonly")) {
                readOnly = true;
            } else if (w.startsWith("-")) {
                shell.err.print("unknown option: " + w + "\n");
                return false;
            } else if (file == null) {
                file = w;
            } else {
                shell.err.print("extra argument: \"" + w + "\"\n");
                return false;
            }
        }
        if (fresh && file != null) {
            new File(file).delete();
        }
        shell.readOnly = readOnly;
        try {
            shell.open(file == null ? ":memory:" : file);
        } catch (PetrelException e) {
            shell.err.print("Error: unable to open database \"" + file + "\": " + e.getMessage() + "\n");
            return false;
        }
        return true;
    }

    /** Runs {@code sql} and returns every row's values (a helper for the catalogue commands). */
    static List<Object[]> query(Shell shell, String sql, Object... params) {
        List<Object[]> rows = new ArrayList<>();
        try (Statement st = shell.connection().prepare(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.bind(i + 1, params[i]);
            }
            while (st.step()) {
                Object[] r = new Object[st.columnCount()];
                for (int i = 0; i < r.length; i++) {
                    r[i] = st.columnValue(i);
                }
                rows.add(r);
            }
        }
        return rows;
    }
}
