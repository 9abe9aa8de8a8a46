package dev.petrel.cli;

import dev.petrel.api.ColumnType;
import dev.petrel.api.Statement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the rows of one statement in the shell's current {@link Mode}, byte for byte as sqlite3 3.40 does.
 *
 * <p>Value text per mode: list, tabs, csv, line, html and the columnar modes print {@code sqlite3_column_text}
 * cut at the first NUL (C's {@code %s}), NULL as the null value; quote and insert print SQL literals with REALs as
 * {@link RealFormat#altForm20}; json prints JSON with REALs the same way (infinities as {@code 1e999}). Headers
 * appear only above a first row, so a query without rows prints nothing.
 */
final class ResultPrinter {
    private static final byte[] NL = {'\n'};
    /** The {@code --wrap} width of the columnar modes (sqlite3's default). */
    static final int WRAP_WIDTH = 60;
    private final Shell.Settings s;
    private final TextOut out;

    ResultPrinter(Shell.Settings settings, TextOut out) {
        this.s = settings;
        this.out = out;
    }

    /** Prints every row of {@code stmt}, which has just produced its first row. */
    void print(Statement stmt) {
        if (s.mode.columnar()) {
            printColumnar(stmt);
            return;
        }
        int n = stmt.columnCount();
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = stmt.columnName(i);
        }
        int row = 0;
        do {
            printRow(stmt, names, row++);
        } while (stmt.step());
        if (s.mode == Mode.JSON) {
            out.print("]\n");
        }
    }

    private void printRow(Statement stmt, String[] names, int row) {
        int n = names.length;
        switch (s.mode) {
            case LINE: {
                int w = 5;
                for (String name : names) {
                    w = Math.max(w, utf8Length(name));
                }
                if (row > 0) {
                    out.print(s.rowSeparator);
                }
                for (int i = 0; i < n; i++) {
                    out.print(" ".repeat(Math.max(0, w - utf8Length(names[i])))).print(names[i]).print(" = ");
                    out.write(plain(stmt, i)).write(NL);
                }
                break;
            }
            case CSV:
                if (row == 0 && s.header) {
                    for (int i = 0; i < n; i++) {
                        csvField(SqlQuoting.cString(names[i]));
                        out.print(i < n - 1 ? s.colSeparator : s.rowSeparator);
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (stmt.columnType(i) == ColumnType.NULL) {
                        out.print(s.nullValue);
                    } else {
                        csvField(plain(stmt, i));
                    }
                    out.print(i < n - 1 ? s.colSeparator : s.rowSeparator);
                }
                break;
            case QUOTE:
                if (row == 0 && s.header) {
                    for (int i = 0; i < n; i++) {
                        out.print(SqlQuoting.quoteText(names[i])).print(i < n - 1 ? s.colSeparator : s.rowSeparator);
                    }
                }
                for (int i = 0; i < n; i++) {
                    out.print(SqlQuoting.literal(stmt, i, false)).print(i < n - 1 ? s.colSeparator : s.rowSeparator);
                }
                break;
            case INSERT: {
                StringBuilder head = new StringBuilder("INSERT INTO ").append(SqlQuoting.identifier(s.insertTable));
                if (s.header) {
                    head.append('(');
                    for (int i = 0; i < n; i++) {
                        head.append(i > 0 ? "," : "").append(SqlQuoting.identifier(names[i]));
                    }
                    head.append(')');
                }
                out.print(head.append(" VALUES(").toString());
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.print(",");
                    }
                    out.print(SqlQuoting.literal(stmt, i, true));
                }
                out.print(");\n");
                break;
            }
            case JSON:
                out.print(row == 0 ? "[{" : ",\n{");
                for (int i = 0; i < n; i++) {
                    jsonString(SqlQuoting.cString(names[i]));
                    out.print(":");
                    jsonValue(stmt, i);
                    if (i < n - 1) {
                        out.print(",");
                    }
                }
                out.print("}");
                break;
            case HTML:
                if (row == 0 && s.header) {
                    out.print("<TR>");
                    for (String name : names) {
                        out.print("<TH>").write(htmlEscape(name.getBytes(StandardCharsets.UTF_8))).print("</TH>\n");
                    }
                    out.print("</TR>\n");
                }
                out.print("<TR>");
                for (int i = 0; i < n; i++) {
                    out.print("<TD>").write(htmlEscape(plain(stmt, i))).print("</TD>\n");
                }
                out.print("</TR>\n");
                break;
            default: // LIST, TABS, ASCII
                if (row == 0 && s.header) {
                    for (int i = 0; i < n; i++) {
                        out.write(SqlQuoting.cString(names[i])).print(i < n - 1 ? s.colSeparator : s.rowSeparator);
                    }
                }
                for (int i = 0; i < n; i++) {
                    out.write(plain(stmt, i)).print(i < n - 1 ? s.colSeparator : s.rowSeparator);
                }
                break;
        }
    }

    /** {@code sqlite3_column_text} cut at NUL, or the null value. */
    private byte[] plain(Statement stmt, int i) {
        int type = stmt.columnType(i);
        if (type == ColumnType.NULL) {
            return s.nullValue.getBytes(StandardCharsets.UTF_8);
        }
        if (type == ColumnType.BLOB) {
            return SqlQuoting.cString(stmt.columnBlob(i));
        }
        return SqlQuoting.cString(stmt.columnText(i));
    }

    private void jsonValue(Statement stmt, int i) {
        switch (stmt.columnType(i)) {
            case ColumnType.NULL:
                out.print("null");
                break;
            case ColumnType.INTEGER:
                out.print(stmt.columnText(i));
                break;
            case ColumnType.FLOAT: {
                double d = stmt.columnDouble(i);
                out.print(Double.isInfinite(d) ? (d > 0 ? "1e999" : "-1e999") : RealFormat.altForm20(d));
                break;
            }
            case ColumnType.BLOB:
                jsonString(stmt.columnBlob(i));
                break;
            default:
                jsonString(SqlQuoting.cString(stmt.columnText(i)));
                break;
        }
    }

    /** A JSON string of raw bytes: quote, backslash and control bytes escaped, other bytes as they are. */
    private void jsonString(byte[] b) {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(b.length + 2);
        buf.write('"');
        for (byte x : b) {
            int c = x & 0xff;
            String esc = null;
            if (c == '"' || c == '\\') {
                esc = "\\" + (char) c;
            } else if (c == '\b') {
                esc = "\\b";
            } else if (c == '\f') {
                esc = "\\f";
            } else if (c == '\n') {
                esc = "\\n";
            } else if (c == '\r') {
                esc = "\\r";
            } else if (c == '\t') {
                esc = "\\t";
            } else if (c < 0x20) {
                esc = String.format("\\u%04x", c);
            }
            if (esc != null) {
                buf.writeBytes(esc.getBytes(StandardCharsets.US_ASCII));
            } else {
                buf.write(c);
            }
        }
        buf.write('"');
        out.write(buf.toByteArray());
    }

    /** A CSV field, quoted when it is empty, holds the separator, a quote, space, control or non-ASCII byte. */
    private void csvField(byte[] b) {
        boolean quote = b.length == 0 || new String(b, StandardCharsets.ISO_8859_1).contains(s.colSeparator);
        for (byte x : b) {
            int c = x & 0xff;
            if (c <= ' ' || c == '"' || c == '\'' || c >= 0x7f) {
                quote = true;
                break;
            }
        }
        if (!quote) {
            out.write(b);
            return;
        }
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(b.length + 4);
        buf.write('"');
        for (byte x : b) {
            if (x == '"') {
                buf.write('"');
            }
            buf.write(x);
        }
        buf.write('"');
        out.write(buf.toByteArray());
    }

    /** HTML-escapes {@code < & > " '} and leaves every other byte as it is. */
    private static byte[] htmlEscape(byte[] t) {
        java.io.ByteArrayOutputStream sb = new java.io.ByteArrayOutputStream(t.length + 8);
        for (byte c : t) {
            String esc = c == '<' ? "&lt;" : c == '&' ? "&amp;" : c == '>' ? "&gt;" : c == '"' ? "&quot;"
                    : c == '\'' ? "&#39;" : null;
            if (esc != null) {
                sb.writeBytes(esc.getBytes(StandardCharsets.US_ASCII));
            } else {
                sb.write(c);
            }
        }
        return sb.toByteArray();
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Display width as sqlite3 3.40 counts it, both to size a column and to pad a cell: the bytes that are not UTF-8
     * continuation bytes (so a stray continuation byte in a blob counts nothing), with no wide-character table.
     */
    static int displayWidth(byte[] b) {
        int n = 0;
        for (byte x : b) {
            if ((x & 0xc0) != 0x80) {
                n++;
            }
        }
        return n;
    }

    /**
     * The display lines of a cell in the columnar modes: tabs expand to the next multiple of 8, any other control
     * byte ends the line (and is dropped; {@code \r\n} counts as one), and a line is cut at {@link #WRAP_WIDTH}
     * characters.
     */
    static List<byte[]> displayLines(byte[] text) {
        return displayLines(text, WRAP_WIDTH);
    }

    /** {@link #displayLines(byte[])} cut at {@code wrap} characters (a {@code .width} column's own width). */
    static List<byte[]> displayLines(byte[] text, int wrap) {
        List<byte[]> lines = new ArrayList<>();
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        int width = 0;
        int i = 0;
        while (i < text.length) {
            int c = text[i] & 0xff;
            if (c == '\t') {
                do {
                    line.write(' ');
                    width++;
                } while ((width & 7) != 0 && width < wrap);
                i++;
            } else if (c < ' ') {
                i += c == '\r' && i + 1 < text.length && text[i + 1] == '\n' ? 2 : 1;
                lines.add(line.toByteArray());
                line.reset();
                width = 0;
                if (i >= text.length) {
                    return lines;
                }
                continue;
            } else {
                if ((c & 0xc0) != 0x80) {
                    width++;
                }
                line.write(text[i++]);
            }
            if (width >= wrap && i < text.length) {
                lines.add(line.toByteArray());
                line.reset();
                width = 0;
            }
        }
        lines.add(line.toByteArray());
        return lines;
    }

    /** Columns of the columnar result being printed that {@code .width} right-aligns. */
    private boolean[] rightAligned;

    private void printColumnar(Statement stmt) {
        int n = stmt.columnCount();
        byte[][] names = new byte[n][];
        int[] widths = new int[n];
        // .width: a column given a width is at least that wide and wraps there; a negative one is right-aligned.
        if (s.widths.length < n) {
            s.widths = java.util.Arrays.copyOf(s.widths, n);
        }
        int[] wrap = new int[n];
        rightAligned = new boolean[n];
        for (int i = 0; i < n; i++) {
            int w = s.widths[i];
            rightAligned[i] = w < 0;
            wrap[i] = w == 0 ? WRAP_WIDTH : Math.abs(w);
            names[i] = displayLines(stmt.columnName(i).getBytes(StandardCharsets.UTF_8), wrap[i]).get(0);
            widths[i] = Math.max(Math.abs(w), displayWidth(names[i]));
        }
        List<List<byte[][]>> rows = new ArrayList<>();
        boolean multiLine = false;
        do {
            List<List<byte[]>> cells = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < n; i++) {
                List<byte[]> lines = displayLines(plain(stmt, i), wrap[i]);
                for (byte[] l : lines) {
                    widths[i] = Math.max(widths[i], displayWidth(l));
                }
                height = Math.max(height, lines.size());
                cells.add(lines);
            }
            multiLine |= height > 1;
            List<byte[][]> physical = new ArrayList<>();
            for (int k = 0; k < height; k++) {
                byte[][] r = new byte[n][];
                for (int i = 0; i < n; i++) {
                    r[i] = k < cells.get(i).size() ? cells.get(i).get(k) : new byte[0];
                }
                physical.add(r);
            }
            rows.add(physical);
        } while (stmt.step());
        switch (s.mode) {
            case COLUMN:
                if (s.header) {
                    line(names, widths, "", "  ", "", false);
                    byte[][] dashes = new byte[n][];
                    for (int i = 0; i < n; i++) {
                        dashes[i] = "-".repeat(widths[i]).getBytes(StandardCharsets.US_ASCII);
                    }
                    line(dashes, widths, "", "  ", "", false);
                }
                body(rows, widths, "", "  ", "", multiLine ? "\n" : null);
                break;
            case BOX:
                out.print(rule(widths, "┌─", "─┬─", "─┐", "─"));
                line(names, widths, "│ ", " │ ", " │", true);
                out.print(rule(widths, "├─", "─┼─", "─┤", "─"));
                body(rows, widths, "│ ", " │ ", " │", multiLine ? rule(widths, "├─", "─┼─", "─┤", "─") : null);
                out.print(rule(widths, "└─", "─┴─", "─┘", "─"));
                break;
            case TABLE:
                out.print(rule(widths, "+-", "-+-", "-+", "-"));
                line(names, widths, "| ", " | ", " |", true);
                out.print(rule(widths, "+-", "-+-", "-+", "-"));
                body(rows, widths, "| ", " | ", " |", multiLine ? rule(widths, "+-", "-+-", "-+", "-") : null);
                out.print(rule(widths, "+-", "-+-", "-+", "-"));
                break;
            default: // MARKDOWN
                line(names, widths, "| ", " | ", " |", true);
                out.print(rule(widths, "|-", "-|-", "-|", "-"));
                body(rows, widths, "| ", " | ", " |", null);
                break;
        }
    }

    /** The data rows; {@code between} (if any) separates rows once some row spans several lines. */
    private void body(List<List<byte[][]>> rows, int[] widths, String left, String mid, String right,
            String between) {
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0 && between != null) {
                out.print(between);
            }
            for (byte[][] physical : rows.get(r)) {
                line(physical, widths, left, mid, right, false);
            }
        }
    }

    private void line(byte[][] cells, int[] widths, String left, String mid, String right, boolean center) {
        java.io.ByteArrayOutputStream sb = new java.io.ByteArrayOutputStream();
        sb.writeBytes(left.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < cells.length; i++) {
            int pad = Math.max(0, widths[i] - displayWidth(cells[i]));
            int before = center ? pad / 2 : rightAligned != null && rightAligned[i] ? pad : 0;
            sb.writeBytes(" ".repeat(before).getBytes(StandardCharsets.US_ASCII));
            sb.writeBytes(cells[i]);
            sb.writeBytes(" ".repeat(pad - before).getBytes(StandardCharsets.US_ASCII));
            sb.writeBytes((i < cells.length - 1 ? mid : right).getBytes(StandardCharsets.UTF_8));
        }
        sb.write('\n');
        out.write(sb.toByteArray());
    }

    private static String rule(int[] widths, String left, String mid, String right, String fill) {
        StringBuilder sb = new StringBuilder(left);
        for (int i = 0; i < widths.length; i++) {
            sb.append(fill.repeat(widths[i])).append(i < widths.length - 1 ? mid : right);
        }
        return sb.append('\n').toString();
    }
}
