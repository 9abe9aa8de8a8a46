package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.plan.Scope;
import dev.petrel.schema.Catalog;
import dev.petrel.schema.Schema;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.ResultColumn;
import dev.petrel.sql.ast.Select;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.vm.Explain;
import dev.petrel.vm.Opcode;
import dev.petrel.vm.Program;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The code generator's entry point: compiles one parsed statement against a schema into a {@link Program}.
 *
 * <p>Program shape (as SQLite's): address 0 is {@code Init}, jumping to the end, where {@code Transaction} (read
 * or write, with the schema cookie the statement was compiled against) runs before jumping back to address 1;
 * the body ends in {@code Halt}. Contract: {@link #compile} either returns a program or throws the SQLite-worded
 * error of the first problem found (unknown table or column, misuse of an aggregate...). A compiler is used once.
 */
public final class Compiler {
    final ProgramBuilder b = new ProgramBuilder();
    final FunctionRegistry functions;
    final Catalog schema;
    final String sql;
    final SelectGen select;
    boolean write;
    boolean touchesDatabase;
    int viewDepth;
    /** Connection settings code generation depends on (FLAG_*). */
    int flags;
    /** Inside a trigger body: the scope of its OLD and NEW rows, the outermost scope of every statement. */
    Scope rootScope;
    /** Set while compiling a trigger body (RAISE is allowed), with the conflict action it inherits. */
    boolean inTrigger;
    /** Set while compiling DROP TABLE's implicit DELETE, which fires no triggers. */
    boolean triggersDisabled;
    dev.petrel.sql.ast.ConflictAction triggerConflict;
    /** Trigger sub-programs of the statement being compiled and its triggers, by TriggerGen's key. */
    java.util.Map<String, dev.petrel.vm.TriggerProgram> triggerPrograms = new java.util.HashMap<>();

    /** PRAGMA foreign_keys is on. */
    public static final int FLAG_FOREIGN_KEYS = 1;
    /** PRAGMA recursive_triggers is on. */
    public static final int FLAG_RECURSIVE_TRIGGERS = 2;
    /** PRAGMA defer_foreign_keys is on. */
    public static final int FLAG_DEFER_FOREIGN_KEYS = 4;
    /** PRAGMA ignore_check_constraints is on. */
    public static final int FLAG_IGNORE_CHECKS = 8;

    private Compiler(Catalog schema, FunctionRegistry functions, String sql) {
        this.schema = schema;
        this.functions = functions;
        this.sql = sql;
        this.select = new SelectGen(this);
    }

    /**
     * Compiles {@code stmt} (parsed from {@code sql}; {@code stmtEnd} is where its text ends, for CREATE text).
     *
     * @param paramNames the statement's parameter slots as the parser numbered them
     */
    public static Program compile(Stmt stmt, Schema schema, FunctionRegistry functions, String sql, int stmtEnd,
                                  List<String> paramNames) {
        return compile(stmt, schema, functions, sql, stmtEnd, paramNames, 0);
    }

    /** As {@link #compile(Stmt, Schema, FunctionRegistry, String, int, List)} under connection settings FLAG_*. */
    public static Program compile(Stmt stmt, Schema schema, FunctionRegistry functions, String sql, int stmtEnd,
                                  List<String> paramNames, int flags) {
        return compile(stmt, Catalog.of(schema), functions, sql, stmtEnd, paramNames, flags);
    }

    /** As {@link #compile(Stmt, Schema, FunctionRegistry, String, int, List, int)} over every database of a catalog. */
    public static Program compile(Stmt stmt, Catalog schema, FunctionRegistry functions, String sql, int stmtEnd,
                                  List<String> paramNames, int flags) {
        Compiler c = new Compiler(schema, functions, sql);
        c.flags = flags;
        c.stmtEnd = stmtEnd;
        int explain = 0;
        if (stmt instanceof Stmt.Explain ex) {
            explain = ex.queryPlan() ? 2 : 1;
            stmt = ex.stmt();
        }
        c.b.emit(Opcode.Init, 0, 0);
        ResultInfo info = c.statement(stmt);
        c.b.emit(Opcode.Halt, 0, 0);
        int txn = c.b.addr();
        c.b.at(0).p2 = txn;
        if (c.touchesDatabase || c.write) {
            c.transactions();
        }
        c.b.emit(Opcode.Goto, 0, 1);
        List<String> names = info == null ? List.of() : info.names;
        List<String> decl = info == null ? List.of() : info.declTypes;
        if (explain == 1) {
            names = Arrays.asList(Explain.COLUMNS);
            decl = Arrays.asList(new String[names.size()]);
        } else if (explain == 2) {
            names = List.of("id", "parent", "notused", "detail");
            decl = Arrays.asList(new String[4]);
        }
        Program p = c.b.build(names, decl, paramNames, !c.write && !(stmt instanceof Stmt.Begin)
                && !(stmt instanceof Stmt.Commit) && !(stmt instanceof Stmt.Rollback), explain);
        if (explain == 2) {
            p.queryPlan = c.b.eqp.toArray(new Object[0][]);
        }
        CollationBinder.bind(p, functions);
        p.compileFlags = flags;
        return p;
    }

    /** EXPLAIN QUERY PLAN rows gathered while compiling (id, parent, notused, detail). */
    public static List<Object[]> queryPlan(Stmt stmt, Schema schema, FunctionRegistry functions, String sql) {
        Compiler c = new Compiler(Catalog.of(schema), functions, sql);
        if (stmt instanceof Stmt.Explain ex) {
            stmt = ex.stmt();
        }
        c.b.emit(Opcode.Init, 0, 0);
        c.statement(stmt);
        return new ArrayList<>(c.b.eqp);
    }

    int stmtEnd;

    /**
     * Emits one {@code Transaction} per database the program (or a trigger sub-program of it) uses, as SQLite's
     * cookie mask does: P1 the database, P2 1 where it is written (a cursor opened for writing, a b-tree created,
     * destroyed or cleared, a cookie set), P3 the schema cookie it was compiled against. A statement naming no
     * database (SELECT 1, a DDL that found nothing to do) takes main's.
     */
    private void transactions() {
        boolean[] used = new boolean[schema.size()];
        boolean[] written = new boolean[schema.size()];
        markDatabases(b.code(), used, written);
        for (dev.petrel.vm.TriggerProgram tp : triggerPrograms.values()) {
            if (tp.program != null) {
                markDatabases(java.util.Arrays.asList(tp.program.insns), used, written);
            }
        }
        boolean any = false;
        for (int db = 0; db < used.length; db++) {
            if (used[db]) {
                any = true;
                b.emit(Opcode.Transaction, db, written[db] ? 1 : 0, schema.cookie(db), null, 1);
            }
        }
        if (!any) {
            b.emit(Opcode.Transaction, 0, write ? 1 : 0, schema.cookie(0), null, 1);
        }
    }

    private static void markDatabases(List<dev.petrel.vm.Insn> code, boolean[] used, boolean[] written) {
        for (dev.petrel.vm.Insn in : code) {
            int db = in.op.databaseOperand(in);
            if (db >= 0 && db < used.length) {
                used[db] = true;
                written[db] |= in.op.writesDatabase(in);
            }
        }
    }

    private ResultInfo statement(Stmt stmt) {
        if (stmt instanceof Select s) {
            touchesDatabase = true;
            return select.run(s, null, (reg, n, info) -> b.emit(Opcode.ResultRow, reg, n));
        }
        if (stmt instanceof Stmt.Insert ins) {
            write = true;
            return select.withCtes(ins.with(), () -> new DmlGen(this).insert(ins));
        }
        if (stmt instanceof Stmt.Update up) {
            write = true;
            return select.withCtes(up.with(), () -> new DmlGen(this).update(up));
        }
        if (stmt instanceof Stmt.Delete del) {
            write = true;
            return select.withCtes(del.with(), () -> new DmlGen(this).delete(del));
        }
        if (stmt instanceof Stmt.CreateTable || stmt instanceof Stmt.CreateIndex || stmt instanceof Stmt.CreateView
                || stmt instanceof Stmt.Drop || stmt instanceof Stmt.CreateTrigger) {
            write = true;
            new DdlGen(this).ddl(stmt);
            return null;
        }
        if (stmt instanceof Stmt.AlterTable at) {
            write = true;
            new AlterGen(this).alter(at);
            return null;
        }
        if (stmt instanceof Stmt.Begin) {
            b.emit(Opcode.AutoCommit, 0, 0);
            return null;
        }
        if (stmt instanceof Stmt.Commit) {
            b.emit(Opcode.AutoCommit, 1, 0);
            return null;
        }
        if (stmt instanceof Stmt.Rollback rb) {
            if (rb.savepoint() != null) {
                b.emit(Opcode.Savepoint, 2, 0, 0, rb.savepoint(), 0);
            } else {
                b.emit(Opcode.AutoCommit, 1, 1);
            }
            return null;
        }
        if (stmt instanceof Stmt.Savepoint sp) {
            b.emit(Opcode.Savepoint, 0, 0, 0, sp.name(), 0);
            return null;
        }
        if (stmt instanceof Stmt.Release rl) {
            b.emit(Opcode.Savepoint, 1, 0, 0, rl.name(), 0);
            return null;
        }
        if (stmt instanceof Stmt.Pragma pr) {
            return new PragmaGen(this).pragma(pr);
        }
        if (stmt instanceof Stmt.Analyze an) {
            new MaintenanceGen(this).analyze(an);
            return null;
        }
        if (stmt instanceof Stmt.Reindex ri) {
            new MaintenanceGen(this).reindex(ri);
            return null;
        }
        if (stmt instanceof Stmt.Vacuum v) {
            new MaintenanceGen(this).vacuum(v);
            return null;
        }
        if (stmt instanceof Stmt.Attach at) {
            AttachGen.attach(this, at);
            return null;
        }
        if (stmt instanceof Stmt.Detach dt) {
            AttachGen.detach(this, dt);
            return null;
        }
        throw PetrelException.error("statement not supported by Petrel (CREATE VIRTUAL TABLE)");
    }

    void noteParam(Expr.Param p) {
        // Parameter slots come from the parser; nothing to record.
    }

    /** The value of a constant DEFAULT expression, or null if it is not a plain constant. */
    Object constantValue(Expr e) {
        if (e instanceof Expr.Literal lit) {
            switch (lit.kind()) {
                case CURRENT_DATE:
                case CURRENT_TIME:
                case CURRENT_TIMESTAMP:
                    return null;
                default:
                    return lit.value();
            }
        }
        if (e instanceof Expr.Unary u && u.operand() instanceof Expr.Literal lit
                && (lit.value() instanceof Long || lit.value() instanceof Double)) {
            if (u.op() == Expr.UnaryOp.NEG) {
                return ExprGen.negateLiteral(lit);
            }
            if (u.op() == Expr.UnaryOp.POS) {
                return lit.value();
            }
        }
        return null;
    }

    /** The text of a result column as written (SQLite names an unaliased expression column by its text). */
    String spanText(ResultColumn.Item it) {
        int start = it.expr().pos();
        int p = Math.max(0, Math.min(start, sql.length()));
        // The expression's position may point at an operator; back up to the item's start.
        p = Math.max(0, Math.min(it.pos(), sql.length()));
        int depth = 0;
        int i = p;
        while (i < sql.length()) {
            char ch = sql.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') {
                char close = ch == '[' ? ']' : ch;
                i++;
                while (i < sql.length() && sql.charAt(i) != close) {
                    i++;
                }
                i++;
                continue;
            }
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if ((ch == ',' || ch == ';') && depth == 0) {
                break;
            } else if (depth == 0 && Character.isLetter(ch) && (i == 0 || !isIdent(sql.charAt(i - 1)))) {
                int j = i;
                while (j < sql.length() && isIdent(sql.charAt(j))) {
                    j++;
                }
                String w = sql.substring(i, j).toUpperCase(java.util.Locale.ROOT);
                if (i > p && (w.equals("FROM") || w.equals("WHERE") || w.equals("GROUP") || w.equals("HAVING")
                        || w.equals("ORDER") || w.equals("LIMIT") || w.equals("UNION") || w.equals("EXCEPT")
                        || w.equals("INTERSECT") || w.equals("WINDOW") || w.equals("AS"))) {
                    break;
                }
                i = j;
                continue;
            }
            i++;
        }
        return sql.substring(p, Math.min(i, sql.length())).trim();
    }

    private static boolean isIdent(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$';
    }

    Scope emptyScope() {
        return new Scope(rootScope);
    }

    /** A compiler for a trigger sub-program of this statement (same schema, settings and sub-program cache). */
    Compiler sub(String sqlText) {
        return sub(sqlText, -1);
    }

    /** As {@link #sub(String)} for a body belonging to database {@code db} (its unqualified names are bound there). */
    Compiler sub(String sqlText, int db) {
        Compiler s = new Compiler(db < 0 ? schema : schema.fixedTo(db), functions, sqlText);
        s.flags = flags;
        s.triggerPrograms = triggerPrograms;
        s.stmtEnd = sqlText.length();
        return s;
    }

    boolean flag(int f) {
        return (flags & f) != 0;
    }
}
