package dev.petrel.cli;

import dev.petrel.Petrel;
import dev.petrel.api.PetrelException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code petrel [OPTIONS] [FILENAME [SQL...]]}: the shell's command line, processed as sqlite3 3.40 does.
 *
 * <p>Order of work: every option is applied first (in order, so the last mode option wins, wherever it stands);
 * the first other argument is the database (default {@code :memory:}); then each {@code -cmd} runs (an error stops
 * the shell only under {@code -bail}); then each SQL or dot-command argument runs, and the first error exits with
 * the failing statement's primary result code (1 for a dot-command); with no such arguments, standard input is read to its end and any error makes the status 1. Option
 * values ({@code -separator}, {@code -newline}, {@code -nullvalue}) are taken literally.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // System.out flushes on every write; a buffer keeps large outputs (.dump) fast. Errors flush it first.
        java.io.BufferedOutputStream stdout = new java.io.BufferedOutputStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16);
        int rc = run(args, System.in, stdout, System.err, System.console() != null);
        System.exit(rc);
    }

    /** Runs the shell with the given streams; returns the exit status. */
    public static int run(String[] args, InputStream stdin, OutputStream stdout, OutputStream stderr,
            boolean interactive) {
        Shell shell = new Shell(stdout, stderr);
        try {
            return runShell(shell, args, stdin, interactive);
        } catch (Shell.ExitRequest e) {
            return e.code;
        } catch (UncheckedIOException e) {
            shell.err.print("Error: " + e.getCause().getMessage() + "\n");
            return 1;
        } finally {
            shell.out.flush();
            shell.err.flush();
            shell.closeDatabase();
        }
    }

    private static int runShell(Shell shell, String[] args, InputStream stdin, boolean interactive) {
        Shell.Settings s = shell.settings;
        String file = null;
        List<String> sql = new ArrayList<>();
        List<String> cmds = new ArrayList<>();
        List<String> inits = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-") || a.length() == 1) {
                if (file == null) {
                    file = a;
                } else {
                    sql.add(a);
                }
                continue;
            }
            String opt = a.startsWith("--") ? a.substring(1) : a;
            boolean needsValue = opt.equals("-cmd") || opt.equals("-separator") || opt.equals("-newline")
                    || opt.equals("-nullvalue") || opt.equals("-init");
            if (needsValue && i + 1 >= args.length) {
                shell.err.print("petrel: Error: missing argument to " + a + "\n");
                return 1;
            }
            switch (opt) {
                case "-bail": s.bail = true; break;
                case "-header": s.header = true; s.headerSet = true; break;
                case "-noheader": s.header = false; s.headerSet = true; break;
                case "-cmd": cmds.add(args[++i]); break;
                case "-init": inits.add(args[++i]); break;
                case "-readonly": shell.readOnly = true; break;
                case "-separator": s.colSeparator = args[++i]; break;
                case "-newline": s.rowSeparator = args[++i]; break;
                case "-nullvalue": s.nullValue = args[++i]; break;
                case "-echo": s.echo = true; break;
                case "-batch": interactive = false; break;
                case "-interactive": interactive = true; break;
                case "-list": s.mode = Mode.LIST; break;
                case "-line": s.mode = Mode.LINE; break;
                case "-json": s.mode = Mode.JSON; break;
                case "-html": s.mode = Mode.HTML; break;
                case "-column": s.mode = Mode.COLUMN; break;
                case "-box": s.mode = Mode.BOX; break;
                case "-table": s.mode = Mode.TABLE; break;
                case "-markdown": s.mode = Mode.MARKDOWN; break;
                case "-csv":
                    s.mode = Mode.CSV;
                    s.colSeparator = ",";
                    break;
                case "-quote":
                    s.mode = Mode.QUOTE;
                    s.colSeparator = ",";
                    break;
                case "-tabs":
                    s.mode = Mode.LIST;
                    s.colSeparator = "\t";
                    break;
                case "-ascii":
                    s.mode = Mode.ASCII;
                    s.colSeparator = "\037";
                    s.rowSeparator = "\036";
                    break;
                case "-version":
                    shell.out.print(Petrel.SQLITE_VERSION + " (Petrel " + Petrel.VERSION + ")\n");
                    return 0;
                case "-help":
                    shell.err.print(Help.USAGE);
                    return 1;
                default:
                    shell.err.print("petrel: Error: unknown option: " + a + "\nUse -help for a list of options.\n");
                    return 1;
            }
        }
        String path = file == null ? ":memory:" : file;
        try {
            shell.open(path);
        } catch (PetrelException e) {
            shell.err.print("Error: unable to open database \"" + path + "\": " + e.getMessage() + "\n");
            return 1;
        }
        for (String init : inits) {
            try (InputStream in = new FileInputStream(init)) {
                shell.processInput(in, false);
            } catch (IOException e) {
                shell.err.print("Error: cannot open \"" + init + "\"\n");
            }
        }
        for (String cmd : cmds) {
            if (cmd.startsWith(".") ? !shell.dotCommand(cmd) : !shell.runSql(cmd, 0, false)) {
                if (s.bail) {
                    return cmd.startsWith(".") ? 1 : shell.lastErrorCode;
                }
            }
        }
        if (!sql.isEmpty()) {
            for (String q : sql) {
                if (q.startsWith(".") ? !shell.dotCommand(q) : !shell.runSql(q, 0, false)) {
                    return q.startsWith(".") ? 1 : shell.lastErrorCode;
                }
            }
            return 0;
        }
        if (interactive) {
            shell.out.print("Petrel " + Petrel.VERSION + " (SQLite " + Petrel.SQLITE_VERSION + " dialect)\n"
                    + "Enter \".help\" for usage hints.\n");
        }
        try {
            return shell.processInput(stdin, interactive) > 0 ? 1 : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
