package dev.petrel.plan;

import dev.petrel.api.PetrelException;
import dev.petrel.sql.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Name resolution for one SELECT (or UPDATE/DELETE): the sources of its FROM clause, the enclosing scope for
 * correlated references, and SQLite's errors ("no such column: x", "no such column: t.x", "ambiguous column name:
 * x").
 *
 * <p>Contract: {@link #resolve} returns where a column reference points, searching this scope's sources, then
 * the enclosing scopes (marking this scope {@link #correlated}); null if nothing matches, so that the caller can
 * try result-column aliases and the double-quoted-string fallback before reporting {@link #noSuchColumn}.
 */
public final class Scope {
    /** A resolved column: the source and its column number (-1 for the rowid), and how many scopes out. */
    public record Resolved(Source source, int column, int depth) {}

    public final List<Source> sources = new ArrayList<>();
    public final Scope parent;
    /** Set when a reference resolved in an enclosing scope (the subquery must be re-run per outer row). */
    public boolean correlated;

    /**
     * USING columns merged by a RIGHT or FULL JOIN (lower-case name to value): the column is then whichever of
     * the merged sources has a row, {@code coalesce(a.x, b.x, ...)}, for unqualified references and {@code *}.
     */
    public final java.util.Map<String, Expr> rightJoinUsing = new java.util.HashMap<>();

    /**
     * A USING column found unmerged in two sources on the left of its join (the first such name), or null:
     * an error once the FROM clause turns out to hold a RIGHT or FULL JOIN, as in SQLite.
     */
    public String ambiguousUsing;

    public Scope(Scope parent) {
        this.parent = parent;
    }

    public Resolved resolve(Expr.ColumnRef ref) {
        Scope s = this;
        int depth = 0;
        while (s != null) {
            Resolved r = s.resolveLocal(ref, depth);
            if (r != null) {
                for (Scope m = this; m != s; m = m.parent) {
                    m.correlated = true;
                }
                return r;
            }
            s = s.parent;
            depth++;
        }
        return null;
    }

    /** The coalesce an unqualified reference resolved as {@code r} stands for (see {@link #rightJoinUsing}), or null. */
    public Expr usingValue(Expr.ColumnRef ref, Resolved r) {
        if (ref.table() != null || r == null || r.column() < 0) {
            return null;
        }
        Scope s = this;
        for (int d = 0; d < r.depth(); d++) {
            s = s.parent;
        }
        return s.rightJoinUsing.get(ref.column().toLowerCase(java.util.Locale.ROOT));
    }

    private Resolved resolveLocal(Expr.ColumnRef ref, int depth) {
        String col = ref.column();
        if (ref.table() != null) {
            // t.x names the sources called t; db.t.x only an unaliased table of database db. Two matches (main.t
            // and aux.t both read as t) are ambiguous, as in SQLite.
            Resolved found = null;
            int matches = 0;
            for (Source src : sources) {
                if (!src.name.equalsIgnoreCase(ref.table()) || (ref.schema() != null
                        && (src.schemaName == null || !src.schemaName.equalsIgnoreCase(ref.schema())))) {
                    continue;
                }
                int i = src.columnIndex(col);
                Resolved r = i >= 0 ? new Resolved(src, i, depth)
                        : src.hasRowid() && isRowidName(col) ? new Resolved(src, -1, depth) : null;
                if (r != null) {
                    matches++;
                    found = found == null ? r : found;
                }
            }
            if (matches > 1) {
                throw PetrelException.error("ambiguous column name: " + qualifiedName(ref));
            }
            return found;
        }
        Resolved found = null;
        int matches = 0;
        for (Source src : sources) {
            if (src.qualifiedOnly) {
                continue;
            }
            int i = src.columnIndex(col);
            if (i >= 0) {
                if (src.mergedColumns.contains(col.toLowerCase(java.util.Locale.ROOT)) && found != null) {
                    continue;
                }
                matches++;
                if (found == null) {
                    found = new Resolved(src, i, depth);
                }
            }
        }
        if (matches > 1) {
            throw PetrelException.error("ambiguous column name: " + col);
        }
        if (found != null) {
            return found;
        }
        if (isRowidName(col)) {
            for (Source src : sources) {
                if (src.hasRowid() && !src.qualifiedOnly) {
                    return new Resolved(src, -1, depth);
                }
            }
        }
        return null;
    }

    public static boolean isRowidName(String n) {
        return n.equalsIgnoreCase("rowid") || n.equalsIgnoreCase("oid") || n.equalsIgnoreCase("_rowid_");
    }

    /** SQLite's error for an unresolvable reference. */
    public static PetrelException noSuchColumn(Expr.ColumnRef ref) {
        return PetrelException.error("no such column: " + qualifiedName(ref));
    }

    /** A column reference as SQLite's messages write it: [db.][table.]column. */
    private static String qualifiedName(Expr.ColumnRef ref) {
        String n = ref.table() == null ? ref.column() : ref.table() + "." + ref.column();
        return ref.schema() == null ? n : ref.schema() + "." + n;
    }
}
