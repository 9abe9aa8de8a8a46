package dev.petrel.cli;

import dev.petrel.api.PetrelException;
import dev.petrel.api.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .import [--csv|--ascii] [--skip N] FILE TABLE}: loads delimited text into a table, as sqlite3 3.40 does.
 *
 * <p>Separators: CSV ({@code ,} and newline, with {@code "..."} quoting) under {@code --csv} or csv mode, the ASCII
 * unit/record separators under {@code --ascii} or ascii mode, else the current column and row separators. If TABLE
 * does not exist, the first row names its columns ({@code CREATE TABLE "t"(\n"a" TEXT, "b" TEXT)}); otherwise every
 * row is data. A short row is padded with NULLs and a long one cut, each with a warning
 * {@code FILE:LINE: expected N columns but found M - ...} on stderr.
 */
final class CsvImporter {
    private final Shell shell;
    /** Line numbers (1-based) where each parsed row starts, parallel to {@link #parse}'s result. */
    private List<Integer> lineNumbers = new ArrayList<>();

    CsvImporter(Shell shell) {
        this.shell = shell;
    }

    boolean run(List<String> args) {
        boolean csv = shell.settings.mode == Mode.CSV;
        boolean ascii = shell.settings.mode == Mode.ASCII;
        int skip = 0;
        String file = null;
        String table = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--csv") || a.equals("-csv")) {
                csv = true;
                ascii = false;
            } else if (a.equals("--ascii") || a.equals("-ascii")) {
                ascii = true;
                csv = false;
            } else if ((a.equals("--skip") || a.equals("-skip")) && i + 1 < args.size()) {
                skip = Integer.parseInt(args.get(++i));
            } else if (a.startsWith("-")) {
                shell.err.print("ERROR: unknown option: \"" + a + "\".  Usage:\n.import FILE TABLE\n");
                return false;
            } else if (file == null) {
                file = a;
            } else if (table == null) {
                table = a;
            } else {
                shell.err.print("ERROR: extra argument: \"" + a + "\".  Usage:\n.import FILE TABLE\n");
                return false;
            }
        }
        if (file == null || table == null) {
            shell.err.print("ERROR: missing FILE argument. Usage:\n.import FILE TABLE\n");
            return false;
        }
        String text;
        try {
            text = new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            shell.err.print("Error: cannot open \"" + file + "\"\n");
            return false;
        }
        String colSep = csv ? "," : ascii ? "\037" : shell.settings.colSeparator;
        String rowSep = csv ? "\n" : ascii ? "\036" : shell.settings.rowSeparator;
        List<List<String>> rows = parse(text, colSep, rowSep, csv);
        List<Integer> lines = lineNumbers;
        int first = Math.min(skip, rows.size());
        int columns = existingColumns(table);
        try {
            if (columns < 0) {
                if (first >= rows.size()) {
                    return true;
                }
                List<String> header = rows.get(first++);
                StringBuilder create = new StringBuilder("CREATE TABLE ")
                        .append(SqlQuoting.quotedIdentifier(table)).append("(\n");
                for (int i = 0; i < header.size(); i++) {
                    create.append(i > 0 ? ", " : "").append(SqlQuoting.quotedIdentifier(header.get(i))).append(" TEXT");
                }
                shell.connection().exec(create.append(')').toString());
                columns = header.size();
            }
            StringBuilder insert = new StringBuilder("INSERT INTO ").append(SqlQuoting.quotedIdentifier(table))
                    .append(" VALUES(");
            for (int i = 0; i < columns; i++) {
                insert.append(i > 0 ? "," : "").append('?');
            }
            boolean ownTransaction = shell.connection().isAutocommit();
            if (ownTransaction) {
                shell.connection().exec("BEGIN");
            }
            try (Statement ins = shell.connection().prepare(insert.append(')').toString())) {
                for (int r = first; r < rows.size(); r++) {
                    List<String> row = rows.get(r);
                    if (row.size() != columns) {
                        shell.err.print(file + ":" + lines.get(r) + ": expected " + columns + " columns but found "
                                + row.size() + " - " + (row.size() < columns ? "filling the rest with NULL"
                                : "extras ignored") + "\n");
                    }
                    ins.reset();
                    for (int i = 0; i < columns; i++) {
                        ins.bind(i + 1, i < row.size() ? row.get(i) : null);
                    }
                    while (ins.step()) {
                        // an INSERT returns no rows
                    }
                }
            }
            if (ownTransaction) {
                shell.connection().exec("COMMIT");
            }
        } catch (PetrelException e) {
            shell.err.print("Error: " + e.getMessage() + "\n");
            if (!shell.connection().isAutocommit()) {
                shell.connection().exec("ROLLBACK");
            }
            return false;
        }
        return true;
    }

    /** The column count of {@code table}, or -1 if there is no such table. */
    private int existingColumns(String table) {
        try (Statement probe = shell.connection().prepare("SELECT * FROM " + SqlQuoting.quotedIdentifier(table))) {
            return probe.columnCount();
        } catch (PetrelException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("no such table")) {
                return -1;
            }
            throw e;
        }
    }

    /** Splits {@code text} into rows of fields. */
    List<List<String>> parse(String text, String colSep, String rowSep, boolean csv) {
        List<List<String>> rows = new ArrayList<>();
        lineNumbers = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            List<String> row = new ArrayList<>();
            int rowLine = line;
            while (true) {
                StringBuilder field = new StringBuilder();
                if (csv && i < n && text.charAt(i) == '"') {
                    i++;
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                        i++;
                    }
                }
                while (i < n && !text.startsWith(colSep, i) && !text.startsWith(rowSep, i)) {
                    field.append(text.charAt(i++));
                }
                String f = field.toString();
                if (csv && rowSep.equals("\n") && f.endsWith("\r") && (i >= n || text.startsWith(rowSep, i))) {
                    f = f.substring(0, f.length() - 1);
                }
                row.add(f);
                if (i < n && text.startsWith(colSep, i)) {
                    i += colSep.length();
                    continue;
                }
                if (i < n) {
                    i += rowSep.length();
                    if (rowSep.equals("\n")) {
                        line++;
                    }
                }
                break;
            }
            rows.add(row);
            lineNumbers.add(rowLine);
        }
        return rows;
    }
}
