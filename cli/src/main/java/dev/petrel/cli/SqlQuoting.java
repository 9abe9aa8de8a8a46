package dev.petrel.cli;

import dev.petrel.api.ColumnType;
import dev.petrel.api.Statement;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Literal and identifier quoting shared by the quote and insert modes, {@code .dump} and {@code .schema}. */
final class SqlQuoting {
    /** 2^63: integral reals below it print as {@code <integer>.0} in insert mode. */
    private static final double TWO_TO_63 = 0x1p63;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** SQLite's keywords: an identifier equal to one of them must be quoted. */
    private static final Set<String> KEYWORDS = new HashSet<>(Arrays.asList(("ABORT ACTION ADD AFTER ALL ALTER "
            + "ALWAYS ANALYZE AND AS ASC ATTACH AUTOINCREMENT BEFORE BEGIN BETWEEN BY CASCADE CASE CAST CHECK COLLATE "
            + "COLUMN COMMIT CONFLICT CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP "
            + "DATABASE DEFAULT DEFERRABLE DEFERRED DELETE DESC DETACH DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT "
            + "EXCLUDE EXCLUSIVE EXISTS EXPLAIN FAIL FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB "
            + "GROUP GROUPS HAVING IF IGNORE IMMEDIATE IN INDEX INDEXED INITIALLY INNER INSERT INSTEAD INTERSECT INTO "
            + "IS ISNULL JOIN KEY LAST LEFT LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL NULLS OF "
            + "OFFSET ON OR ORDER OTHERS OUTER OVER PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE RANGE "
            + "RECURSIVE REFERENCES REGEXP REINDEX RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT ROLLBACK ROW ROWS "
            + "SAVEPOINT SELECT SET TABLE TEMP TEMPORARY THEN TIES TO TRANSACTION TRIGGER UNBOUNDED UNION UNIQUE "
            + "UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN WHERE WINDOW WITH WITHOUT").split(" ")));

    private SqlQuoting() {
    }

    /** {@code 'text'} with quotes doubled (newlines kept raw, as quote mode prints them). */
    static String quoteText(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * {@code 'text'} for insert mode and {@code .dump}: a literal newline or carriage return is written as the
     * escape {@code \n}/{@code \r} wrapped in {@code replace(...,'\n',char(10))} so the statement stays on one line.
     */
    static String quoteTextEscaped(String s) {
        boolean nl = s.indexOf('\n') >= 0;
        boolean cr = s.indexOf('\r') >= 0;
        if (!nl && !cr) {
            return quoteText(s);
        }
        String body = s.replace("'", "''");
        if (nl) {
            body = body.replace("\n", "\\n");
        }
        if (cr) {
            body = body.replace("\r", "\\r");
        }
        String out = "'" + body + "'";
        if (nl) {
            out = "replace(" + out + ",'\\n',char(10))";
        }
        if (cr) {
            out = "replace(" + out + ",'\\r',char(13))";
        }
        return out;
    }

    /** {@code X'hex'} with lower-case digits, as sqlite3 writes blobs. */
    static String blobLiteral(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2 + 3).append("X'");
        for (byte x : b) {
            sb.append(HEX[(x >> 4) & 0xf]).append(HEX[x & 0xf]);
        }
        return sb.append('\'').toString();
    }

    /** Whether {@code name} can be written bare: a non-keyword identifier of letters, digits and underscores. */
    static boolean isPlainIdentifier(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 0x80 && (Character.isLetterOrDigit(c) || c == '_'))) {
                return false;
            }
        }
        return !KEYWORDS.contains(name.toUpperCase(Locale.ROOT));
    }

    /** {@code name} bare if possible, else in double quotes. */
    static String identifier(String name) {
        return isPlainIdentifier(name) ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** {@code name} always in double quotes. */
    static String quotedIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** UTF-8 bytes of {@code s} cut at the first NUL, as C's {@code %s} prints them. */
    static byte[] cString(String s) {
        return cString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code b} cut at the first NUL. */
    static byte[] cString(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return Arrays.copyOf(b, i);
            }
        }
        return b;
    }

    /**
     * Column {@code i} of the current row as a SQL literal: NULL, the integer text, a REAL as
     * {@link RealFormat#altForm20}, {@code X'..'} for a blob, and text quoted. With {@code escaped} (insert mode and
     * {@code .dump}) newlines in text are escaped, infinities are written {@code 1e999} and integral reals in the
     * 64-bit range as {@code 412.0} rather than {@code %!.20g}'s {@code 411.99999999999999998}.
     */
    static String literal(Statement st, int i, boolean escaped) {
        switch (st.columnType(i)) {
            case ColumnType.NULL:
                return "NULL";
            case ColumnType.INTEGER:
                return st.columnText(i);
            case ColumnType.FLOAT: {
                double d = st.columnDouble(i);
                if (escaped && Double.isInfinite(d)) {
                    return d > 0 ? "1e999" : "-1e999";
                }
                if (escaped && d >= -TWO_TO_63 && d < TWO_TO_63 && d == (double) (long) d) {
                    return (long) d + ".0"; // insert mode prints integral reals exactly
                }
                return RealFormat.altForm20(d);
            }
            case ColumnType.BLOB:
                return blobLiteral(st.columnBlob(i));
            default:
                String t = new String(cString(st.columnText(i)), StandardCharsets.UTF_8);
                return escaped ? quoteTextEscaped(t) : quoteText(t);
        }
    }
}
