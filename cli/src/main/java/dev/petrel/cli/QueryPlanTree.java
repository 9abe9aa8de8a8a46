package dev.petrel.cli;

import dev.petrel.api.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * EXPLAIN QUERY PLAN as sqlite3 3.40 prints it: a {@code QUERY PLAN} line, then each plan row under its parent
 * (the {@code parent} column names the {@code id} of another row, 0 for the top level), drawn with {@code |--}
 * for a row that has later siblings, {@code `--} for the last one, and {@code |  } or three spaces below them.
 * Rows whose parent is not in the plan are not shown, as in sqlite3. Nothing is printed for a plan without rows.
 *
 * <p>Also tells EXPLAIN QUERY PLAN statements from others by their leading keywords, as sqlite3 does with
 * {@code sqlite3_stmt_isexplain}.
 */
final class QueryPlanTree {
    private record Row(long id, long parent, String detail) {}

    private final List<Row> rows = new ArrayList<>();

    private QueryPlanTree() {
    }

    /** Steps {@code eqp} (an EXPLAIN QUERY PLAN statement, already stepped once with {@code hasRow}) to its end. */
    static String render(Statement eqp, boolean hasRow) {
        QueryPlanTree tree = new QueryPlanTree();
        for (boolean more = hasRow; more; more = eqp.step()) {
            tree.rows.add(new Row(eqp.columnLong(0), eqp.columnLong(1), eqp.columnText(3)));
        }
        if (tree.rows.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("QUERY PLAN\n");
        tree.children(0, "", sb);
        return sb.toString();
    }

    private void children(long parent, String prefix, StringBuilder sb) {
        List<Row> kids = new ArrayList<>();
        for (Row r : rows) {
            if (r.parent == parent && r.id != parent) {
                kids.add(r);
            }
        }
        for (int i = 0; i < kids.size(); i++) {
            boolean last = i == kids.size() - 1;
            Row r = kids.get(i);
            sb.append(prefix).append(last ? "`--" : "|--").append(r.detail == null ? "" : r.detail).append('\n');
            if (prefix.length() < 3 * 100) {
                children(r.id, prefix + (last ? "   " : "|  "), sb);
            }
        }
    }

    /** Whether {@code sql} starts (after blanks and comments) with EXPLAIN QUERY PLAN. */
    static boolean isQueryPlan(String sql) {
        int[] pos = {0};
        return word(sql, pos).equalsIgnoreCase("explain") && word(sql, pos).equalsIgnoreCase("query")
                && word(sql, pos).equalsIgnoreCase("plan");
    }

    /** Whether {@code sql} starts with EXPLAIN (either form). */
    static boolean isExplain(String sql) {
        return word(sql, new int[] {0}).equalsIgnoreCase("explain");
    }

    /** The next word of letters at or after {@code pos[0]}, skipping blanks and comments; advances pos. */
    private static String word(String sql, int[] pos) {
        int i = pos[0];
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        pos[0] = i;
        return sql.substring(start, i);
    }
}
