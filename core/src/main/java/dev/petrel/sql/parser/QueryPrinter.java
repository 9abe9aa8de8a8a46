package dev.petrel.sql.parser;

import dev.petrel.sql.ast.ColumnDef;
import dev.petrel.sql.ast.ConflictAction;
import dev.petrel.sql.ast.Limit;
import dev.petrel.sql.ast.QualifiedTable;
import dev.petrel.sql.ast.ResultColumn;
import dev.petrel.sql.ast.Select;
import dev.petrel.sql.ast.SelectBody;
import dev.petrel.sql.ast.SetClause;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.sql.ast.TableSource;
import dev.petrel.sql.ast.Upsert;
import dev.petrel.sql.ast.With;

import java.util.List;

/** Prints SELECT, INSERT, UPDATE and DELETE (the statements a trigger body may hold) for {@link SqlPrinter}. */
class QueryPrinter extends ExprPrinter {

    void stmt(Stmt s) {
        if (s instanceof Select sel) {
            select(sel);
        } else if (s instanceof Stmt.Insert ins) {
            insert(ins);
        } else if (s instanceof Stmt.Update up) {
            update(up);
        } else if (s instanceof Stmt.Delete del) {
            delete(del);
        } else {
            throw new IllegalArgumentException("cannot print " + s.getClass().getSimpleName());
        }
    }

    // ---- SELECT ----

    final void select(Select s) {
        if (s.with() != null) {
            with(s.with());
        }
        selectBody(s.body());
        if (!s.orderBy().isEmpty()) {
            w(" ORDER BY ");
            orderingTerms(s.orderBy());
        }
        limit(s.limit());
    }

    final void limit(Limit l) {
        if (l != null) {
            w(" LIMIT ");
            expr(l.limit());
            if (l.offset() != null) {
                w(" OFFSET ");
                expr(l.offset());
            }
        }
    }

    final void with(With with) {
        w(with.recursive() ? "WITH RECURSIVE " : "WITH ");
        for (int i = 0; i < with.ctes().size(); i++) {
            if (i > 0) {
                w(", ");
            }
            With.Cte c = with.ctes().get(i);
            name(c.name());
            if (!c.columns().isEmpty()) {
                w("(");
                names(c.columns());
                w(")");
            }
            w(" AS ");
            if (c.materialized() == With.Materialized.MATERIALIZED) {
                w("MATERIALIZED ");
            } else if (c.materialized() == With.Materialized.NOT_MATERIALIZED) {
                w("NOT MATERIALIZED ");
            }
            w("(");
            select(c.select());
            w(")");
        }
        w(" ");
    }

    private void selectBody(SelectBody b) {
        if (b instanceof SelectBody.Compound c) {
            selectBody(c.left());
            switch (c.op()) {
                case UNION:
                    w(" UNION ");
                    break;
                case UNION_ALL:
                    w(" UNION ALL ");
                    break;
                case INTERSECT:
                    w(" INTERSECT ");
                    break;
                default:
                    w(" EXCEPT ");
                    break;
            }
            selectBody(c.right());
        } else if (b instanceof SelectBody.Values v) {
            w("VALUES ");
            for (int i = 0; i < v.rows().size(); i++) {
                if (i > 0) {
                    w(", ");
                }
                w("(");
                exprs(v.rows().get(i));
                w(")");
            }
        } else {
            SelectBody.Core c = (SelectBody.Core) b;
            w(c.distinct() ? "SELECT DISTINCT " : "SELECT ");
            resultColumns(c.columns());
            if (c.from() != null) {
                w(" FROM ");
                tableSource(c.from());
            }
            if (c.where() != null) {
                w(" WHERE ");
                expr(c.where());
            }
            if (!c.groupBy().isEmpty()) {
                w(" GROUP BY ");
                exprs(c.groupBy());
            }
            if (c.having() != null) {
                w(" HAVING ");
                expr(c.having());
            }
            if (!c.windows().isEmpty()) {
                w(" WINDOW ");
                for (int i = 0; i < c.windows().size(); i++) {
                    if (i > 0) {
                        w(", ");
                    }
                    name(c.windows().get(i).name()).w(" AS ");
                    windowSpec(c.windows().get(i).spec());
                }
            }
        }
    }

    final void resultColumns(List<ResultColumn> cols) {
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                w(", ");
            }
            ResultColumn rc = cols.get(i);
            if (rc instanceof ResultColumn.Star st) {
                if (st.table() != null) {
                    name(st.table()).w(".");
                }
                w("*");
            } else {
                ResultColumn.Item it = (ResultColumn.Item) rc;
                expr(it.expr());
                if (it.alias() != null) {
                    w(" AS ").name(it.alias());
                }
            }
        }
    }

    private void alias(String alias) {
        if (alias != null) {
            w(" AS ").name(alias);
        }
    }

    final void tableSource(TableSource ts) {
        if (ts instanceof TableSource.Table t) {
            qualified(t.schema(), t.name());
            alias(t.alias());
            if (t.indexedBy() != null) {
                w(" INDEXED BY ").name(t.indexedBy());
            } else if (t.notIndexed()) {
                w(" NOT INDEXED");
            }
        } else if (ts instanceof TableSource.Function f) {
            qualified(f.schema(), f.name());
            w("(");
            exprs(f.args());
            w(")");
            alias(f.alias());
        } else if (ts instanceof TableSource.Subquery sq) {
            w("(");
            select(sq.select());
            w(")");
            alias(sq.alias());
        } else if (ts instanceof TableSource.Paren pr) {
            w("(");
            tableSource(pr.inner());
            w(")");
            alias(pr.alias());
        } else {
            TableSource.Join j = (TableSource.Join) ts;
            tableSource(j.left());
            if (j.type() == TableSource.JoinType.COMMA) {
                w(", ");
            } else {
                w(" ");
                if (j.natural()) {
                    w("NATURAL ");
                }
                if (j.type() != TableSource.JoinType.PLAIN) {
                    w(j.type().name()).w(" ");
                }
                if (j.outer()) {
                    w("OUTER ");
                }
                w("JOIN ");
            }
            tableSource(j.right());
            if (j.on() != null) {
                w(" ON ");
                expr(j.on());
            } else if (!j.using().isEmpty()) {
                w(" USING (");
                names(j.using());
                w(")");
            }
        }
    }

    // ---- DML ----

    final void conflictPrefix(ConflictAction a) {
        if (a != ConflictAction.NONE) {
            w(" OR ").w(a.name());
        }
    }

    final void insert(Stmt.Insert s) {
        if (s.with() != null) {
            with(s.with());
        }
        w("INSERT");
        conflictPrefix(s.orAction());
        w(" INTO ");
        qualified(s.schema(), s.table());
        alias(s.alias());
        if (!s.columns().isEmpty()) {
            w(" (");
            names(s.columns());
            w(")");
        }
        if (s.defaultValues()) {
            w(" DEFAULT VALUES");
        } else {
            w(" ");
            select(s.select());
        }
        for (Upsert u : s.upserts()) {
            w(" ON CONFLICT");
            if (!u.target().isEmpty()) {
                w(" (");
                indexedColumns(u.target());
                w(")");
                if (u.targetWhere() != null) {
                    w(" WHERE ");
                    expr(u.targetWhere());
                }
            }
            if (u.doNothing()) {
                w(" DO NOTHING");
            } else {
                w(" DO UPDATE SET ");
                sets(u.sets());
                if (u.where() != null) {
                    w(" WHERE ");
                    expr(u.where());
                }
            }
        }
        returning(s.returning());
    }

    private void returning(List<ResultColumn> r) {
        if (!r.isEmpty()) {
            w(" RETURNING ");
            resultColumns(r);
        }
    }

    private void sets(List<SetClause> sets) {
        for (int i = 0; i < sets.size(); i++) {
            if (i > 0) {
                w(", ");
            }
            SetClause sc = sets.get(i);
            if (sc.parenthesized()) {
                w("(");
                names(sc.columns());
                w(")");
            } else {
                name(sc.columns().get(0));
            }
            w(" = ");
            expr(sc.value());
        }
    }

    private void qualifiedTable(QualifiedTable t) {
        qualified(t.schema(), t.name());
        alias(t.alias());
        if (t.indexedBy() != null) {
            w(" INDEXED BY ").name(t.indexedBy());
        } else if (t.notIndexed()) {
            w(" NOT INDEXED");
        }
    }

    final void update(Stmt.Update s) {
        if (s.with() != null) {
            with(s.with());
        }
        w("UPDATE");
        conflictPrefix(s.orAction());
        w(" ");
        qualifiedTable(s.table());
        w(" SET ");
        sets(s.sets());
        if (s.from() != null) {
            w(" FROM ");
            tableSource(s.from());
        }
        if (s.where() != null) {
            w(" WHERE ");
            expr(s.where());
        }
        returning(s.returning());
        if (!s.orderBy().isEmpty()) {
            w(" ORDER BY ");
            orderingTerms(s.orderBy());
        }
        limit(s.limit());
    }

    final void delete(Stmt.Delete s) {
        if (s.with() != null) {
            with(s.with());
        }
        w("DELETE FROM ");
        qualifiedTable(s.table());
        if (s.where() != null) {
            w(" WHERE ");
            expr(s.where());
        }
        returning(s.returning());
        if (!s.orderBy().isEmpty()) {
            w(" ORDER BY ");
            orderingTerms(s.orderBy());
        }
        limit(s.limit());
    }

    final void columnDefHead(ColumnDef c) {
        name(c.name());
        if (c.type() != null) {
            w(" ");
            typeName(c.type());
        }
    }
}
