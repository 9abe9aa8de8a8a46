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
                        out.print("<TH>").print(htmlEscape(name)).print("</TH>\n");
                    }
                    out.print("</TR>\n");
                }
                out.print("<TR>");
                for (int i = 0; i < n; i++) {
                    out.print("<TD>").print(htmlEscape(new String(plain(stmt, i), StandardCharsets.UTF_8)))
                            .print("</TD>\n");
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

    private static String htmlEscape(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '<':
                    sb.append("&lt;");
                    break;
                case '&':
                    sb.append("&amp;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                case '\'':
                    sb.append("&#39;");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Display width: one per code point, two for East Asian wide and full-width ones. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += (cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
                    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f)
                    || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6)
                    || (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x20000 && cp <= 0x3fffd))) ? 2 : 1;
        }
        return w;
    }

    /**
     * The display lines of a cell in the columnar modes: tabs expand to the next multiple of 8, any other control
     * character ends the line (and is dropped), and a line is cut at {@link #WRAP_WIDTH} columns.
     */
    static List<String> displayLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int width = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (cp == '\t') {
                do {
                    line.append(' ');
                    width++;
                } while ((width & 7) != 0 && width < WRAP_WIDTH);
                i++;
            } else if (cp < ' ') {
                i += cp == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                lines.add(line.toString());
                line.setLength(0);
                width = 0;
                if (i >= text.length()) {
                    return lines;
                }
                continue;
            } else {
                line.appendCodePoint(cp);
                width += displayWidth(new String(Character.toChars(cp)));
                i += Character.charCount(cp);
            }
            if (width >= WRAP_WIDTH && i < text.length()) {
                lines.add(line.toString());
                line.setLength(0);
                width = 0;
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private void printColumnar(Statement stmt) {
        int n = stmt.columnCount();
        String[] names = new String[n];
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            names[i] = displayLines(stmt.columnName(i)).get(0);
            widths[i] = displayWidth(names[i]);
        }
        List<List<String[]>> rows = new ArrayList<>();
        boolean multiLine = false;
        do {
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < n; i++) {
                List<String> lines = displayLines(new String(plain(stmt, i), StandardCharsets.UTF_8));
                for (String l : lines) {
                    widths[i] = Math.max(widths[i], displayWidth(l));
                }
                height = Math.max(height, lines.size());
                cells.add(lines);
            }
            multiLine |= height > 1;
            List<String[]> physical = new ArrayList<>();
            for (int k = 0; k < height; k++) {
                String[] r = new String[n];
                for (int i = 0; i < n; i++) {
                    r[i] = k < cells.get(i).size() ? cells.get(i).get(k) : "";
                }
                physical.add(r);
            }
            rows.add(physical);
        } while (stmt.step());
        switch (s.mode) {
            case COLUMN:
                if (s.header) {
                    line(names, widths, "", "  ", "", false);
                    String[] dashes = new String[n];
                    for (int i = 0; i < n; i++) {
                        dashes[i] = "-".repeat(widths[i]);
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
    private void body(List<List<String[]>> rows, int[] widths, String left, String mid, String right,
            String between) {
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0 && between != null) {
                out.print(between);
            }
            for (String[] physical : rows.get(r)) {
                line(physical, widths, left, mid, right, false);
            }
        }
    }

    private void line(String[] cells, int[] widths, String left, String mid, String right, boolean center) {
        StringBuilder sb = new StringBuilder(left);
        for (int i = 0; i < cells.length; i++) {
            int pad = Math.max(0, widths[i] - displayWidth(cells[i]));
            int before = center ? pad / 2 : 0;
            sb.append(" ".repeat(before)).append(cells[i]).append(" ".repeat(pad - before));
            sb.append(i < cells.length - 1 ? mid : right);
        }
        out.print(sb.append('\n').toString());
    }

    private static String rule(int[] widths, String left, String mid, String right, String fill) {
        StringBuilder sb = new StringBuilder(left);
        for (int i = 0; i < widths.length; i++) {
            sb.append(fill.repeat(widths[i])).append(i < widths.length - 1 ? mid : right);
        }
        return sb.append('\n').toString();
    }
}
