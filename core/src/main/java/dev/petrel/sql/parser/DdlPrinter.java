package dev.petrel.sql.parser;

import dev.petrel.sql.ast.ColumnConstraint;
import dev.petrel.sql.ast.ColumnDef;
import dev.petrel.sql.ast.ConflictAction;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.ForeignKey;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.sql.ast.TableConstraint;

/** Prints CREATE / DROP / ALTER and the utility statements for {@link SqlPrinter}. */
final class DdlPrinter extends QueryPrinter {

    @Override
    void stmt(Stmt s) {
        if (s instanceof Stmt.CreateTable ct) {
            createTable(ct);
        } else if (s instanceof Stmt.CreateIndex ci) {
            w(ci.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
            ifNotExists(ci.ifNotExists());
            qualified(ci.schema(), ci.name());
            w(" ON ").name(ci.table()).w(" (");
            indexedColumns(ci.columns());
            w(")");
            if (ci.where() != null) {
                w(" WHERE ");
                expr(ci.where());
            }
        } else if (s instanceof Stmt.CreateView cv) {
            w(cv.temp() ? "CREATE TEMP VIEW " : "CREATE VIEW ");
            ifNotExists(cv.ifNotExists());
            qualified(cv.schema(), cv.name());
            if (!cv.columns().isEmpty()) {
                w("(");
                names(cv.columns());
                w(")");
            }
            w(" AS ");
            select(cv.select());
        } else if (s instanceof Stmt.CreateTrigger tr) {
            createTrigger(tr);
        } else if (s instanceof Stmt.CreateVirtualTable vt) {
            w("CREATE VIRTUAL TABLE ");
            ifNotExists(vt.ifNotExists());
            qualified(vt.schema(), vt.name());
            w(" USING ").name(vt.module());
            if (!vt.args().isEmpty()) {
                w("(").w(String.join(", ", vt.args())).w(")");
            }
        } else if (s instanceof Stmt.Drop d) {
            w("DROP ").w(d.kind().name()).w(" ");
            if (d.ifExists()) {
                w("IF EXISTS ");
            }
            qualified(d.schema(), d.name());
        } else if (s instanceof Stmt.AlterTable at) {
            alter(at);
        } else if (s instanceof Stmt.Begin b) {
            w("BEGIN");
            if (b.mode() != Stmt.TransactionMode.NONE) {
                w(" ").w(b.mode().name());
            }
        } else if (s instanceof Stmt.Commit) {
            w("COMMIT");
        } else if (s instanceof Stmt.Rollback r) {
            w("ROLLBACK");
            if (r.savepoint() != null) {
                w(" TO SAVEPOINT ").name(r.savepoint());
            }
        } else if (s instanceof Stmt.Savepoint sp) {
            w("SAVEPOINT ").name(sp.name());
        } else if (s instanceof Stmt.Release rl) {
            w("RELEASE SAVEPOINT ").name(rl.name());
        } else if (s instanceof Stmt.Pragma pr) {
            w("PRAGMA ");
            qualified(pr.schema(), pr.name());
            if (pr.value() != null) {
                w(" = ");
                w(isSignedNumber(pr.value()) ? pr.value() : SqlPrinter.quoteName(pr.value()));
            }
        } else if (s instanceof Stmt.Vacuum v) {
            w("VACUUM");
            if (v.schema() != null) {
                w(" ").name(v.schema());
            }
            if (v.into() != null) {
                w(" INTO ");
                expr(v.into());
            }
        } else if (s instanceof Stmt.Attach a) {
            w("ATTACH DATABASE ");
            expr(a.file());
            w(" AS ");
            expr(a.schema());
            if (a.key() != null) {
                w(" KEY ");
                expr(a.key());
            }
        } else if (s instanceof Stmt.Detach d) {
            w("DETACH DATABASE ");
            expr(d.schema());
        } else if (s instanceof Stmt.Reindex ri) {
            w("REINDEX");
            if (ri.name() != null) {
                w(" ");
                qualified(ri.schema(), ri.name());
            }
        } else if (s instanceof Stmt.Analyze an) {
            w("ANALYZE");
            if (an.name() != null) {
                w(" ");
                qualified(an.schema(), an.name());
            }
        } else if (s instanceof Stmt.Explain ex) {
            w(ex.queryPlan() ? "EXPLAIN QUERY PLAN " : "EXPLAIN ");
            stmt(ex.stmt());
        } else {
            super.stmt(s);
        }
    }

    private static boolean isSignedNumber(String v) {
        int i = v.startsWith("-") ? 1 : 0;
        if (i >= v.length()) {
            return false;
        }
        dev.petrel.sql.lexer.Token t = dev.petrel.sql.lexer.Lexer.tokenize(v.substring(i)).get(0);
        return t.length() == v.length() - i && (t.type() == dev.petrel.sql.lexer.TokenType.INTEGER
                || t.type() == dev.petrel.sql.lexer.TokenType.FLOAT);
    }

    private void ifNotExists(boolean b) {
        if (b) {
            w("IF NOT EXISTS ");
        }
    }

    private void onConflict(ConflictAction a) {
        if (a != ConflictAction.NONE) {
            w(" ON CONFLICT ").w(a.name());
        }
    }

    private void createTable(Stmt.CreateTable ct) {
        w(ct.temp() ? "CREATE TEMP TABLE " : "CREATE TABLE ");
        ifNotExists(ct.ifNotExists());
        qualified(ct.schema(), ct.name());
        if (ct.asSelect() != null) {
            w(" AS ");
            select(ct.asSelect());
            return;
        }
        w("(");
        for (int i = 0; i < ct.columns().size(); i++) {
            if (i > 0) {
                w(", ");
            }
            columnDef(ct.columns().get(i));
        }
        for (TableConstraint tc : ct.constraints()) {
            w(", ");
            tableConstraint(tc);
        }
        w(")");
        if (ct.withoutRowid()) {
            w(" WITHOUT ROWID");
        }
        if (ct.strict()) {
            w(ct.withoutRowid() ? ", STRICT" : " STRICT");
        }
    }

    private void constraintName(String n) {
        if (n != null) {
            w("CONSTRAINT ").name(n).w(" ");
        }
    }

    void columnDef(ColumnDef c) {
        columnDefHead(c);
        for (ColumnConstraint cc : c.constraints()) {
            w(" ");
            constraintName(cc.name());
            if (cc instanceof ColumnConstraint.PrimaryKey pk) {
                w("PRIMARY KEY");
                sortOrder(pk.order());
                onConflict(pk.onConflict());
                if (pk.autoincrement()) {
                    w(" AUTOINCREMENT");
                }
            } else if (cc instanceof ColumnConstraint.NotNull nn) {
                w("NOT NULL");
                onConflict(nn.onConflict());
            } else if (cc instanceof ColumnConstraint.Null nl) {
                w("NULL");
                onConflict(nl.onConflict());
            } else if (cc instanceof ColumnConstraint.Unique u) {
                w("UNIQUE");
                onConflict(u.onConflict());
            } else if (cc instanceof ColumnConstraint.Check ck) {
                w("CHECK (");
                expr(ck.expr());
                w(")");
            } else if (cc instanceof ColumnConstraint.Default d) {
                w("DEFAULT ");
                defaultValue(d.value());
            } else if (cc instanceof ColumnConstraint.Collate co) {
                w("COLLATE ").name(co.collation());
            } else if (cc instanceof ColumnConstraint.References r) {
                foreignKey(r.foreignKey());
            } else {
                ColumnConstraint.Generated g = (ColumnConstraint.Generated) cc;
                w("GENERATED ALWAYS AS (");
                expr(g.expr());
                w(")");
                if (g.storageGiven()) {
                    w(g.stored() ? " STORED" : " VIRTUAL");
                }
            }
        }
    }

    private void defaultValue(Expr v) {
        boolean literal = v instanceof Expr.Literal;
        if (v instanceof Expr.Unary u && u.op() != Expr.UnaryOp.NOT && u.op() != Expr.UnaryOp.BITNOT
                && u.operand() instanceof Expr.Literal) {
            literal = true;
        }
        if (literal) {
            expr(v);
        } else {
            w("(");
            expr(v);
            w(")");
        }
    }

    private void foreignKey(ForeignKey fk) {
        w("REFERENCES ").name(fk.table());
        if (!fk.columns().isEmpty()) {
            w("(");
            names(fk.columns());
            w(")");
        }
        if (fk.onDelete() != ForeignKey.Action.NONE) {
            w(" ON DELETE ").w(action(fk.onDelete()));
        }
        if (fk.onUpdate() != ForeignKey.Action.NONE) {
            w(" ON UPDATE ").w(action(fk.onUpdate()));
        }
        if (fk.match() != null) {
            w(" MATCH ").name(fk.match());
        }
        if (fk.deferrable() != null) {
            w(fk.deferrable() ? " DEFERRABLE" : " NOT DEFERRABLE");
            if (fk.initiallyDeferred() != null) {
                w(fk.initiallyDeferred() ? " INITIALLY DEFERRED" : " INITIALLY IMMEDIATE");
            }
        }
    }

    private static String action(ForeignKey.Action a) {
        switch (a) {
            case SET_NULL:
                return "SET NULL";
            case SET_DEFAULT:
                return "SET DEFAULT";
            case NO_ACTION:
                return "NO ACTION";
            default:
                return a.name();
        }
    }

    private void tableConstraint(TableConstraint tc) {
        constraintName(tc.name());
        if (tc instanceof TableConstraint.PrimaryKey pk) {
            w("PRIMARY KEY (");
            indexedColumns(pk.columns());
            w(pk.autoincrement() ? " AUTOINCREMENT)" : ")");
            onConflict(pk.onConflict());
        } else if (tc instanceof TableConstraint.Unique u) {
            w("UNIQUE (");
            indexedColumns(u.columns());
            w(")");
            onConflict(u.onConflict());
        } else if (tc instanceof TableConstraint.Check ck) {
            w("CHECK (");
            expr(ck.expr());
            w(")");
            onConflict(ck.onConflict());
        } else {
            TableConstraint.ForeignKeyConstraint fk = (TableConstraint.ForeignKeyConstraint) tc;
            w("FOREIGN KEY (");
            names(fk.columns());
            w(") ");
            foreignKey(fk.foreignKey());
        }
    }

    private void createTrigger(Stmt.CreateTrigger tr) {
        w(tr.temp() ? "CREATE TEMP TRIGGER " : "CREATE TRIGGER ");
        ifNotExists(tr.ifNotExists());
        qualified(tr.schema(), tr.name());
        switch (tr.time()) {
            case BEFORE:
                w(" BEFORE");
                break;
            case AFTER:
                w(" AFTER");
                break;
            case INSTEAD_OF:
                w(" INSTEAD OF");
                break;
            default:
                break;
        }
        w(" ").w(tr.event().name());
        if (!tr.updateColumns().isEmpty()) {
            w(" OF ");
            names(tr.updateColumns());
        }
        w(" ON ");
        qualified(tr.tableSchema(), tr.table());
        if (tr.forEachRow()) {
            w(" FOR EACH ROW");
        }
        if (tr.when() != null) {
            w(" WHEN ");
            expr(tr.when());
        }
        w(" BEGIN ");
        for (Stmt s : tr.body()) {
            stmt(s);
            w("; ");
        }
        w("END");
    }

    private void alter(Stmt.AlterTable at) {
        w("ALTER TABLE ");
        qualified(at.schema(), at.table());
        Stmt.AlterAction a = at.action();
        if (a instanceof Stmt.RenameTable rt) {
            w(" RENAME TO ").name(rt.newName());
        } else if (a instanceof Stmt.RenameColumn rc) {
            w(" RENAME COLUMN ").name(rc.oldName()).w(" TO ").name(rc.newName());
        } else if (a instanceof Stmt.AddColumn ac) {
            w(" ADD COLUMN ");
            columnDef(ac.column());
        } else {
            w(" DROP COLUMN ").name(((Stmt.DropColumn) a).name());
        }
    }
}
